namespace SanctionsSim.IO.Batches;

/// <summary>What <see cref="ShardPlan.RunShard"/> did.</summary>
internal enum ShardOutcome
{
    /// <summary>The shard ran and its file is written.</summary>
    Written,

    /// <summary>A complete file of the shard was there already: nothing ran.</summary>
    AlreadyDone,

    /// <summary>The shard was cancelled: nothing is written.</summary>
    Cancelled,
}
