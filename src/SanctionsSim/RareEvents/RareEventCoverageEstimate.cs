using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>One estimate of a <see cref="RareEventCoverage"/> study.</summary>
internal sealed record RareEventCoverageEstimate
{
    /// <summary>The method.</summary>
    public required InputSplittingMethod Method { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The estimated probability.</summary>
    public required double Probability { get; init; }

    /// <summary>Its standard error as the estimator reports it.</summary>
    public required double StandardError { get; init; }

    /// <summary>Its interval.</summary>
    public required ConfidenceInterval Interval { get; init; }

    /// <summary>Replications simulated, the pilot's included.</summary>
    public required long Replications { get; init; }

    /// <summary>With importance sampling, the coordinates the pilot shifted (0: it fell back to splitting); 0 for splitting.</summary>
    public required int Shifted { get; init; }

    /// <summary>The independent runs' (or batches') estimates, in index order: their mean is <see cref="Probability"/>; kept so that other interval constructions can be evaluated on the same runs.</summary>
    public required IReadOnlyList<double> Runs { get; init; }

    /// <summary>Whether the interval covers the reference.</summary>
    public required bool Covers { get; init; }
}
