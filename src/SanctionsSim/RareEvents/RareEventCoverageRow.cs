using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>One method's results in a <see cref="RareEventCoverage"/> study.</summary>
internal sealed record RareEventCoverageRow
{
    /// <summary>The method.</summary>
    public required InputSplittingMethod Method { get; init; }

    /// <summary>The intervals that cover the reference, out of the seeds (its <see cref="ProportionEstimate.Wilson"/> interval is the coverage's).</summary>
    public required ProportionEstimate Coverage { get; init; }

    /// <summary>Intervals entirely below the reference (the estimate too low).</summary>
    public required int Below { get; init; }

    /// <summary>Intervals entirely above the reference.</summary>
    public required int Above { get; init; }

    /// <summary>Estimates of exactly 0 (no run or batch reached the target).</summary>
    public required int Zeros { get; init; }

    /// <summary>The mean estimate over the reference, minus 1.</summary>
    public required double RelativeBias { get; init; }

    /// <summary>The standard error of <see cref="RelativeBias"/> (the estimates' spread over √seeds, over the reference).</summary>
    public required double RelativeBiasError { get; init; }

    /// <summary>The root mean square error of an estimate over the reference.</summary>
    public required double RelativeRmse { get; init; }

    /// <summary>The mean relative error the estimates report (standard error over estimate).</summary>
    public required double MeanReportedRelativeError { get; init; }

    /// <summary>The mean replications of an estimate (its cost), the pilot's included.</summary>
    public required double MeanReplications { get; init; }

    /// <summary>Relative mean square error times cost: the replications needed for a relative error of 1 (lower is better; divide by 0.01 for 10 %).</summary>
    public required double WorkNormalizedVariance { get; init; }

    /// <summary>Every estimate, by seed.</summary>
    public required IReadOnlyList<RareEventCoverageEstimate> Estimates { get; init; }
}
