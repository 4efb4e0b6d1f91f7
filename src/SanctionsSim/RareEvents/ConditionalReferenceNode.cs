namespace SanctionsSim.RareEvents;

/// <summary>One node of a <see cref="ConditionalReference"/>: the conditioning input's value, its weight and the replications there.</summary>
/// <param name="Z">The conditioning input's value, in standard deviations.</param>
/// <param name="Weight">The rule's weight times the standard normal density at <paramref name="Z"/>.</param>
/// <param name="Replications">The replications at the node.</param>
/// <param name="Hits">How many reached the target.</param>
internal readonly record struct ConditionalReferenceNode(double Z, double Weight, int Replications, int Hits)
{
    /// <summary>The estimated conditional probability, hits / replications.</summary>
    public double Probability => (double)Hits / Replications;
}
