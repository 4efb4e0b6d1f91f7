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
internal interface IMonteCarloExperiment<TSummary>
    where TSummary : class, IMergeableSummary<TSummary>
{
    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    IReplicationWorker<TSummary> CreateWorker();

    /// <summary>Creates an empty summary.</summary>
    /// <returns>A summary of zero replications.</returns>
    TSummary CreateSummary();
}
