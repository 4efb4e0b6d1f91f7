using MathNet.Numerics.Distributions;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Cascades;

/// <summary>Per-agent thresholds drawn from MathNet distributions, for <see cref="FractionalThresholds"/> and <see cref="AbsoluteThresholds"/>.</summary>
internal static class ThresholdSampling
{
    /// <summary>Draws fractional thresholds φ_i from a continuous distribution, into a caller's array (no allocation).</summary>
    /// <param name="distribution">The distribution, for example <c>new Normal(0.18, 0.05)</c>; draws may fall outside [0, 1] (≤ 0: always active when touched, &gt; 1: never).</param>
    /// <param name="random">The random stream (the distribution's own random source is not used).</param>
    /// <param name="destination">One slot per agent.</param>
    /// <exception cref="ArgumentException">A draw is NaN.</exception>
    public static void Fractional(IContinuousDistribution distribution, RandomStream random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(random);
        distribution.RandomSource = random;
        for (int i = 0; i < destination.Length; i++)
        {
            double phi = distribution.Sample();
            destination[i] = double.IsNaN(phi) ? throw new ArgumentException("The threshold distribution produced NaN.", nameof(distribution)) : phi;
        }
    }

    /// <summary>Draws absolute thresholds (counts of active neighbours) from a discrete distribution.</summary>
    /// <param name="distribution">The distribution, for example <c>new Poisson(2)</c>.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="destination">One slot per agent.</param>
    public static void Absolute(IDiscreteDistribution distribution, RandomStream random, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(random);
        distribution.RandomSource = random;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = distribution.Sample();
        }
    }

    /// <summary>Marks a random share of agents as blocked (loyalists who never switch).</summary>
    /// <param name="share">The share in [0, 1]; each agent is blocked independently with this probability.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="destination">One flag per agent.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not a probability.</exception>
    public static void Blocked(double share, RandomStream random, Span<bool> destination)
    {
        Guard.Probability(share);
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = random.NextDouble() < share;
        }
    }
}
