using Orleans;
using SanctionsSim.IO.Batches;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Orleans;

/// <summary>
/// Runs a batch of a scenario on an Orleans cluster: the replications are split into shards, each run by an
/// <see cref="IShardGrain"/> keyed by (scenario hash, seed, range), called concurrently with a response timeout sized to
/// the shard and retried after a failure (a lost silo, a timeout); the shards' summaries merge exactly, so the result
/// is bit-identical to <see cref="SanctionsModel.Simulate"/> in one process, whatever the cluster did. The shards are
/// those of the one sharded batch (<see cref="MonteCarloBatch{TSummary}"/>, split by <see cref="ShardRanges"/>), as a plan's
/// shards on a Slurm array are.
/// </summary>
/// <example>
/// <code>
/// using var host = Host.CreateDefaultBuilder().UseOrleansClient(c => c.UseLocalhostClustering()).Build();
/// await host.StartAsync();
/// var summary = await new OrleansRunner(host.Services.GetRequiredService&lt;IClusterClient&gt;())
///     .RunAsync(Presets.Get("venezuela-2019"), new MonteCarloOptions { Replications = 100_000, Seed = 2019 });
/// </code>
/// </example>
public sealed class OrleansRunner
{
    private readonly IClusterClient _client;
    private readonly OrleansRunnerOptions _options;

    /// <summary>A runner on a connected cluster client.</summary>
    /// <param name="client">A started Orleans client (or a silo's own <see cref="IClusterClient"/>).</param>
    /// <param name="options">Shards, timeouts and retries; the defaults when null.</param>
    /// <exception cref="Validation.InvalidInputException">An option is out of its range (<see cref="OrleansRunnerOptions.Validate"/>).</exception>
    public OrleansRunner(IClusterClient client, OrleansRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new OrleansRunnerOptions();
        _options.Validate();
    }

    /// <summary>Raised when a shard's result has arrived (its index), for progress reports.</summary>
    public event EventHandler<int>? ShardDone;

    /// <summary>Raised when a shard is called again after a failure or a timeout (its index and the error).</summary>
    public event EventHandler<(int Shard, Exception Error)>? ShardRetried;

    /// <summary>Runs the batch on the cluster, at the scenario's structure as written (the posterior medians for a preset), as <see cref="SanctionsModel.Simulate"/> does.</summary>
    /// <param name="scenario">A valid scenario.</param>
    /// <param name="options">Replications, first replication and seed (threads are per shard: <see cref="OrleansRunnerOptions.ThreadsPerShard"/>).</param>
    /// <param name="cancellationToken">Stops waiting (shards already started finish on their silos).</param>
    /// <returns>The summary, bit-identical to one process's.</returns>
    /// <exception cref="Validation.InvalidInputException">The scenario is invalid.</exception>
    /// <exception cref="InvalidOperationException">A shard failed more than <see cref="OrleansRunnerOptions.Retries"/> times (the message names it and the last error).</exception>
    public Task<SanctionsSummary> RunAsync(Scenario scenario, MonteCarloOptions options, CancellationToken cancellationToken = default)
        => RunCoreAsync(scenario, options, null, cancellationToken);

    /// <summary>
    /// Runs the batch on the cluster, each replication's structural parameters drawn from <paramref name="posterior"/>
    /// by a stream keyed by (seed, replication) alone, so the summary is bit-identical to one process's batch under that
    /// posterior (<c>ScenarioRunner.WithPosterior</c>).
    /// </summary>
    /// <param name="scenario">A valid scenario.</param>
    /// <param name="options">Replications, first replication and seed (threads are per shard: <see cref="OrleansRunnerOptions.ThreadsPerShard"/>).</param>
    /// <param name="posterior">The posterior (for example <see cref="Calibration.Posterior.Default"/>), sent to the silos with its hash.</param>
    /// <param name="cancellationToken">Stops waiting (shards already started finish on their silos).</param>
    /// <returns>The summary, bit-identical to one process's.</returns>
    /// <exception cref="Validation.InvalidInputException">The scenario, or the scenario with some particle's structure, is invalid.</exception>
    /// <exception cref="InvalidOperationException">A shard failed more than <see cref="OrleansRunnerOptions.Retries"/> times (the message names it and the last error).</exception>
    public Task<SanctionsSummary> RunWithPosteriorAsync(Scenario scenario, Calibration.Posterior posterior, MonteCarloOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return RunCoreAsync(scenario, options, posterior, cancellationToken);
    }

    private async Task<SanctionsSummary> RunCoreAsync(Scenario scenario, MonteCarloOptions options, Calibration.Posterior? posterior, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1, "options.Replications");
        ArgumentOutOfRangeException.ThrowIfNegative(options.FirstReplication, "options.FirstReplication");
        var batch = MonteCarloBatch.Of(scenario, posterior, options.Seed, options.Confidence); // validates, and reads the shards back
        string json = ScenarioJson.Write(scenario), hash = ScenarioJson.Hash(scenario);
        string? posteriorJson = null;
        if (posterior is not null)
        {
            using var buffer = new MemoryStream();
            posterior.Population.WriteTo(buffer);
            posteriorJson = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        var ranges = ShardRanges.Split(options.Replications, (int)Math.Min(_options.Shards, options.Replications)); // the split of a plan's shards
        var requests = ranges.Select(r => new ShardRequest(json, hash, options.Seed, options.FirstReplication + r.First, r.Count, _options.ThreadsPerShard) { PosteriorJson = posteriorJson, PosteriorHash = posterior?.Hash }).ToArray();
        byte[][] results = await Task.WhenAll(requests.Select((r, i) => RunShardAsync(r, i, cancellationToken))).ConfigureAwait(false);

        // merging is exact: the order cannot change a bit; index order for readability
        return batch.MergeBytes(results);
    }

    private async Task<byte[]> RunShardAsync(ShardRequest request, int index, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (int attempt = 0; attempt <= _options.Retries; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attempt > 0)
            {
                await Task.Delay(_options.RetryDelay, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                byte[] bytes = await _client.GetGrain<IShardGrain>(request.Key).RunAsync(request).WaitAsync(_options.ShardTimeout, cancellationToken).ConfigureAwait(false);
                ShardDone?.Invoke(this, index);
                return bytes;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = e; // a lost silo, a timeout, a rejected message: the same grain key runs the same shard again
                if (attempt < _options.Retries)
                {
                    ShardRetried?.Invoke(this, (index, e));
                }
            }
        }

        throw new InvalidOperationException($"Shard {index} (replications {request.FirstReplication} to {request.FirstReplication + request.Replications - 1}) failed {_options.Retries + 1} times; last error: {last?.Message}", last);
    }
}
