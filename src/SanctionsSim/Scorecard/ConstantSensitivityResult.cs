using SanctionsSim.Analysis;

namespace SanctionsSim.Scorecard;

/// <summary>The result of <see cref="ConstantSensitivity"/>: how much of the variation of the case base's scores each constant explains.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record ConstantSensitivityResult
{
    /// <summary>The constants varied, in design order.</summary>
    public required IReadOnlyList<PayoffConstant> Constants { get; init; }

    /// <summary>The cases scored.</summary>
    public required IReadOnlyList<string> Cases { get; init; }

    /// <summary>Sobol indices of the mean Brier score over the cases, one per constant.</summary>
    public required IReadOnlyList<SobolIndex> Brier { get; init; }

    /// <summary>Sobol indices of the mean log score over the cases, one per constant.</summary>
    public required IReadOnlyList<SobolIndex> LogScore { get; init; }

    /// <summary>The mean Brier score with every constant at its case value (factor 1).</summary>
    public required double BrierAtDefaults { get; init; }

    /// <summary>The standard error of <see cref="BrierAtDefaults"/> from the runs (delta method on the multinomial shares).</summary>
    public required double BrierAtDefaultsStandardError { get; init; }

    /// <summary>The mean log score with every constant at its case value.</summary>
    public required double LogScoreAtDefaults { get; init; }

    /// <summary>The lowest and highest mean Brier score over the design's points.</summary>
    public required (double Lowest, double Highest) BrierRange { get; init; }

    /// <summary>The variance of the mean Brier score over the design's points.</summary>
    public required double BrierVariance { get; init; }

    /// <summary>The Monte Carlo variance of a point's mean Brier score (from its runs), averaged over the points: the part of <see cref="BrierVariance"/> that is noise.</summary>
    public required double BrierNoiseVariance { get; init; }

    /// <summary>The design's points.</summary>
    public required long Points { get; init; }

    /// <summary>Runs of each case per point.</summary>
    public required int Runs { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The hash of the posterior the runs drew their structure from.</summary>
    public required string PosteriorHash { get; init; }
}
