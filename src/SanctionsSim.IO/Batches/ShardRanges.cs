namespace SanctionsSim.IO.Batches;

/// <summary>How a batch's items are split into shards: <c>k</c> contiguous ranges of (almost) equal length, the same split for a plan's files and an Orleans run.</summary>
internal static class ShardRanges
{
    /// <summary>Splits <paramref name="count"/> items into <paramref name="shards"/> contiguous ranges: shard i holds items [count·i/k, count·(i+1)/k).</summary>
    /// <param name="count">The items (at least 0).</param>
    /// <param name="shards">The shards, 1 to <paramref name="count"/> (at least 1).</param>
    /// <returns>Each shard's first item and count, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count out of its range.</exception>
    public static (long First, long Count)[] Split(long count, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var ranges = new (long First, long Count)[shards];
        for (int i = 0; i < shards; i++)
        {
            // count · i can overflow a long for very large batches: split in 128 bits
            long first = (long)((Int128)count * i / shards), end = (long)((Int128)count * (i + 1) / shards);
            ranges[i] = (first, end - first);
        }

        return ranges;
    }
}
