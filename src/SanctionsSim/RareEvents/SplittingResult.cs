using MathNet.Numerics.Distributions;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>The estimate of a rare event's probability by adaptive multilevel splitting, with its interval and its cost.</summary>
public sealed class SplittingResult
{
    internal SplittingResult(IReadOnlyList<SplittingRun> runs, int particles, ulong seed, double confidence, SplittingLevels? levels = null)
    {
        Levels = levels;
        Runs = runs;
        Particles = particles;
        Seed = seed;
        Confidence = confidence;
        int r = runs.Count;
        double mean = runs.Sum(x => x.Estimate) / r;
        double variance = runs.Sum(x => (x.Estimate - mean) * (x.Estimate - mean)) / (r - 1);
        Probability = mean;
        StandardError = Math.Sqrt(variance / r);
        Skewness = SampleSkewness(runs, mean);
        Interval = SkewCorrectedInterval(mean, StandardError, Skewness, r, confidence);
        Paths = runs.Sum(x => x.Paths) + (levels?.Paths ?? 0);
    }

    private SplittingResult(UnresolvedRareEventException pilot, int particles, ulong seed, double confidence)
    {
        Runs = [];
        Particles = particles;
        Seed = seed;
        Confidence = confidence;
        Probability = 0;
        StandardError = double.NaN;
        Unresolvable = pilot;

        // exact one-sided Clopper–Pearson bound on the pilot's N₀ independent prior draws, of which Hits reached the
        // target; with no hit it is 1 − (1 − c)^(1/N₀), ≈ 3/N₀ at c = 0.95 (the rule of three)
        UpperBound = pilot.Hits >= pilot.Draws ? 1 : Beta.InvCDF(pilot.Hits + 1, pilot.Draws - pilot.Hits, confidence);
        Interval = new ConfidenceInterval(0, UpperBound.Value, confidence);
        Paths = pilot.Paths;
    }

    /// <summary>The result when the pilot could not raise any particle's score towards the target: no estimate, an upper bound.</summary>
    internal static SplittingResult Unresolved(UnresolvedRareEventException pilot, int particles, ulong seed, double confidence) => new(pilot, particles, seed, confidence);

    /// <summary>
    /// Null when the event was estimated. Set when the pilot could not resolve it (every particle's score stuck at one
    /// value below the target): then no run was made, <see cref="Probability"/> is 0 and is not an
    /// estimate, and this is a one-sided upper confidence bound on the probability at <see cref="Confidence"/>: the exact
    /// (Clopper–Pearson) bound from the pilot's independent prior draws, of which none (or few) reached the target; with
    /// none, 1 − (1 − c)^(1/N₀), about 3/N₀ at 95 % (the rule of three). <see cref="Interval"/> is then [0, bound].
    /// </summary>
    public double? UpperBound { get; }

    /// <summary>When the pilot got stuck: what it saw (the stuck score, its levels, draws and hits); null otherwise.</summary>
    internal UnresolvedRareEventException? Unresolvable { get; }

    /// <summary>The estimated probability: the mean of the runs' unbiased estimates.</summary>
    public double Probability { get; }

    /// <summary>Its standard error, from the spread of the independent runs (s / √R).</summary>
    public double StandardError { get; }

    /// <summary>
    /// The interval on the mean of the runs, corrected for their skew (Hall 1992), clipped to [0, 1]: Student's t
    /// interval (R − 1 degrees of freedom) when the runs' estimates are symmetric, and moved towards the long tail when
    /// they are skewed (see <see cref="SkewCorrectedInterval"/>).
    /// </summary>
    /// <remarks>
    /// The runs' (or batches') estimates of a rare event are skewed to the right: a rare run carries much of the
    /// probability. With ten of them a low mean usually comes with a low spread, and the symmetric t interval then
    /// falls below the truth (docs/rare-events.md, coverage study).
    /// </remarks>
    public ConfidenceInterval Interval { get; }

    /// <summary>The skewness of the runs' estimates (the third central moment over the cube of their standard deviation, both with divisor R); 0 when they are all equal.</summary>
    public double Skewness { get; }

    /// <summary>The relative error, standard error over estimate (∞ when the estimate is 0).</summary>
    public double RelativeError => Probability > 0 ? StandardError / Probability : double.PositiveInfinity;

    /// <summary>The independent runs, in index order.</summary>
    internal IReadOnlyList<SplittingRun> Runs { get; }

