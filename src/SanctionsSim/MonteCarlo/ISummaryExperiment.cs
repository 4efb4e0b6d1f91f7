namespace SanctionsSim.MonteCarlo;

/// <summary>An experiment whose batches end in an immutable summary: what sharded and checkpointed batches run.</summary>
/// <typeparam name="TSummary">The immutable summary of a batch.</typeparam>
internal interface ISummaryExperiment<TSummary>
    where TSummary : class, ICombinableSummary<TSummary>
{
    /// <summary>A summary of no replication, to combine parts into.</summary>
    /// <returns>The empty summary.</returns>
    TSummary EmptySummary();

    /// <summary>Runs a Monte Carlo batch.</summary>
    /// <param name="options">Replications, seed, threads; null for the defaults.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The batch result.</returns>
    MonteCarloResult<TSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// An experiment the <see cref="MonteCarloRunner"/> replicates into mutable accumulators (<see cref="IMonteCarloExperiment{TSummary}"/>)
/// and whose finished accumulator it freezes into an immutable summary.
/// </summary>
/// <typeparam name="TAccumulator">What worker threads fill and the runner merges.</typeparam>
/// <typeparam name="TSummary">The immutable summary a batch returns.</typeparam>
internal interface IMonteCarloExperiment<TAccumulator, TSummary> : IMonteCarloExperiment<TAccumulator>, ISummaryExperiment<TSummary>
    where TAccumulator : class, IMergeableSummary<TAccumulator>
    where TSummary : class, ICombinableSummary<TSummary>
{
    /// <summary>Hands a finished accumulator over to an immutable summary (the accumulator is not changed afterwards).</summary>
    /// <param name="accumulator">The accumulator, filled and merged.</param>
    /// <returns>The summary.</returns>
    TSummary Freeze(TAccumulator accumulator);
}
