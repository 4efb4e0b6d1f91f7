using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>The effect of one arm against the reference arm, from paired (common-random-number) replications.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ArmEffect
{
    /// <summary>The arm's scenario name.</summary>
    public required string Arm { get; init; }

    /// <summary>The reference arm's scenario name.</summary>
    public required string Reference { get; init; }

    /// <summary>P(collapse | arm) − P(collapse | reference).</summary>
    public required double CollapseProbabilityDifference { get; init; }

    /// <summary>Its standard error from the paired differences.</summary>
    public required double CollapseProbabilityDifferenceStandardError { get; init; }

    /// <summary>Its confidence interval.</summary>
    public required ConfidenceInterval CollapseProbabilityDifferenceInterval { get; init; }

    /// <summary>Mean weeks survived (capped at the horizon) in the arm minus in the reference: negative means earlier collapse.</summary>
    public required double WeeksSurvivedDifference { get; init; }

    /// <summary>Its standard error.</summary>
    public required double WeeksSurvivedDifferenceStandardError { get; init; }

    /// <summary>Its confidence interval.</summary>
    public required ConfidenceInterval WeeksSurvivedDifferenceInterval { get; init; }

    /// <summary>Variance of the collapse difference under independent streams divided by the paired variance (how many times fewer runs common random numbers need).</summary>
    public required double CollapseVarianceReduction { get; init; }

    /// <summary>The same ratio for weeks survived.</summary>
    public required double WeeksVarianceReduction { get; init; }
}
