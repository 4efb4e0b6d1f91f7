using SanctionsSim.Model;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.RareEvents;

/// <summary>
/// A scenario as a splitting model: the rare event is the regime's collapse within the horizon, the score how close
/// it is to falling (the defected share of command strength over the critical share, or the largest faction's share
/// over the faction critical share when that rule is on; 1 when the regime falls), one step a week.
/// </summary>
/// <remarks>
/// A path with no branches is exactly replication <c>origin</c> of the scenario's plain Monte Carlo batch, so a
/// splitting run's initial paths are ordinary replications. A branch changes the key of the weekly draws (decisions,
/// detection, crossings, chance joins) from its week on; the officers, ties, contact orders and events drawn at the
/// start stay the origin's, as they are part of the state a clone inherits.
/// </remarks>
public sealed class ScenarioSplitting : ISplittingModel, IInputSplittingModel
{
    private readonly SimulationPlan _plan;

    /// <summary>Validates and compiles a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="ScenarioValidationException">The scenario is invalid; every problem is listed with its JSON path.</exception>
    public ScenarioSplitting(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _plan = new SimulationPlan(scenario);
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario => _plan.Scenario;

    /// <inheritdoc />
    public int Steps => _plan.Weeks;

    /// <summary>1: the score reaches 1 exactly when the regime falls.</summary>
    public double Target => 1.0;

    /// <inheritdoc />
    ISplittingPath ISplittingModel.CreatePath() => CreatePath();

    /// <summary>Creates one path's reusable state for adaptive multilevel splitting.</summary>
    /// <returns>A new path.</returns>
    internal ISplittingPath CreatePath() => new Path(_plan);

    /// <inheritdoc />
    IInputSplittingPath IInputSplittingModel.CreateInputPath() => CreateInputPath();

    /// <summary>Creates one particle's reusable state for splitting on the random inputs.</summary>
    /// <returns>A new path.</returns>
    internal IInputSplittingPath CreateInputPath() => new InputPath(_plan);

    private sealed class InputPath(SimulationPlan plan) : IInputSplittingPath
    {
        private readonly Replication _replication = new(plan);
        private readonly double[] _scores = new double[plan.Weeks];

        public double Score(MonteCarlo.RandomInputs inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            _replication.Run(inputs, _scores);
            double max = double.NegativeInfinity;
            foreach (double s in _scores)
            {
                max = Math.Max(max, s);
            }

            return max;
        }
    }

    private sealed class Path(SimulationPlan plan) : ISplittingPath
    {
        private readonly Replication _replication = new(plan);
        private KeySwitch[] _switches = [];

        public void Simulate(ulong seed, long origin, ReadOnlySpan<PathBranch> branches, Span<double> scores)
        {
            if (scores.Length != plan.Weeks)
            {
                throw new ArgumentException($"scores must have one entry per week ({plan.Weeks}); got {scores.Length}.", nameof(scores));
            }

            if (_switches.Length < branches.Length)
            {
                _switches = new KeySwitch[Math.Max(branches.Length, 2 * _switches.Length)];
            }

            for (int i = 0; i < branches.Length; i++)
            {
                _switches[i] = new KeySwitch(branches[i].Step, branches[i].Key); // the engine's form of a branch
            }

            _replication.Run(seed, origin, _switches.AsSpan(0, branches.Length), scores);
        }
    }
}
