using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>
/// The sanctions-and-defection model of a <see cref="Scenario"/>, ready to run: the scenario is validated and
/// compiled into flat arrays once, then replicated by the <see cref="MonteCarloRunner"/> (or one run at a time).
/// </summary>
/// <example>
/// <code>
/// var model = new SanctionsModel(Presets.Get("venezuela-2019"));
/// var result = model.Simulate(new MonteCarloOptions { Replications = 2000, Seed = 1 });
/// Console.WriteLine(result.Summary.CollapseProbability.Wilson());
/// </code>
/// </example>
/// <threadsafety>Immutable; safe to run from several threads.</threadsafety>
public sealed class SanctionsModel : IMonteCarloExperiment<SanctionsSummary>
{
    private readonly CompiledScenario _plan;
    private readonly bool _recordRuns;

    /// <summary>Validates and compiles a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="recordRuns">Keep one <see cref="RunRecord"/> per replication in the summary (memory grows with the number of runs; off by default, so memory stays flat).</param>
    /// <exception cref="Scenarios.ScenarioValidationException">The scenario is invalid; every problem is listed with its JSON path.</exception>
    public SanctionsModel(Scenario scenario, bool recordRuns = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _plan = new CompiledScenario(scenario);
        _recordRuns = recordRuns;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario => _plan.Scenario;

    /// <summary>The number of officer agents.</summary>
    public int OfficerCount => _plan.OfficerCount;

    internal CompiledScenario Plan => _plan;

    /// <summary>Runs a Monte Carlo batch.</summary>
    /// <param name="options">Replications, seed, threads; null for the defaults.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The batch result.</returns>
    public MonteCarloResult<SanctionsSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

    /// <summary>Runs one replication and returns its full outcome (paths, factions, costs).</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (≥ 0).</param>
    /// <returns>The outcome; identical to replication <paramref name="replication"/> of a batch with the same seed.</returns>
    public RunResult RunSingle(ulong seed, long replication = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        var worker = new SanctionsWorker(_plan);
        worker.Run(seed, replication);
        return new RunResult(worker.Outcome, _plan.FactionNames, _plan.Senders.Select(s => s.Name).ToArray(), replication);
    }

    /// <inheritdoc />
    public IReplicationWorker<SanctionsSummary> CreateWorker() => new Worker(_plan);

    /// <inheritdoc />
    public SanctionsSummary CreateSummary() => new(_plan.Scenario.Name, _plan.Weeks, _plan.FactionNames, _plan.Senders.Select(s => s.Name).ToArray(), _recordRuns);

    private sealed class Worker(CompiledScenario plan) : IReplicationWorker<SanctionsSummary>
    {
        private readonly SanctionsWorker _worker = new(plan);

        public void Run(ulong seed, long replication, SanctionsSummary summary)
        {
            _worker.Run(seed, replication);
            summary.Add(_worker.Outcome, replication);
        }
    }
}
