using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Plan;
using SanctionsSim.Simulation.Trace;

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
public sealed class SanctionsModel : IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>
{
    private readonly SimulationPlan _plan;
    private readonly bool _recordRuns;
    private readonly DecisionKernelMode _kernel;

    /// <summary>Validates and compiles a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="Validation.InvalidInputException">The scenario is invalid; every problem is listed with its JSON path.</exception>
    public SanctionsModel(Scenario scenario)
        : this(scenario, DecisionKernelMode.Auto, recordRuns: false)
    {
    }

    /// <summary>Validates and compiles a scenario, keeping one <see cref="RunRecord"/> per replication in the summary when asked (the per-run exports, such as runs.csv, read them).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="recordRuns">Keep the records (memory grows with the number of runs).</param>
    internal SanctionsModel(Scenario scenario, bool recordRuns)
        : this(scenario, DecisionKernelMode.Auto, recordRuns)
    {
    }

    /// <summary>Validates and compiles a scenario for a chosen decision kernel (the tests and benchmarks compare them; users set <c>SANCTIONSSIM_DECISION_KERNEL</c>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="recordRuns">Keep one <see cref="RunRecord"/> per replication in the summary.</param>
    /// <param name="kernel">Which kernel evaluates the weekly decisions (bit-identical results either way; <see cref="DecisionKernelMode.Auto"/> picks the fastest the hardware supports).</param>
    /// <exception cref="Model.ScenarioValidationException">The scenario is invalid; every problem is listed with its JSON path.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined mode.</exception>
    internal SanctionsModel(Scenario scenario, DecisionKernelMode kernel, bool recordRuns = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Enum.IsDefined(kernel))
        {
            throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Must be Auto, Scalar or Vector.");
        }

        _plan = new SimulationPlan(scenario);
        _kernel = DecisionKernels.Resolve(kernel);
        _recordRuns = recordRuns;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario => _plan.Scenario;

    /// <summary>The number of officer agents.</summary>
    public int OfficerCount => _plan.OfficerCount;

    /// <summary>The decision kernel the replications use (<see cref="DecisionKernelMode.Scalar"/> or <see cref="DecisionKernelMode.Vector"/>).</summary>
    internal DecisionKernelMode Kernel => _kernel;

    internal SimulationPlan Plan => _plan;

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
        var worker = new Replication(_plan, _kernel);
        worker.Run(seed, replication);
        return new RunResult(worker.Metrics, _plan.FactionNames, _plan.SenderNames, replication);
    }

    /// <summary>Replication <paramref name="replication"/>'s story, week by week (the same replication as in a batch with this seed).</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (≥ 0).</param>
    /// <returns>The weekly trace.</returns>
    public ReplicationTrace Trace(ulong seed, long replication = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        var recorder = new TraceRecorder(_plan);
        var worker = new Replication(_plan, _kernel) { Trace = recorder };
        worker.Run(seed, replication);
        RunMetrics m = worker.Metrics;
        return new ReplicationTrace
        {
            Scenario = _plan.Scenario.Name, Seed = seed, Replication = replication, Factions = _plan.FactionNames, Weeks = recorder.Weeks,
            Outcome = m.Outcome, OutcomeWeek = m.OutcomeWeek >= 0 ? m.OutcomeWeek + 1 : null,
        };
    }

    /// <summary>Reads a summary of this model's scenario written by <see cref="SanctionsSummary.WriteTo"/> (a checkpoint, a shard's result).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The summary, exactly as written.</returns>
    /// <exception cref="InvalidDataException">The data is not a summary of this scenario's shape, or is truncated.</exception>
    public SanctionsSummary ReadSummary(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SanctionsAccumulator accumulator = CreateAccumulator();
        accumulator.ReadFrom(stream);
        return accumulator.Freeze();
    }

    /// <inheritdoc />
    IReplicationWorker<SanctionsAccumulator> IMonteCarloExperiment<SanctionsAccumulator>.CreateWorker() => CreateWorker();

    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    internal IReplicationWorker<SanctionsAccumulator> CreateWorker() => new Worker(_plan);

    /// <inheritdoc />
    SanctionsAccumulator IMonteCarloExperiment<SanctionsAccumulator>.CreateSummary() => CreateAccumulator();

    /// <inheritdoc />
    SanctionsSummary ISummaryExperiment<SanctionsSummary>.EmptySummary() => CreateAccumulator().Freeze();

    /// <inheritdoc />
    SanctionsSummary IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>.Freeze(SanctionsAccumulator accumulator) => accumulator.Freeze();

    /// <summary>Creates an empty accumulator.</summary>
    /// <returns>An accumulator of zero replications.</returns>
    internal SanctionsAccumulator CreateAccumulator()
        => new(_plan.Scenario.Name, _plan.Weeks, _plan.FactionNames, _plan.SenderNames, _recordRuns, _plan.CriticalShare,
               new AgentPathSummary(_plan.AgentSeries.Names, _plan.AgentSeries.Upper, _plan.AgentSeries.TotalNames, _plan.Weeks));

    private sealed class Worker(SimulationPlan plan) : IReplicationWorker<SanctionsAccumulator>
    {
        private readonly Replication _replication = new(plan);

        public void Run(ulong seed, long replication, SanctionsAccumulator summary)
        {
            _replication.Run(seed, replication);
            summary.Add(_replication.Metrics, replication);
        }
    }
}
