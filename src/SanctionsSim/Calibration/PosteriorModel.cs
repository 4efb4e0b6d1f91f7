using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Calibration;

/// <summary>
/// A scenario whose structural parameters are uncertain: replication r draws a particle of the posterior by
/// weight, from a stream keyed by (seed, r) alone, and runs the scenario with that particle's structure. Two
/// arms on one seed draw the same particle for the same replication (common random numbers), so a policy
/// effect's interval includes what the calibration leaves unknown about the structure.
/// </summary>
/// <remarks>
/// A particle's plan is the scenario's plan rebound to the particle's structure (<c>SimulationPlan.WithStructure</c>:
/// a few small objects, the officer layout shared), made the first time a replication draws the particle and kept
/// for the model's life; a worker switches particles by rebinding, without allocating. So after each particle's
/// first use a replication allocates nothing, as with <see cref="SanctionsModel"/>; docs/performance.md gives the cost.
/// </remarks>
/// <threadsafety>Immutable; safe to run from several threads.</threadsafety>
internal sealed class PosteriorModel : IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>
{
    private readonly SimulationPlan?[] _plans;
    private readonly SanctionsModel _base;

    /// <summary>
    /// The one place that decides how a scenario's runs get their structure and facts (#27 item 1, #28 item 3): at the
    /// posterior medians, the library's defaults (<see cref="SanctionsModel"/>) when <paramref name="posterior"/> is
    /// null; each run's drawn from <paramref name="posterior"/> (<see cref="PosteriorModel"/>); and, when a case's
    /// uncertain facts are given, those drawn within their ranges too (<see cref="FactRangeModel"/>).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="posterior">The posterior the runs draw their structure from, or null for the medians.</param>
    /// <param name="factRanges">A case's uncertain facts to draw within their ranges, or null or empty for none.</param>
    /// <param name="recordRuns">Keep one record per replication in the summary.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ScenarioValidationException">The scenario, or the scenario with some particle's structure, is invalid.</exception>
    internal static IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary> Create(Scenario scenario, Posterior? posterior, IReadOnlyList<Scenarios.Cases.FactRange>? factRanges = null, bool recordRuns = false)
        => factRanges is { Count: > 0 } ? new FactRangeModel(scenario, factRanges, posterior, recordRuns)
            : posterior is not null ? new PosteriorModel(scenario, posterior, recordRuns)
            : new SanctionsModel(scenario, recordRuns);

    /// <summary>Prepares a scenario under a posterior.</summary>
    /// <param name="scenario">The scenario (its facts).</param>
    /// <param name="posterior">The posterior sample (for example <see cref="Posterior.Default"/>).</param>
    /// <param name="recordRuns">Keep one record per replication in the summary.</param>
    /// <exception cref="ScenarioValidationException">The scenario, or the scenario with some particle's structure, is invalid.</exception>
    public PosteriorModel(Scenario scenario, Posterior posterior, bool recordRuns = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(posterior);
        _base = new SanctionsModel(scenario, recordRuns);
        Posterior = posterior;
        _plans = new SimulationPlan?[posterior.Count];

        // Every particle's scenario is valid if the two corners are: the validator checks each structural field
        // against an interval of its own, and the corners hold each parameter at its least and greatest value over
        // the particles (a NaN makes a corner NaN). Two validations instead of one per particle.
        var low = new double[posterior.Parameters.Count];
        var high = new double[low.Length];
        for (int j = 0; j < low.Length; j++)
        {
            low[j] = double.PositiveInfinity;
            high[j] = double.NegativeInfinity;
            for (int k = 0; k < posterior.Count; k++)
            {
                double v = posterior.Population[k, j];
                low[j] = double.IsNaN(v) ? v : Math.Min(low[j], v);
                high[j] = double.IsNaN(v) ? v : Math.Max(high[j], v);
            }
        }

        StructuralParameters.Apply(scenario, posterior.Parameters, low).Validate();
        StructuralParameters.Apply(scenario, posterior.Parameters, high).Validate();
    }