    /// <summary>Paths per run (n).</summary>
    public int Particles { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The confidence level of <see cref="Interval"/>.</summary>
    public double Confidence { get; }

    /// <summary>The levels and moves of sequential Monte Carlo on the inputs (<see cref="InputSplitting"/>); null for splitting on the path (<see cref="AdaptiveMultilevelSplitting"/>).</summary>
    public SplittingLevels? Levels { get; }

    /// <summary>Replications simulated in all, each in full: every path and clone (a clone is replayed from its origin), every proposal of a move, and the pilot's.</summary>
    public long Paths { get; }

    /// <summary>Runs that ended extinct (every path tied at a level below the target).</summary>
    public int Extinctions => Runs.Count(r => r.Extinct);

    /// <summary>
    /// Replications plain Monte Carlo would need for the same standard error: p(1 − p) / SE² (∞ when the
    /// estimate is 0 or its error is 0).
    /// </summary>
    public double MonteCarloEquivalent => Probability > 0 && StandardError > 0 ? Probability * (1 - Probability) / (StandardError * StandardError) : double.PositiveInfinity;

    /// <summary>How many times fewer paths splitting simulated than plain Monte Carlo would need for the same error.</summary>
    public double Speedup => MonteCarloEquivalent / Paths;

    /// <summary>
    /// An interval for the mean of runs whose estimates are products of shares (sequential Monte Carlo on the inputs),
    /// evaluated by the coverage study and not reported: the runs are taken as a lognormal with a point mass at 0
    /// (extinct runs), and the interval is the delta-method (Cox) interval for that distribution's mean on the log
    /// scale. With k of the R runs above 0, y their logs (mean ȳ, variance s², divisor k − 1) and δ = 1 − k/R the share
    /// at 0, the log of the mean is θ = ln(1 − δ) + ȳ + s²/2, with variance δ/(R(1 − δ)) + s²/k + s⁴/(2(k − 1)), and
    /// the interval is exp(θ ± t·√V) with the Student quantile t of k − 1 degrees of freedom, clipped to [0, 1]. Fewer
    /// than two runs above 0 give no variance of the logs: the interval is then [0, 1].
    /// </summary>
    /// <remarks>
    /// Cox's method: Land (1972), Zhou &amp; Gao (1997), with Student quantiles (Armstrong 1992); the point mass at 0 as
    /// in Aitchison (1955). On lognormal runs it covers near its level where Hall's falls short; on the coverage study's
    /// splitting runs, whose logs are skewed to the left (runs that barely survive), it covers too much with intervals
    /// several times wider, so the estimators report Hall's (docs/rare-events.md, §Coverage study).
    /// </remarks>
    /// <param name="runs">The runs' estimates (at least 2), each in [0, 1].</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <returns>The interval, clipped to [0, 1].</returns>
    internal static ConfidenceInterval LogNormalInterval(IReadOnlyList<double> runs, double confidence)
    {
        int r = runs.Count, k = 0;
        double sum = 0;
        foreach (double x in runs)
        {
            if (x > 0)
            {
                k++;
                sum += Math.Log(x);
            }
        }

        if (k < 2)
        {
            return new ConfidenceInterval(0, 1, confidence);
        }

        double mean = sum / k, s2 = 0;
        foreach (double x in runs)
        {
            if (x > 0)
            {
                double d = Math.Log(x) - mean;
                s2 += d * d;
            }
        }

        s2 /= k - 1;
        double zeroShare = 1 - ((double)k / r);
        double theta = Math.Log(1 - zeroShare) + mean + (s2 / 2);
        double variance = (zeroShare / (r * (1 - zeroShare))) + (s2 / k) + (s2 * s2 / (2 * (k - 1)));
        double q = StudentT.InvCDF(0, 1, k - 1, 0.5 + (confidence / 2));
        double half = q * Math.Sqrt(variance);
        return new ConfidenceInterval(Math.Min(1, Math.Exp(theta - half)), Math.Min(1, Math.Exp(theta + half)), confidence);
    }

    /// <summary>
    /// Hall's (1992) skewness-corrected interval for a mean: the studentised mean T = (X̄ − μ)/SE is mapped by the
    /// monotone cubic g(T) = T + aT² + a²T³/3 + b, a = γ/(3√n), b = γ/(6√n), whose image is free of the skew to
    /// order 1/√n; the interval is [X̄ − SE·g⁻¹(q₁₋α/₂), X̄ − SE·g⁻¹(q_α/₂)] with Student quantiles q (n − 1 degrees of
    /// freedom), and g⁻¹(y) = ((1 + 3a(y − b))^(1/3) − 1)/a in closed form. With γ = 0 it is Student's interval.
    /// </summary>
    /// <remarks>
    /// Hand-written because MathNet.Numerics has no skewness-corrected interval; P. Hall (1992), "On the removal of
    /// skewness by transformation", <i>Journal of the Royal Statistical Society B</i> 54(1): 221–228, eq. (2.3)–(2.6).
    /// </remarks>
    /// <param name="mean">The sample mean X̄.</param>
    /// <param name="standardError">Its standard error s/√n.</param>
    /// <param name="skewness">The sample skewness γ of the observations.</param>
    /// <param name="n">The number of observations (at least 2).</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <returns>The interval, clipped to [0, 1].</returns>
    internal static ConfidenceInterval SkewCorrectedInterval(double mean, double standardError, double skewness, int n, double confidence)
    {
        double q = StudentT.InvCDF(0, 1, n - 1, 0.5 + (confidence / 2));
        double a = skewness / (3 * Math.Sqrt(n)), b = skewness / (6 * Math.Sqrt(n));
        double Inverse(double y) => a == 0 ? y - b : (Math.Cbrt(1 + (3 * a * (y - b))) - 1) / a;
        double lower = mean - (standardError * Inverse(q)), upper = mean - (standardError * Inverse(-q));
        return new ConfidenceInterval(Math.Max(0, lower), Math.Min(1, upper), confidence);
    }

    // MathNet's PopulationSkewness computes the same moment ratio, but in one streaming pass (different rounding from
    // this two-pass sum around the mean the standard error above uses) and NaN when every run agrees; the interval's
    // reported digits and the zero for equal runs are kept by computing it here.
    private static double SampleSkewness(IReadOnlyList<SplittingRun> runs, double mean)
    {
        double m2 = 0, m3 = 0;
        foreach (var run in runs)
        {
            double d = run.Estimate - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= runs.Count;
        m3 /= runs.Count;
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0;
    }
}
