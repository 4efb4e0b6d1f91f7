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
/// <remarks>
/// Under a posterior (#27 item 1) the particle is one more random input. On the random inputs (splitting, importance
/// sampling) it is drawn by weight from coordinate 0 of block <see cref="InputBlocks.Structure"/>, a standard normal g
/// read as u = Φ(g) through the weights' cumulative distribution (<see cref="Calibration.Posterior.ParticleAt"/>): under the
/// prior it has the posterior's law, and a move of g, reversible with respect to N(0, 1) like every other coordinate's,
/// may move the run to another particle, so the estimators keep their guarantees with the structure among the inputs.
/// On the paths (adaptive multilevel splitting) the particle is that of the origin's replication, as in a plain batch
/// under the posterior (<see cref="Calibration.Posterior.Particle"/>), and a clone inherits it with the rest of the state
/// drawn at the start.
/// </remarks>
public sealed class ScenarioSplitting : ISplittingModel, IInputSplittingModel
{
    private readonly SimulationPlan _plan;
    private readonly Calibration.PosteriorModel? _posterior;

    /// <summary>Validates and compiles a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="ScenarioValidationException">The scenario is invalid; every problem is listed with its JSON path.</exception>
    public ScenarioSplitting(Scenario scenario)
        : this(scenario, null)
    {
    }

    /// <summary>A scenario whose structural parameters each run draws from <paramref name="posterior"/> (null: as written).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="posterior">The posterior, or null.</param>
    /// <exception cref="ScenarioValidationException">The scenario, or the scenario with some particle's structure, is invalid.</exception>
    internal ScenarioSplitting(Scenario scenario, Calibration.Posterior? posterior)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (posterior is null)
        {
            _plan = new SimulationPlan(scenario);
        }
        else
        {
            _posterior = new Calibration.PosteriorModel(scenario, posterior);
            _plan = _posterior.PlanOf(0);
        }
    }

    /// <summary>The posterior the runs draw their structure from, or null.</summary>
    internal Calibration.Posterior? Posterior => _posterior?.Posterior;

    /// <summary>The scenario (as written: under a posterior, without a particle's structure).</summary>
    public Scenario Scenario => _posterior?.Scenario ?? _plan.Scenario;

    /// <inheritdoc />
    public int Steps => _plan.Weeks;

    /// <summary>1: the score reaches 1 exactly when the regime falls.</summary>
    public double Target => 1.0;

    /// <inheritdoc />
    ISplittingPath ISplittingModel.CreatePath() => CreatePath();

    /// <summary>Creates one path's reusable state for adaptive multilevel splitting.</summary>
    /// <returns>A new path.</returns>
    internal ISplittingPath CreatePath() => new Path(_plan, _posterior);

    /// <inheritdoc />
    IInputSplittingPath IInputSplittingModel.CreateInputPath() => CreateInputPath();

    /// <summary>Creates one particle's reusable state for splitting on the random inputs.</summary>
    /// <returns>A new path.</returns>
    internal IInputSplittingPath CreateInputPath() => new InputPath(_plan, _posterior);

    private sealed class InputPath(SimulationPlan plan, Calibration.PosteriorModel? posterior) : IInputSplittingPath
    {
        private readonly Replication _replication = posterior?.CreateReplication() ?? new(plan);
        private readonly double[] _scores = new double[plan.Weeks];
        private int _particle = -1;

        public double Score(MonteCarlo.RandomInputs inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            if (posterior is not null)
            {
                int k = posterior.Posterior.ParticleAt(inputs.Uniform(InputBlocks.Structure, 0));
                if (k != _particle)
                {
                    posterior.Bind(_replication, k);
                    _particle = k;
                }
            }

            _replication.Run(inputs, _scores);
            double max = double.NegativeInfinity;
            foreach (double s in _scores)
            {
                max = Math.Max(max, s);
            }

            return max;
        }
    }

    private sealed class Path(SimulationPlan plan, Calibration.PosteriorModel? posterior) : ISplittingPath
    {
        private readonly Replication _replication = posterior?.CreateReplication() ?? new(plan);
        private KeySwitch[] _switches = [];
        private int _particle = -1;

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

            if (posterior is not null)
            {
                int k = posterior.Particle(seed, origin); // the origin's particle, as replication 'origin' of a batch under the posterior
                if (k != _particle)
                {
                    posterior.Bind(_replication, k);
                    _particle = k;
                }
            }

            _replication.Run(seed, origin, _switches.AsSpan(0, branches.Length), scores);
        }
    }
}
