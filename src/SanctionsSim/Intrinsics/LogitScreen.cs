using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>
/// The inputs of one week's <see cref="LogitScreen"/>: per officer i (every span but the coefficients has one entry
/// per officer) the state, the terms of x = ((assets·β_g + γ_g) − family·α − loyalty)·(1/τ) with g = group[i], the
/// ties that decide whether the officer's fall probability is his own, and the decision draw
/// <c>SplitMix64.Mix(DrawStart + i·DrawStep)</c>.
/// </summary>
internal readonly ref struct ScreenInputs
{
    /// <summary>Each officer's state; only those equal to <see cref="Candidate"/> can be queued.</summary>
    public required ReadOnlySpan<byte> State { get; init; }

    /// <summary>The state of the officers who choose (loyal).</summary>
    public required byte Candidate { get; init; }

    /// <summary>Each officer's assets term.</summary>
    public required ReadOnlySpan<double> Assets { get; init; }

    /// <summary>Each officer's family exposure.</summary>
    public required ReadOnlySpan<double> Family { get; init; }

    /// <summary>Each officer's loyalty.</summary>
    public required ReadOnlySpan<double> Loyalty { get; init; }

    /// <summary>Each officer's ties.</summary>
    public required ReadOnlySpan<double> Ties { get; init; }

    /// <summary>Each officer's defected ties.</summary>
    public required ReadOnlySpan<double> DefectedTies { get; init; }

    /// <summary>Each officer's coefficient group.</summary>
    public required ReadOnlySpan<int> Group { get; init; }

    /// <summary>β by group.</summary>
    public required ReadOnlySpan<double> Beta { get; init; }

    /// <summary>γ by group.</summary>
    public required ReadOnlySpan<double> Gamma { get; init; }

    /// <summary>α.</summary>
    public required double Alpha { get; init; }

    /// <summary>1/τ.</summary>
    public required double InverseTau { get; init; }

    /// <summary>The mixer input of officer 0's draw.</summary>
    public required ulong DrawStart { get; init; }

    /// <summary>The distance between successive officers' mixer inputs.</summary>
    public required ulong DrawStep { get; init; }
}

/// <summary>
/// The rejection screen of a logit choice, officer by officer or four at a time: officer i is queued (in index order)
/// when he is a candidate and either his fall probability is his own (defected ties &gt; 0 or ties ≤ 0) or
/// x ≥ ln 2 · (⌊log₂ m⌋ − 53), m = ⌊bits / 2¹¹⌋ + 1 his draw's mantissa, the necessary condition for u = m·2⁻⁵³ &lt; Λ(x).
/// The vector and scalar paths compute the same doubles in the same order, so they queue the same officers.
/// </summary>
internal static class LogitScreen
{
    /// <summary>ln 2.</summary>
    public const double Ln2 = 0.69314718055994530942;

    /// <summary>Whether four-lane vectors of 64-bit values are accelerated.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated && Vector256<ulong>.Count == 4;

    /// <summary>Queues the officers that pass the screen, by vectors where <paramref name="vector"/>.</summary>
    /// <param name="input">The week's inputs.</param>
    /// <param name="queue">One slot per officer.</param>
    /// <param name="vector">Four officers at a time (then the tail one by one); otherwise one by one.</param>
    /// <returns>How many are queued.</returns>
    public static int Screen(in ScreenInputs input, Span<int> queue, bool vector)
        => vector ? ScreenVector(in input, queue) : ScreenScalar(in input, queue, 0, 0);

    private static int ScreenVector(in ScreenInputs input, Span<int> queue)
    {
        ReadOnlySpan<byte> state = input.State;
        ReadOnlySpan<double> assets = input.Assets, family = input.Family, loyalty = input.Loyalty;
        ReadOnlySpan<double> ties = input.Ties, defectedTies = input.DefectedTies;
        ReadOnlySpan<int> group = input.Group;
        ReadOnlySpan<double> beta = input.Beta, gamma = input.Gamma;
        byte candidate = input.Candidate;
        ulong start = input.DrawStart, step = input.DrawStep;
        int n = state.Length;
        int queued = 0;
        var alphas = Vector256.Create(input.Alpha);
        var inverseTaus = Vector256.Create(input.InverseTau);
        var exponentBias = Vector256.Create(1023L + 53L);
        var ln2 = Vector256.Create(Ln2);
        var laneSteps = SplitMix64.LaneSteps(step);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            int g0 = group[i], g1 = group[i + 1], g2 = group[i + 2], g3 = group[i + 3];
            var x = ((Vector256.Create(assets.Slice(i, 4)) * Vector256.Create(beta[g0], beta[g1], beta[g2], beta[g3]))
                     + Vector256.Create(gamma[g0], gamma[g1], gamma[g2], gamma[g3])
                     - (Vector256.Create(family.Slice(i, 4)) * alphas)
                     - Vector256.Create(loyalty.Slice(i, 4))) * inverseTaus;
            var mantissa = (SplitMix64.Mix4(start, step, laneSteps, i) >>> 11) + Vector256<ulong>.One;         // in [1, 2^53]: exact as a double
            var floorLog2 = (Vector256.ConvertToDouble(mantissa.AsInt64()).AsInt64() >>> 52) - exponentBias; // ⌊log₂ mantissa⌋ − 53
            var maybe = Vector256.GreaterThanOrEqual(x, Vector256.ConvertToDouble(floorLog2) * ln2);
            var own = Vector256.GreaterThan(Vector256.Create(defectedTies.Slice(i, 4)), Vector256<double>.Zero)
                      | Vector256.LessThanOrEqual(Vector256.Create(ties.Slice(i, 4)), Vector256<double>.Zero);
            uint lanes = (maybe | own).ExtractMostSignificantBits();
            while (lanes != 0)
            {
                int k = i + BitOperations.TrailingZeroCount(lanes);
                lanes &= lanes - 1;
                queue[queued] = k;
                queued += state[k] == candidate ? 1 : 0;
            }
        }

        return ScreenScalar(in input, queue, i, queued);
    }

    /// <summary>The screen from officer <paramref name="from"/> on, one at a time, appending to the <paramref name="queued"/> already queued.</summary>
    private static int ScreenScalar(in ScreenInputs input, Span<int> queue, int from, int queued)
    {
        ReadOnlySpan<byte> state = input.State;
        ReadOnlySpan<int> group = input.Group;
        ReadOnlySpan<double> beta = input.Beta, gamma = input.Gamma;
        double alpha = input.Alpha, inverseTau = input.InverseTau;
        for (int i = from; i < state.Length; i++)
        {
            int g = group[i];
            double x = ((input.Assets[i] * beta[g]) + gamma[g] - (input.Family[i] * alpha) - input.Loyalty[i]) * inverseTau;
            ulong mantissa = (SplitMix64.Mix(input.DrawStart + ((ulong)i * input.DrawStep)) >> 11) + 1;
            bool maybe = x >= (double)(BitOperations.Log2(mantissa) - 53L) * Ln2;
            bool own = input.DefectedTies[i] > 0 || input.Ties[i] <= 0;
            queue[queued] = i;
            queued += state[i] == input.Candidate && (maybe || own) ? 1 : 0;
        }

        return queued;
    }
}
