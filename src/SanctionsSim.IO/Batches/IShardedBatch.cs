using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>
/// A batch split into shards: ranges of items (replications, or a sweep's design points) that run anywhere (another
/// process, a cluster's array job, an Orleans grain) and whose typed summaries merge exactly, so the merged summary is
/// that of the whole batch run on one machine, bit for bit, in whatever order the shards finished.
/// </summary>
/// <typeparam name="TSummary">The summary of a range of items.</typeparam>
/// <remarks>A shard is a pure function of (the batch, its range): item i depends only on the batch's seed and i.</remarks>
internal interface IShardedBatch<TSummary>
    where TSummary : class, ICombinableSummary<TSummary>
{
    /// <summary>What the items are, for messages: "replications" or "points".</summary>
    string Unit { get; }

    /// <summary>Creates an empty summary, to merge shards into.</summary>
    /// <returns>A summary of no item.</returns>
    TSummary CreateSummary();

    /// <summary>Runs the items [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>).</summary>
    /// <param name="first">The first item.</param>
    /// <param name="count">How many items.</param>
    /// <param name="threads">Worker threads, or −1 for one per core (results do not depend on it).</param>
    /// <param name="cancellationToken">Stops the shard.</param>
    /// <returns>The shard's summary, or null when cancelled before it finished.</returns>
    TSummary? Run(long first, long count, int threads, CancellationToken cancellationToken);

    /// <summary>Writes a summary in a form <see cref="Read"/> reads back exactly.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="stream">A writable stream.</param>
    void Write(TSummary summary, Stream stream);

    /// <summary>Reads a summary written by <see cref="Write"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidDataException">The data is not a summary of this batch, or is truncated.</exception>
    TSummary Read(Stream stream);
}
