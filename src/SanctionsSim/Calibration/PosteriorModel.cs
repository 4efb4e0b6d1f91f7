using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Calibration;

/// <summary>
/// A scenario whose structural parameters are uncertain: replication r draws a particle of the posterior by
/// weight, from a stream keyed by (seed, r) alone, and runs the scenario with that particle's structure. Two
/// arms on one seed draw the same particle for the same replication (common random numbers), so a policy
/// effect's interval includes what the calibration leaves unknown about the structure.
/// </summary>
/// <remarks>
/// Each replication compiles its particle's scenario (a plan and a worker: about 0.1 ms and a few hundred kB for
/// the Venezuela preset), so unlike <see cref="SanctionsModel"/> a replication allocates; docs/performance.md
/// gives the cost.
/// </remarks>
/// <threadsafety>Immutable; safe to run from several threads.</threadsafety>
public sealed class PosteriorModel : IMonteCarloExperiment<SanctionsSummary>
{
    private readonly Scenario[] _scenarios;
    private readonly SanctionsModel _base;

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
        _scenarios = new Scenario[posterior.Count];
        for (int k = 0; k < _scenarios.Length; k++)
        {
            _scenarios[k] = posterior.Apply(scenario, k);
            _scenarios[k].Validate();
        }

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
        => new SanctionsModel(_scenarios[Particle(seed, replication)]).RunSingle(seed, replication);

    /// <summary>Reads a summary of this model's scenario written by <see cref="SanctionsSummary.WriteTo"/> (a checkpoint).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The summary, exactly as written.</returns>
    /// <exception cref="InvalidDataException">The data is not a summary of this scenario's shape, or is truncated.</exception>
    public SanctionsSummary ReadSummary(Stream stream) => _base.ReadSummary(stream);

    /// <inheritdoc />
    public IReplicationWorker<SanctionsSummary> CreateWorker() => new Worker(this);

    /// <inheritdoc />
    public SanctionsSummary CreateSummary() => _base.CreateSummary();

    internal Replication CreateReplication(int particle) => new(new SimulationPlan(_scenarios[particle], _base.Kernel));

    private sealed class Worker(PosteriorModel owner) : IReplicationWorker<SanctionsSummary>
    {
        private int _particle = -1;
        private Replication? _replication;

        public void Run(ulong seed, long replication, SanctionsSummary summary)
        {
            int k = owner.Particle(seed, replication);
            if (k != _particle || _replication is null)
            {
                _replication = owner.CreateReplication(k);
                _particle = k;
            }

            _replication.Run(seed, replication);
            summary.Add(_replication.Metrics, replication);
        }
    }
}
