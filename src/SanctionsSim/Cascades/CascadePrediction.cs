namespace SanctionsSim.Cascades;

/// <summary>Analytic predictions for threshold cascades on a random network with a given degree distribution.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CascadePrediction
{
    /// <summary>z, the mean degree.</summary>
    public required double MeanDegree { get; init; }

    /// <summary>Σ_k k(k − 1) ρ_k p_k, the left side of Watts's cascade condition (global cascades are possible when it exceeds z).</summary>
    public required double CascadeConditionSum { get; init; }

    /// <summary>True when Σ_k k(k − 1) ρ_k p_k &gt; z: the vulnerable agents percolate and one seed can trigger a global cascade.</summary>
    public bool InCascadeWindow => CascadeConditionSum > MeanDegree;

    /// <summary>The probability that one random seed triggers a global cascade: the share of agents in or next to the giant vulnerable cluster (the "extended vulnerable cluster", Watts 2002, Eq. 5–6).</summary>
    public required double GlobalCascadeProbability { get; init; }

    /// <summary>The expected final active share of a global cascade, from the Gleeson–Cahalane (2007) tree approximation with seed share 1/N.</summary>
    public required double MeanGlobalCascadeSize { get; init; }

    /// <summary>The share of agents that are vulnerable (activate after one active neighbour).</summary>
    public required double VulnerableShare { get; init; }
}
