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
        double t = StudentT.InvCDF(0, 1, r - 1, 0.5 + (confidence / 2));
        Interval = new ConfidenceInterval(Math.Max(0, mean - (t * StandardError)), Math.Min(1, mean + (t * StandardError)), confidence);
        Paths = runs.Sum(x => x.Paths) + (levels?.Paths ?? 0);
    }

    /// <summary>The estimated probability: the mean of the runs' unbiased estimates.</summary>
    public double Probability { get; }

    /// <summary>Its standard error, from the spread of the independent runs (s / √R).</summary>
    public double StandardError { get; }

    /// <summary>Student's t interval on the mean of the runs (R − 1 degrees of freedom), clipped to [0, 1].</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The relative error, standard error over estimate (∞ when the estimate is 0).</summary>
    public double RelativeError => Probability > 0 ? StandardError / Probability : double.PositiveInfinity;

    /// <summary>The independent runs, in index order.</summary>
    public IReadOnlyList<SplittingRun> Runs { get; }

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
}
