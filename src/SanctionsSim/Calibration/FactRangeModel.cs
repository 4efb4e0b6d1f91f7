using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Calibration;

/// <summary>
/// A scenario whose uncertain facts are drawn per replication within their ranges (coding rule D1: triangular on
/// [low, high] with its mode at the best estimate), and optionally whose structure is drawn from a posterior: the
/// conclusions then carry the uncertainty of the historical record as well as the model's. A replication's draws
/// depend only on (seed, replication, the field's path), so every arm of a comparison that has the same fact
/// draws the same value (common random numbers) and shards and threads agree. docs/cases.md, §Facts as ranges.
/// </summary>
/// <remarks>
/// Each replication builds its own scenario and compiles its plan, as <see cref="PosteriorModel"/> does: about
/// the cost of a posterior run (docs/performance.md).
/// </remarks>
/// <threadsafety>Immutable; its workers run on any thread.</threadsafety>
internal sealed class FactRangeModel : IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>
{
    private readonly SanctionsModel _base;
    private readonly FactRange[] _ranges;
    private readonly ulong[] _pathKeys;
    private readonly ScenarioTemplate? _template;
    private readonly bool _recordRuns;

    /// <summary>Wraps a scenario and the ranges of its uncertain facts.</summary>
    /// <param name="scenario">The scenario at the facts' best estimates.</param>
    /// <param name="ranges">The uncertain fields (each path a numeric field of the scenario); empty: the scenario as it is.</param>
    /// <param name="posterior">A posterior to draw each replication's structure from, or null for the scenario's own structure.</param>
    /// <param name="recordRuns">Keep every run's outcome in the summary.</param>
    /// <exception cref="ArgumentException">A range names no numeric field, or has low ≥ high, or its mode outside [low, high].</exception>
    public FactRangeModel(Scenario scenario, IReadOnlyList<FactRange> ranges, Posterior? posterior = null, bool recordRuns = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(ranges);
        _base = new SanctionsModel(scenario, recordRuns);
        _recordRuns = recordRuns;
        _ranges = [.. ranges];
        Posterior = posterior;
        foreach (var r in _ranges)
        {
            if (!(double.IsFinite(r.Low) && double.IsFinite(r.High) && r.Low < r.High && r.Low <= r.Mode && r.Mode <= r.High))
            {
                throw new ArgumentException($"The range of '{r.Path}' needs finite low < high with low ≤ mode ≤ high; got [{r.Low}, {r.Mode}, {r.High}].", nameof(ranges));
            }
        }

        _pathKeys = [.. _ranges.Select(r => PathKey(r.Path))];
        _template = _ranges.Length > 0 ? new ScenarioTemplate(scenario, [.. _ranges.Select(r => r.Path)]) : null;
    }

    /// <summary>The scenario at the facts' best estimates.</summary>
    public Scenario Scenario => _base.Scenario;

    /// <summary>The uncertain fields.</summary>
    public IReadOnlyList<FactRange> Ranges => _ranges;

    /// <summary>The posterior structure is drawn from, or null.</summary>
    public Posterior? Posterior { get; }

    /// <summary>The scenario replication <paramref name="replication"/> of a run with <paramref name="seed"/> uses.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (≥ 0).</param>
    /// <returns>The scenario with its facts drawn (and its structure, with a posterior).</returns>
    public Scenario ScenarioFor(ulong seed, long replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        Scenario scenario = _base.Scenario;
        if (_template is not null)
        {
            Span<double> values = _ranges.Length <= 64 ? stackalloc double[_ranges.Length] : new double[_ranges.Length];
            for (int j = 0; j < _ranges.Length; j++)
            {
                double u = RandomStream.ToUniform(RandomStream.CounterBits(KeyRegistry.Salted(seed, SeedSalt.FactRanges), replication, (long)_pathKeys[j]));
                values[j] = _ranges[j].Quantile(u);
            }

            scenario = _template.Apply(values);
        }

        return Posterior is null ? scenario : Posterior.Apply(scenario, Posterior.Particle(seed, replication));
    }

    /// <summary>Runs a Monte Carlo batch.</summary>
    /// <param name="options">Replications, seed, threads; defaults when null.</param>
    /// <param name="progress">Progress reports, or null.</param>
    /// <param name="cancellationToken">Cancels between replications.</param>
    /// <returns>The batch's result.</returns>
    public MonteCarloResult<SanctionsSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

    /// <summary>One replication's result, the same replication as in a batch with this seed.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (≥ 0).</param>
    /// <returns>The run's result.</returns>
    public RunResult RunSingle(ulong seed, long replication = 0) => new SanctionsModel(ScenarioFor(seed, replication)).RunSingle(seed, replication);

    /// <inheritdoc/>
    public SanctionsSummary ReadSummary(Stream stream) => _base.ReadSummary(stream);

    /// <inheritdoc/>
    public IReplicationWorker<SanctionsAccumulator> CreateWorker() => new Worker(this);

    /// <inheritdoc/>
    public SanctionsAccumulator CreateSummary() => _base.CreateAccumulator();

    /// <inheritdoc/>
    public SanctionsSummary EmptySummary() => _base.CreateAccumulator().Freeze();

    /// <inheritdoc/>
    public SanctionsSummary Freeze(SanctionsAccumulator accumulator) => accumulator.Freeze();

    /// <summary>A stable 64-bit key of a field's path (FNV-1a), so that a fact's draws do not depend on its position in the list.</summary>
    internal static ulong PathKey(string path)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in path)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private sealed class Worker(FactRangeModel owner) : IReplicationWorker<SanctionsAccumulator>
    {
        public void Run(ulong seed, long replication, SanctionsAccumulator summary)
        {
            var replicationRun = new Replication(new SimulationPlan(owner.ScenarioFor(seed, replication)), owner._base.Kernel);
            replicationRun.Run(seed, replication);
            summary.Add(replicationRun.Metrics, replication);
        }
    }
}
