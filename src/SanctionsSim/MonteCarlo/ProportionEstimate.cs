using MathNet.Numerics.Distributions;
using SanctionsSim.Internal;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// A Monte Carlo estimate of a probability from <see cref="Successes"/> out of <see cref="Trials"/>
/// independent replications, with its standard error and Wilson or Clopper–Pearson intervals.
/// </summary>
/// <remarks>
/// The Wilson score interval (Wilson 1927) keeps its coverage near the nominal level even for estimates
/// near 0 or 1, where the normal (Wald) interval collapses; Clopper–Pearson (1934) is exact and conservative.
/// See Brown, Cai &amp; DasGupta (2001), "Interval estimation for a binomial proportion".
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public readonly record struct ProportionEstimate
{
    /// <summary>Creates an estimate from counts.</summary>
    /// <param name="successes">Number of replications with the event; 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">Number of replications; ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed trials.</exception>
    public ProportionEstimate(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        Guard.InRange(successes, 0, trials);
        Successes = successes;
        Trials = trials;
    }

    /// <summary>Replications in which the event happened.</summary>
    public long Successes { get; }

    /// <summary>Replications run.</summary>
    public long Trials { get; }

    /// <summary>The point estimate, successes / trials (NaN when no trial ran).</summary>
    public double Estimate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>The estimated standard error, sqrt(p(1 − p)/n) (NaN when no trial ran).</summary>
    public double StandardError => Trials == 0 ? double.NaN : Math.Sqrt(Estimate * (1.0 - Estimate) / Trials);

    /// <summary>The Wilson score interval.</summary>
    /// <param name="confidence">Nominal coverage in (0, 1); 0.95 by default.</param>
    /// <returns>The interval, within [0, 1]; [0, 1] when no trial ran.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1).</exception>
    public ConfidenceInterval Wilson(double confidence = 0.95)
    {
        Guard.OpenUnit(confidence);
        if (Trials == 0)
        {
            return new ConfidenceInterval(0.0, 1.0, confidence);
        }

        double z = Normal.InvCDF(0.0, 1.0, 0.5 + (confidence / 2.0));
        double n = Trials;
        double p = Estimate;
        double z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        double lower = Successes == 0 ? 0.0 : Math.Max(0.0, centre - half);
        double upper = Successes == Trials ? 1.0 : Math.Min(1.0, centre + half);
        return new ConfidenceInterval(lower, upper, confidence);
    }

    /// <summary>The exact (Clopper–Pearson) interval from Beta quantiles.</summary>
    /// <param name="confidence">Nominal coverage in (0, 1); 0.95 by default.</param>
    /// <returns>The interval, within [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1).</exception>
    public ConfidenceInterval ClopperPearson(double confidence = 0.95)
    {
        Guard.OpenUnit(confidence);
        if (Trials == 0)
        {
            return new ConfidenceInterval(0.0, 1.0, confidence);
        }

        double alpha = 1.0 - confidence;
        double lower = Successes == 0 ? 0.0 : Beta.InvCDF(Successes, Trials - Successes + 1, alpha / 2);
        double upper = Successes == Trials ? 1.0 : Beta.InvCDF(Successes + 1, Trials - Successes, 1 - (alpha / 2));
        return new ConfidenceInterval(lower, upper, confidence);
    }

    /// <summary>The estimate combined with another made on disjoint replications.</summary>
    /// <param name="other">An estimate from other replications.</param>
    /// <returns>The pooled estimate.</returns>
    public ProportionEstimate Merge(ProportionEstimate other) => new(Successes + other.Successes, Trials + other.Trials);

    /// <inheritdoc />
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Estimate:G4} ± {StandardError:G2} (n = {Trials})");
}
