using SanctionsSim.Validation;

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

    /// <summary>Checks the options, reporting every problem at once (the timeouts in seconds), as every options type of the library does.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("Orleans runner options");
        c.In(nameof(Shards), Shards, ValueRange.Closed(1, 100_000));
        c.Threads(nameof(ThreadsPerShard), ThreadsPerShard);
        c.In(nameof(ShardTimeout) + " (seconds)", ShardTimeout.TotalSeconds, new ValueRange(0, 86_400, MinOpen: true));
        c.In(nameof(Retries), Retries, ValueRange.Closed(0, 100));
        c.In(nameof(RetryDelay) + " (seconds)", RetryDelay.TotalSeconds, ValueRange.Closed(0, 3_600));
        c.ThrowIfAny();
    }
}
