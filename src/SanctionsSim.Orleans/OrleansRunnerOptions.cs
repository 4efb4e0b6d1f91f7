namespace SanctionsSim.Orleans;

/// <summary>How <see cref="OrleansRunner"/> splits a batch and how patiently it waits.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OrleansRunnerOptions
{
    /// <summary>How many shards the replications are split into (equal shares).</summary>
    /// <value>The default value is 16. Range: 1 to 100,000, at most the replications.</value>
    public int Shards { get; init; } = 16;

    /// <summary>Threads each shard uses on its silo (−1: all the silo's cores).</summary>
    /// <value>The default value is 1 (many shards in parallel on a silo, one core each).</value>
    public int ThreadsPerShard { get; init; } = 1;

    /// <summary>How long the coordinator waits for one shard before calling it again: size it to a shard's work (about 1 ms per replication of the Venezuela preset per core) with ample margin.</summary>
    /// <value>The default value is 10 minutes. Range: (0, 1 day].</value>
    public TimeSpan ShardTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a shard is called again after a failure (a silo lost, a timeout) before the batch fails.</summary>
    /// <value>The default value is 5. Range: 0 to 100.</value>
    public int Retries { get; init; } = 5;

    /// <summary>Wait before a retry (the cluster needs a moment to notice a dead silo).</summary>
    /// <value>The default value is 1 second. Range: [0, 1 hour].</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
