using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Batches;

/// <summary>A Monte Carlo batch of an experiment, sharded by replications: a shard runs replications [first, first + count) at the batch's seed.</summary>
/// <typeparam name="TSummary">The experiment's summary.</typeparam>
/// <param name="experiment">The experiment (a model, a comparison, a model under a posterior).</param>
/// <param name="seed">The batch's seed.</param>
/// <param name="confidence">The confidence level of the intervals.</param>
/// <param name="read">Reads a summary of this experiment (for example <see cref="SanctionsModel.ReadSummary"/>).</param>
/// <param name="write">Writes a summary (for example <see cref="SanctionsSummary.WriteTo"/>).</param>
internal sealed class MonteCarloBatch<TSummary>(ISummaryExperiment<TSummary> experiment, ulong seed, double confidence, Func<Stream, TSummary> read, Action<TSummary, Stream> write) : IShardedBatch<TSummary>
    where TSummary : class, ICombinableSummary<TSummary>
{
    /// <summary>The experiment.</summary>
    public ISummaryExperiment<TSummary> Experiment { get; } = experiment ?? throw new ArgumentNullException(nameof(experiment));

    /// <summary>The batch's seed.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence { get; } = confidence;

    /// <inheritdoc />
    public string Unit => "replications";

    /// <inheritdoc />
    public TSummary CreateSummary() => Experiment.EmptySummary();

    /// <inheritdoc />
    public TSummary? Run(long first, long count, int threads, CancellationToken cancellationToken)
    {
        var result = Experiment.Simulate(Options(first, count, threads), null, cancellationToken);
        return result.IsPartial ? null : result.Summary;
    }

    /// <summary>The options of the replications [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of this batch.</summary>
    /// <param name="first">The first replication.</param>
    /// <param name="count">How many.</param>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>New options.</returns>
    public MonteCarloOptions Options(long first, long count, int threads)
        => new() { Replications = count, FirstReplication = first, Seed = Seed, MaxDegreeOfParallelism = threads, Confidence = Confidence };

    /// <summary>A result of this batch holding <paramref name="summary"/> (merged shards: completed, from replication 0).</summary>
    /// <param name="summary">The merged summary.</param>
    /// <returns>The result.</returns>
    public MonteCarloResult<TSummary> Result(TSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new MonteCarloResult<TSummary>(summary, Seed, 0, summary.Replications, StopReason.Completed, Confidence);
    }

    /// <inheritdoc />
    public void Write(TSummary summary, Stream stream) => write(summary, stream);

    /// <inheritdoc />
    public TSummary Read(Stream stream) => read(stream);
}
