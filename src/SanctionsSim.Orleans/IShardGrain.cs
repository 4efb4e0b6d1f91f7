using Orleans;

namespace SanctionsSim.Orleans;

/// <summary>
/// A grain that runs one shard of a batch: a replication range of a scenario at a seed. Its key names the shard
/// (<see cref="ShardRequest.Key"/>: the scenario's hash, the seed and the range), so a retried call reaches the same
/// grain, and a grain that has finished answers again from memory; on another silo after a crash it computes the
/// same bits again (a shard is a pure function of its request). Internal: the contract between
/// <see cref="OrleansRunner"/> and its grains, both in this assembly (Orleans generates the proxy and the invokers at
/// build time, here too); a user runs batches through <see cref="OrleansRunner.RunAsync"/> and never calls a grain.
/// </summary>
internal interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Runs the shard (once per activation) and returns its summary in the binary form of <see cref="Simulation.SanctionsSummary.WriteTo"/>.</summary>
    /// <param name="request">The shard.</param>
    /// <returns>The summary's bytes.</returns>
    /// <remarks>The Orleans response timeout of this call is one day: the coordinator applies its own, sized to the shard (<see cref="OrleansRunnerOptions.ShardTimeout"/>).</remarks>
    [ResponseTimeout("1.00:00:00")]
    Task<byte[]> RunAsync(ShardRequest request);
}
