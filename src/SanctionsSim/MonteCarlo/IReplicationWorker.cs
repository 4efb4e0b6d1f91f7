namespace SanctionsSim.MonteCarlo;

/// <summary>Runs replications one at a time, reusing its own state; owned by one thread.</summary>
/// <typeparam name="TSummary">The summary type.</typeparam>
internal interface IReplicationWorker<in TSummary>
{
    /// <summary>Runs replication <paramref name="replication"/> of the experiment seeded by <paramref name="seed"/> and adds its outcome to <paramref name="summary"/>.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <param name="summary">Where to add the outcome.</param>
    void Run(ulong seed, long replication, TSummary summary);
}
