using Orleans;
using SanctionsSim.IO.Batches;
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

        Calibration.Posterior? posterior = null;
        if (request.PosteriorJson is string json)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            posterior = new Calibration.Posterior(Calibration.AbcPopulation.ReadFrom(stream));
            if (posterior.Hash != request.PosteriorHash)
            {
                throw new ArgumentException($"The posterior's SHA-256 is {posterior.Hash}, the request says {request.PosteriorHash}.", nameof(request));
            }
        }

        // the shard of the one sharded batch: the same bytes as a plan's shard file after its header (the confidence
        // level only labels intervals: a summary does not depend on it)
        return MonteCarloBatch.Of(scenario, posterior, request.Seed, confidence: 0.95).RunToBytes(request.FirstReplication, request.Replications, request.Threads);
    }
}
