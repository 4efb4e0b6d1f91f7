using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>Shards in memory: what a shard sends over the wire (its summary's bytes), and the merge of such shards.</summary>
internal static class ShardedBatch
{
    /// <summary>Runs a shard and returns its summary's bytes (<see cref="IShardedBatch{TSummary}.Write"/>).</summary>
    /// <typeparam name="TSummary">The batch's summary.</typeparam>
    /// <param name="batch">The batch.</param>
    /// <param name="first">The first item.</param>
    /// <param name="count">How many items.</param>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <param name="cancellationToken">Stops the shard.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="OperationCanceledException">The shard was cancelled before it finished.</exception>
    public static byte[] RunToBytes<TSummary>(this IShardedBatch<TSummary> batch, long first, long count, int threads, CancellationToken cancellationToken = default)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(batch);
        TSummary summary = batch.Run(first, count, threads, cancellationToken) ?? throw new OperationCanceledException(cancellationToken);
        using var buffer = new MemoryStream();
        batch.Write(summary, buffer);
        return buffer.ToArray();
    }

    /// <summary>Merges shards' bytes into the summary of the whole batch (exact: the order cannot change a bit); each buffer is read once.</summary>
    /// <typeparam name="TSummary">The batch's summary.</typeparam>
    /// <param name="batch">The batch.</param>
    /// <param name="shards">The shards' bytes, as <see cref="RunToBytes"/> returned them.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="InvalidDataException">A shard's bytes are not a summary of this batch.</exception>
    public static TSummary MergeBytes<TSummary>(this IShardedBatch<TSummary> batch, IEnumerable<byte[]> shards)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(shards);
        TSummary total = batch.CreateSummary();
        foreach (byte[] bytes in shards)
        {
            using var stream = new MemoryStream(bytes);
            total = total.Combine(batch.Read(stream));
        }

        return total;
    }
}
