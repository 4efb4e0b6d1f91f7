using Orleans;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Orleans;

/// <summary>Runs a shard on the thread pool, off the grain scheduler, and keeps its result for retries.</summary>
internal sealed class ShardGrain : Grain, IShardGrain
{
    private Task<byte[]>? _run;

    public Task<byte[]> RunAsync(ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"The request {request.Key} does not belong to the grain {this.GetPrimaryKeyString()}.", nameof(request));
        }

        // one computation per activation: a retry while it runs waits for it, a retry after it finished gets its bytes
        return _run ??= Task.Run(() => Compute(request));
    }

    private static byte[] Compute(ShardRequest request)
    {
        var scenario = ScenarioJson.Read(request.ScenarioJson);
        if (ScenarioJson.Hash(scenario) != request.ScenarioHash)
        {
            throw new ArgumentException("The scenario does not match its hash.", nameof(request));
        }

        var options = new MonteCarloOptions { Replications = request.Replications, FirstReplication = request.FirstReplication, Seed = request.Seed, MaxDegreeOfParallelism = request.Threads };
        var result = new SanctionsModel(scenario).Simulate(options);
        using var buffer = new MemoryStream();
        result.Summary.WriteTo(buffer);
        return buffer.ToArray();
    }
}
