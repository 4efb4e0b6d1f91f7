namespace SanctionsSim.Design;

/// <summary>One round of <see cref="PackageOptimizer"/>: how many packages raced on how many replications, and the incumbent.</summary>
public sealed record OptimizationRound
{
    /// <summary>The round (0 first).</summary>
    public required int Round { get; init; }

    /// <summary>Replications of every package this round (common random numbers: the same for all).</summary>
    public required long ReplicationsPerPackage { get; init; }

    /// <summary>Packages evaluated this round.</summary>
    public required int Packages { get; init; }

    /// <summary>The best package after the round.</summary>
    public required PackageEstimate Incumbent { get; init; }
}
