using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>
/// Compares policy packages (scenarios) on common random numbers: replication i of every arm uses the same
/// officers, network, events and decision noise (streams keyed by the same seed and i), so the difference
/// between arms is estimated with far less noise than either arm alone.
/// </summary>
/// <remarks>
/// For each arm k ≥ 1 and replication i the paired differences d_i = Y_k,i − Y_0,i of the collapse indicator
/// and of the weeks survived (capped at the horizon) are accumulated; their mean is the effect and their
/// standard error sqrt(Var(d)/n) its uncertainty. Had the arms run on independent streams, the variance of the
/// difference would be Var(Y_0) + Var(Y_k); the ratio of that to Var(d) is the variance reduction reported.
/// All arms must share the horizon.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PolicyComparison : IMonteCarloExperiment<ComparisonAccumulator, ComparisonSummary>
{
    private readonly SanctionsModel[] _arms;
    private readonly Calibration.PosteriorModel[]? _posterior;

    /// <summary>Prepares a comparison of two or more scenarios; the first is the reference arm.</summary>
    /// <param name="arms">The scenarios (at least two, same horizon).</param>
    /// <exception cref="ArgumentException">Fewer than two arms, or horizons differ.</exception>
    /// <exception cref="Model.ScenarioValidationException">An arm is invalid.</exception>
    public PolicyComparison(IReadOnlyList<Scenario> arms)
        : this(arms, null)
    {
    }

    /// <summary>
    /// Prepares a comparison under a posterior of the structural parameters: replication r of every arm draws the
    /// same particle (common random numbers), so each effect's interval includes the uncertainty about the structure.
    /// </summary>
    /// <param name="arms">The scenarios (at least two, same horizon).</param>
    /// <param name="posterior">The posterior (for example <see cref="Calibration.Posterior.Default"/>); null for the library's defaults.</param>
    /// <exception cref="ArgumentException">Fewer than two arms, or horizons differ.</exception>
    /// <exception cref="Model.ScenarioValidationException">An arm is invalid.</exception>
    public PolicyComparison(IReadOnlyList<Scenario> arms, Calibration.Posterior? posterior)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2)
        {
            throw new ArgumentException($"A comparison needs at least two arms; got {arms.Count}.", nameof(arms));
        }

        _arms = arms.Select(a => new SanctionsModel(a)).ToArray();
        _posterior = posterior is null ? null : arms.Select(a => new Calibration.PosteriorModel(a, posterior)).ToArray();
        Posterior = posterior;
        int weeks = _arms[0].Scenario.Weeks;
        for (int k = 1; k < _arms.Length; k++)
        {
            if (_arms[k].Scenario.Weeks != weeks)
            {
                throw new ArgumentException($"All arms need the same horizon; arm 0 has {weeks} weeks, arm {k} ('{_arms[k].Scenario.Name}') has {_arms[k].Scenario.Weeks}.", nameof(arms));
            }
        }
    }

    /// <summary>The posterior the replications draw their structure from, or null.</summary>
    public Calibration.Posterior? Posterior { get; }

    /// <summary>The arms' scenarios.</summary>
    public IReadOnlyList<Scenario> Arms => _arms.Select(a => a.Scenario).ToArray();

    /// <summary>Runs the comparison.</summary>
    /// <param name="options">Replications, seed, threads.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The result.</returns>
    public MonteCarloResult<ComparisonSummary> Run(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

    /// <inheritdoc />
    IReplicationWorker<ComparisonAccumulator> IMonteCarloExperiment<ComparisonAccumulator>.CreateWorker() => CreateWorker();

    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    internal IReplicationWorker<ComparisonAccumulator> CreateWorker() => new Worker(_arms, _posterior);

    /// <summary>Reads a comparison of these arms written by <see cref="ComparisonSummary.WriteTo"/> (a shard's result).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="InvalidDataException">The data is not a comparison of these arms, or is truncated.</exception>
    public ComparisonSummary ReadSummary(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ComparisonAccumulator accumulator = CreateSummary();
        accumulator.ReadFrom(stream);
        return accumulator.Freeze();
    }

    /// <inheritdoc />
    ComparisonAccumulator IMonteCarloExperiment<ComparisonAccumulator>.CreateSummary() => CreateSummary();

    /// <inheritdoc />
    ComparisonSummary ISummaryExperiment<ComparisonSummary>.EmptySummary() => CreateSummary().Freeze();

    /// <inheritdoc />
    MonteCarloResult<ComparisonSummary> ISummaryExperiment<ComparisonSummary>.Simulate(MonteCarloOptions? options, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
        => Run(options, progress, cancellationToken);

    /// <inheritdoc />
    ComparisonSummary IMonteCarloExperiment<ComparisonAccumulator, ComparisonSummary>.Freeze(ComparisonAccumulator accumulator) => accumulator.Freeze();

    /// <summary>Creates an empty accumulator.</summary>
    /// <returns>An accumulator of zero replications.</returns>
    internal ComparisonAccumulator CreateSummary() => new(_arms.Select(a => a.CreateAccumulator()).ToArray());

    private sealed class Worker : IReplicationWorker<ComparisonAccumulator>
    {
        private readonly Replication[] _workers;
        private readonly double[] _collapse;
        private readonly double[] _weeks;
        private readonly Calibration.PosteriorModel[]? _posterior;
        private int _particle = -1;

        public Worker(SanctionsModel[] arms, Calibration.PosteriorModel[]? posterior)
        {
            _posterior = posterior;
            _workers = posterior is null ? arms.Select(a => new Replication(a.Plan, a.Kernel)).ToArray() : posterior.Select(p => p.CreateReplication()).ToArray();
            _collapse = new double[arms.Length];
            _weeks = new double[arms.Length];
        }

        public void Run(ulong seed, long replication, ComparisonAccumulator summary)
        {
            if (_posterior is not null)
            {
                // Every arm draws the same particle for a replication: the structure is a common random number too.
                int k = _posterior[0].Particle(seed, replication);
                if (k != _particle)
                {
                    for (int a = 0; a < _workers.Length; a++)
                    {
                        _posterior[a].Bind(_workers[a], k);
                    }

                    _particle = k;
                }
            }

            for (int k = 0; k < _workers.Length; k++)
            {
                Replication w = _workers[k];
                w.Run(seed, replication);
                summary.ArmSummaries[k].Add(w.Metrics, replication);
                _collapse[k] = w.Metrics.Collapsed ? 1 : 0;
                _weeks[k] = w.Metrics.Collapsed ? w.Metrics.CollapseWeek : w.Metrics.SharePath.Length;
            }

            summary.AddPaired(_collapse, _weeks);
        }
    }
}
