using SanctionsSim.Model;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.RareEvents;

/// <summary>
/// The event that two independent regimes both collapse within their horizons: a rare event that needs two
/// mechanisms to fail together, not the tail of one draw (docs/rare-events.md, §Validation). The score is the smaller
/// of the two scenarios' scores (<see cref="ScenarioSplitting"/>), so it reaches 1 exactly when both regimes fall.
/// </summary>
/// <remarks>
/// The first scenario's replication reads blocks 0 … 4 of the <see cref="MonteCarlo.RandomInputs"/>, the second's
/// blocks 5 … 9, so the two are independent and each is distributed as its scenario's replications: the probability
/// is the product of the two collapse probabilities. The first scenario's cohesion draw is coordinate 0 of block 0,
/// the second's coordinate 0 of block <see cref="SecondBlock"/>.
/// </remarks>
internal sealed class JointCollapse : IInputSplittingModel
{
    /// <summary>The first block the second scenario's replication reads.</summary>
    public const int SecondBlock = 5;

    private readonly SimulationPlan _first;
    private readonly SimulationPlan _second;

    /// <summary>Validates and compiles the two scenarios.</summary>
    /// <param name="first">The first regime's scenario.</param>
    /// <param name="second">The second regime's scenario.</param>
    /// <exception cref="ScenarioValidationException">A scenario is invalid; every problem is listed with its JSON path.</exception>
    /// <exception cref="ArgumentException">A scenario has the officers' fixed grievances on (<c>decision.grievanceSd</c> &gt; 0): they read block 5, which is the second scenario's first block here.</exception>
    public JointCollapse(Scenario first, Scenario second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Decision.GrievanceSd > 0 || second.Decision.GrievanceSd > 0)
        {
            throw new ArgumentException($"$.decision.grievanceSd is {(first.Decision.GrievanceSd > 0 ? first : second).Decision.GrievanceSd.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; a joint collapse needs it at 0 in both scenarios (the grievances' input block is the second scenario's first block).");
        }

        _first = new SimulationPlan(first);
        _second = new SimulationPlan(second);
    }

    /// <summary>The first regime's scenario.</summary>
    public Scenario First => _first.Scenario;

    /// <summary>The second regime's scenario.</summary>
    public Scenario Second => _second.Scenario;

    /// <summary>1: the score reaches 1 exactly when both regimes fall.</summary>
    public double Target => 1.0;

    /// <inheritdoc />
    public IInputSplittingPath CreateInputPath() => new InputPath(_first, _second);

    private sealed class InputPath(SimulationPlan first, SimulationPlan second) : IInputSplittingPath
    {
        private readonly Replication _a = new(first);
        private readonly Replication _b = new(second);
        private readonly double[] _scoresA = new double[first.Weeks];
        private readonly double[] _scoresB = new double[second.Weeks];

        public double Score(MonteCarlo.RandomInputs inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            _a.Run(inputs, _scoresA);
            _b.Run(inputs, _scoresB, SecondBlock);
            return Math.Min(Max(_scoresA), Max(_scoresB));
        }

        private static double Max(double[] scores)
        {
            double max = double.NegativeInfinity;
            foreach (double s in scores)
            {
                max = Math.Max(max, s);
            }

            return max;
        }
    }
}
