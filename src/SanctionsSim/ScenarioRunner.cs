using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim;

/// <summary>
/// Runs scenarios and policy comparisons with one set of <see cref="MonteCarloOptions"/> (seed, replications,
/// threads) and one choice of structure: the service an application resolves from a container, or builds directly.
/// </summary>
/// <remarks>
/// <para>
/// Honest by default: each replication draws the structural parameters (how officers weigh news, the noise of their
/// choice, the fall they expect; docs/calibration.md) from a posterior, <see cref="Posterior.Default"/> unless another
/// is given, so every interval includes what the calibration leaves unknown. Replication r of every arm draws the same
/// particle, keyed by (seed, r) alone: results do not depend on threads, and the arms of a comparison stay paired.
/// This is what the command line's <c>run</c> and <c>compare</c> do by default.
/// </para>
/// <para>
/// <see cref="WithFixedStructure"/> runs each scenario with its structural parameters as written (for a preset, the
/// posterior medians): <see cref="SanctionsModel"/>'s results, and <c>--structure medians</c>'s; narrower intervals
/// than the evidence supports.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to use from several threads.</threadsafety>
public sealed class ScenarioRunner
{
    private readonly MonteCarloRunner _runner;

    /// <summary>Creates the service; each replication draws its structure from the shipped posterior (<see cref="Posterior.Default"/>).</summary>
    /// <param name="options">The options every batch uses (copied now; null for the defaults).</param>
    /// <exception cref="Validation.InvalidOptionsException">The options are invalid.</exception>
    public ScenarioRunner(MonteCarloOptions? options = null)
        : this(new MonteCarloRunner(options), Posterior.Default)
    {
    }

    /// <summary>The service whose replications draw their structure from <paramref name="posterior"/> (a calibration's, or <see cref="Posterior.Default"/>).</summary>
    /// <param name="posterior">The posterior of the structural parameters.</param>
    /// <param name="options">The options every batch uses (copied now; null for the defaults).</param>
    /// <returns>The service.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posterior"/> is null (for a fixed structure, <see cref="WithFixedStructure"/>).</exception>
    /// <exception cref="Validation.InvalidOptionsException">The options are invalid.</exception>
    public static ScenarioRunner WithPosterior(Posterior posterior, MonteCarloOptions? options = null)
    {
        return posterior is null
            ? throw new ArgumentNullException(nameof(posterior), "A posterior is required; for the scenarios' own structural parameters use ScenarioRunner.WithFixedStructure.")
            : new(new MonteCarloRunner(options), posterior);
    }

    /// <summary>Creates the service on a configured runner (the container's).</summary>
    /// <param name="runner">The Monte Carlo runner whose options every batch uses.</param>
    /// <param name="structure">The posterior the replications draw their structure from, or null for the scenarios' own.</param>
    internal ScenarioRunner(MonteCarloRunner runner, Posterior? structure)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        Structure = structure;
    }

    /// <summary>
    /// The service that runs each scenario with its structural parameters as written (for a preset, the posterior
    /// medians): the results of <see cref="SanctionsModel"/> and of the command line's <c>--structure medians</c>.
    /// </summary>
    /// <param name="options">The options every batch uses (copied now; null for the defaults).</param>
    /// <returns>The service.</returns>
    /// <exception cref="Validation.InvalidOptionsException">The options are invalid.</exception>
    public static ScenarioRunner WithFixedStructure(MonteCarloOptions? options = null) => new(new MonteCarloRunner(options), null);

    /// <summary>The posterior each replication draws its structural parameters from; null when the structure is fixed (<see cref="WithFixedStructure"/>).</summary>
    public Posterior? Structure { get; }

    /// <summary>The runner's options, as copied when it was built.</summary>
    internal MonteCarloRunner Runner => _runner;

    /// <summary>Runs a Monte Carlo batch of a scenario.</summary>
    /// <param name="scenario">The scenario (validated).</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The batch result.</returns>
    /// <exception cref="Model.ScenarioValidationException">The scenario is invalid (or, under a posterior, the scenario with some particle's structure).</exception>
    public MonteCarloResult<SanctionsSummary> Run(Scenario scenario, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => _runner.Run(PosteriorModel.Create(scenario ?? throw new ArgumentNullException(nameof(scenario)), Structure), progress, cancellationToken);

    /// <summary>Compares policy packages on common random numbers (and, under a posterior, the same particle per replication in every arm); the first is the reference.</summary>
    /// <param name="arms">Two or more scenarios with the same horizon.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The comparison result.</returns>
    public MonteCarloResult<ComparisonSummary> Compare(IReadOnlyList<Scenario> arms, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => _runner.Run(new PolicyComparison(arms, Structure), progress, cancellationToken);
}
