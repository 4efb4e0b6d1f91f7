namespace SanctionsSim.MonteCarlo;

/// <summary>A summary of replications that merges exactly with summaries of other replications.</summary>
/// <typeparam name="TSelf">The summary type itself.</typeparam>
internal interface IMergeableSummary<in TSelf>
{
    /// <summary>Number of replications summarised.</summary>
    long Replications { get; }

    /// <summary>Adds the replications summarised by <paramref name="other"/>.</summary>
    /// <param name="other">A summary of disjoint replications of the same experiment.</param>
    void Merge(TSelf other);

    /// <summary>Forgets every replication.</summary>
    void Clear();

    /// <summary>The half-width of the interval sequential stopping watches (for example a collapse probability's Wilson interval).</summary>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The half-width; NaN or infinity when unknown.</returns>
    double StoppingHalfWidth(double confidence);
}
