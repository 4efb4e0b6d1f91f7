using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Design;

/// <summary>
/// A scenario's levers as a policy-design problem: a package sets the levers (paths as in <c>--param</c>), the goal
/// event is the regime's collapse within the horizon, and the outputs are cost expressions evaluated per replication.
/// Every package runs replications <c>first … first + count − 1</c> of the seed: common random numbers.
/// </summary>
public sealed class ScenarioPackageProblem : IPackageProblem
{
    private readonly ScenarioTemplate _template;
    private readonly CostExpression[] _costs;
    private readonly string[] _senders;

    /// <summary>Prepares the problem.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="levers">The levers: each a scenario path (<see cref="ExperimentParameter.Name"/>) with its bounds.</param>
    /// <param name="costs">The cost expressions (<see cref="CostExpression"/>: outputs of a run, and the levers' values as prices), at least one.</param>
    /// <exception cref="ArgumentException">No levers, an unknown path, invalid bounds, no cost, or a cost naming no output.</exception>
    public ScenarioPackageProblem(Scenario scenario, IReadOnlyList<ExperimentParameter> levers, IReadOnlyList<string> costs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(costs);
        ExperimentParameter.ValidateAll(levers, nameof(levers));
        if (costs.Count == 0)
        {
            throw new ArgumentException("At least one cost expression is needed.", nameof(costs));
        }

        _template = new ScenarioTemplate(scenario, levers.Select(l => l.Name).ToArray());
        _senders = scenario.Coalition.Select(s => s.Name).ToArray();
        _costs = costs.Select(c => CostExpression.Parse(c, _senders, levers.Select(l => l.Name).ToArray())).ToArray();
        Levers = levers.ToArray();
        Outputs = _costs.Select(c => c.Text).ToArray();
        Scenario = scenario;
    }

    /// <summary>The scenario the levers change.</summary>
    public Scenario Scenario { get; }

    /// <summary>
    /// A posterior each replication draws its structural parameters from (<see cref="Calibration.PosteriorModel"/>:
    /// replication r draws the same particle for every package, a common random number too), or null (the default)
    /// for the scenario's own structure.
    /// </summary>
    public Calibration.Posterior? Posterior { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<ExperimentParameter> Levers { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The scenario of a package.</summary>
    /// <param name="levers">One value per lever.</param>
    /// <returns>The scenario with the levers set.</returns>
    public Scenario Apply(ReadOnlySpan<double> levers) => _template.Apply(levers);

    /// <inheritdoc />
    PackageSample IPackageProblem.Evaluate(ReadOnlySpan<double> levers, ulong seed, long first, int count) => Evaluate(levers, seed, first, count);

    /// <summary>Runs replications [first, first + count) of a package (common random numbers across packages).</summary>
    /// <param name="levers">The lever values.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="first">The first replication.</param>
    /// <param name="count">How many replications.</param>
    /// <returns>The goal indicator and the outputs of each replication.</returns>
    internal PackageSample Evaluate(ReadOnlySpan<double> levers, ulong seed, long first, int count)
    {
        Scenario scenario = _template.Apply(levers);
        var model = Calibration.PosteriorModel.Create(scenario, Posterior, recordRuns: true);
        var result = new MonteCarloRunner(new MonteCarloOptions { Replications = count, Seed = seed, FirstReplication = first, MaxDegreeOfParallelism = 1 }).Run(model);
        var sums = new double[_costs.Length];
        var squares = new double[_costs.Length];
        long successes = 0;
        foreach (var run in result.Summary.Runs)
        {
            successes += run.Collapsed ? 1 : 0;
            for (int k = 0; k < _costs.Length; k++)
            {
                double v = _costs[k].Evaluate(run, _senders, levers);
                sums[k] += v;
                squares[k] += v * v;
            }
        }

        return new PackageSample(result.Summary.Replications, successes, sums, squares);
    }
}
