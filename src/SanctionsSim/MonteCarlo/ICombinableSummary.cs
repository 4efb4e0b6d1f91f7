namespace SanctionsSim.MonteCarlo;

/// <summary>An immutable summary of replications that combines exactly with summaries of other replications into a new one.</summary>
/// <typeparam name="TSelf">The summary type itself.</typeparam>
internal interface ICombinableSummary<TSelf>
    where TSelf : class
{
    /// <summary>Number of replications summarised.</summary>
    long Replications { get; }

    /// <summary>A new summary of this one's replications and <paramref name="other"/>'s (disjoint replications of the same experiment); neither is changed, and the result does not depend on the order.</summary>
    /// <param name="other">A summary of other replications.</param>
    /// <returns>The combined summary.</returns>
    TSelf Combine(TSelf other);
}
