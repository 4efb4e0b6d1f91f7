namespace SanctionsSim.MonteCarlo;

/// <summary>
/// An experiment the <see cref="MonteCarloRunner"/> can replicate: it creates per-thread workers and empty
/// summaries; workers run one replication at a time into a summary.
/// </summary>
/// <typeparam name="TSummary">The mergeable summary of a set of replications.</typeparam>
/// <remarks>
/// Determinism contract: replication i must draw only from random streams keyed by (seed, i), and adding a
/// replication's outcome to a summary must be order-independent (summaries hold counts and exact sums), so
/// that the merged summary of any partition of the replications is identical.
/// </remarks>
public interface IMonteCarloExperiment<TSummary>
    where TSummary : class, IMergeableSummary<TSummary>
{
    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    IReplicationWorker<TSummary> CreateWorker();

    /// <summary>Creates an empty summary.</summary>
    /// <returns>A summary of zero replications.</returns>
    TSummary CreateSummary();
}

/// <summary>Runs replications one at a time, reusing its own state; owned by one thread.</summary>
/// <typeparam name="TSummary">The summary type.</typeparam>
public interface IReplicationWorker<in TSummary>
{
    /// <summary>Runs replication <paramref name="replication"/> of the experiment seeded by <paramref name="seed"/> and adds its outcome to <paramref name="summary"/>.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <param name="summary">Where to add the outcome.</param>
    void Run(ulong seed, long replication, TSummary summary);
}

/// <summary>A summary of replications that merges exactly with summaries of other replications.</summary>
/// <typeparam name="TSelf">The summary type itself.</typeparam>
public interface IMergeableSummary<in TSelf>
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