    /// <summary>The scenario, with the library's default structure.</summary>
    public Scenario Scenario => _base.Scenario;

    /// <summary>The posterior the replications draw from.</summary>
    public Posterior Posterior { get; }

    /// <summary>The particle replication <paramref name="replication"/> of seed <paramref name="seed"/> uses.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <returns>A particle index.</returns>
    public int Particle(ulong seed, long replication)
        => Posterior.Particle(seed, replication);

    /// <summary>Runs a Monte Carlo batch.</summary>
    /// <param name="options">Replications, seed, threads; null for the defaults.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The batch result.</returns>
    public MonteCarloResult<SanctionsSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

    /// <summary>Runs one replication with its particle's structure.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (≥ 0).</param>
    /// <returns>The outcome; identical to replication <paramref name="replication"/> of a batch with this seed.</returns>
    public RunResult RunSingle(ulong seed, long replication = 0)
        => new SanctionsModel(PlanOf(Particle(seed, replication)).Scenario).RunSingle(seed, replication);

    /// <summary>Reads a summary of this model's scenario written by <see cref="SanctionsSummary.WriteTo"/> (a checkpoint).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The summary, exactly as written.</returns>
    /// <exception cref="InvalidDataException">The data is not a summary of this scenario's shape, or is truncated.</exception>
    public SanctionsSummary ReadSummary(Stream stream) => _base.ReadSummary(stream);

    /// <inheritdoc />
    IReplicationWorker<SanctionsAccumulator> IMonteCarloExperiment<SanctionsAccumulator>.CreateWorker() => CreateWorker();

    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    internal IReplicationWorker<SanctionsAccumulator> CreateWorker() => new Worker(this);

    /// <inheritdoc />
    SanctionsAccumulator IMonteCarloExperiment<SanctionsAccumulator>.CreateSummary() => CreateAccumulator();

    /// <inheritdoc />
    SanctionsSummary ISummaryExperiment<SanctionsSummary>.EmptySummary() => CreateAccumulator().Freeze();

    /// <inheritdoc />
    SanctionsSummary IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>.Freeze(SanctionsAccumulator accumulator) => accumulator.Freeze();

    /// <summary>Creates an empty accumulator.</summary>
    /// <returns>An accumulator of zero replications.</returns>
    internal SanctionsAccumulator CreateAccumulator() => _base.CreateAccumulator();

    /// <summary>A worker laid out for this scenario's plan; <see cref="Bind"/> points it at a particle.</summary>
    internal Replication CreateReplication() => new(_base.Plan, _base.Kernel);

    /// <summary>Points <paramref name="worker"/> (from <see cref="CreateReplication"/>) at particle <paramref name="particle"/>'s structure.</summary>
    internal void Bind(Replication worker, int particle) => worker.Rebind(PlanOf(particle));

    /// <summary>
    /// Particle <paramref name="particle"/>'s plan: made on first use and kept (thread-safe: two threads that make
    /// it at once make equal plans, and both then use the one published first).
    /// </summary>
    internal SimulationPlan PlanOf(int particle)
    {
        SimulationPlan? plan = Volatile.Read(ref _plans[particle]);
        if (plan is null)
        {
            plan = _base.Plan.WithStructure(Posterior.Apply(_base.Scenario, particle));
            plan = Interlocked.CompareExchange(ref _plans[particle], plan, null) ?? plan;
        }

        return plan;
    }

    private sealed class Worker(PosteriorModel owner) : IReplicationWorker<SanctionsAccumulator>
    {
        private readonly Replication _replication = owner.CreateReplication();
        private int _particle = -1;

        public void Run(ulong seed, long replication, SanctionsAccumulator summary)
        {
            int k = owner.Particle(seed, replication);
            if (k != _particle)
            {
                owner.Bind(_replication, k);
                _particle = k;
            }

            _replication.Run(seed, replication);
            summary.Add(_replication.Metrics, replication);
        }
    }
}
