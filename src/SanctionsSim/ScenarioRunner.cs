using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim;

/// <summary>
/// Runs scenarios and policy comparisons with one set of <see cref="MonteCarloOptions"/> (seed, replications,
/// threads): the service an application resolves from a container, or builds directly.
/// </summary>
/// <threadsafety>Immutable; safe to use from several threads.</threadsafety>
public sealed class ScenarioRunner
{
    private readonly MonteCarloRunner _runner;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options every batch uses (copied now; null for the defaults).</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public ScenarioRunner(MonteCarloOptions? options = null)
        : this(new MonteCarloRunner(options))
    {
    }

    /// <summary>Creates the service on a configured runner (the container's).</summary>
    /// <param name="runner">The Monte Carlo runner whose options every batch uses.</param>
    internal ScenarioRunner(MonteCarloRunner runner)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
    }

    /// <summary>The runner's options, as copied when it was built.</summary>
    internal MonteCarloRunner Runner => _runner;

    /// <summary>Runs a Monte Carlo batch of a scenario.</summary>
    /// <param name="scenario">The scenario (validated).</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The batch result.</returns>
    /// <exception cref="Model.ScenarioValidationException">The scenario is invalid.</exception>
    public MonteCarloResult<SanctionsSummary> Run(Scenario scenario, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => _runner.Run(new SanctionsModel(scenario), progress, cancellationToken);

    /// <summary>Compares policy packages on common random numbers; the first is the reference.</summary>
    /// <param name="arms">Two or more scenarios with the same horizon.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The comparison result.</returns>
    public MonteCarloResult<ComparisonSummary> Compare(IReadOnlyList<Scenario> arms, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => _runner.Run(new PolicyComparison(arms), progress, cancellationToken);
}
