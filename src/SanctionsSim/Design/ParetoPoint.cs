namespace SanctionsSim.Design;

/// <summary>A package of the final population of <see cref="ParetoSearch"/>, confirmed on fresh random numbers.</summary>
public sealed record ParetoPoint
{
    /// <summary>The package and its confirmed estimates (probability, outputs) with intervals.</summary>
    public required PackageEstimate Estimate { get; init; }

    /// <summary>Whether another package is at least as good on every objective and better on one, by point estimates.</summary>
    public required bool DominatedByEstimate { get; init; }

    /// <summary>
    /// Whether another package dominates it significantly: at least as good on every objective by point estimates and
    /// better on at least one by more than the confidence interval of the difference. Only these are marked dominated.
    /// </summary>
    public required bool SignificantlyDominated { get; init; }
}
