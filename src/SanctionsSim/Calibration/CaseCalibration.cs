using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Calibration;

/// <summary>
/// The calibration of structural parameters on historical cases, as an <see cref="IAbcModel"/> for
/// <see cref="AbcSmc"/>: a particle sets the structural parameters in every case's scenario, a few replications of
/// each case are simulated, and the distance is the root sum of the cases' squared distances
/// (<see cref="HistoricalCase.Distance(ReadOnlySpan{CaseStatistics}, CaseDistance)"/>, by <see cref="Distance"/>). docs/calibration.md.
/// </summary>
/// <remarks>
/// Cases are simulated cheapest first (horizon × officers), and a particle whose partial sum already exceeds the
/// generation's tolerance is rejected without simulating the rest (early rejection): the accepted particles and
/// their distances are exactly those of the full computation.
/// </remarks>
/// <threadsafety>Immutable; simulators are per thread.</threadsafety>
public sealed class CaseCalibration : IAbcModel
{
    private readonly Scenario[] _scenarios;
    private readonly FactRangeModel?[] _facts;
    private readonly StructuralParameter[] _structure;
    private readonly int[] _order;

    /// <summary>Prepares a calibration.</summary>
    /// <param name="cases">The cases (at least one, names unique).</param>
    /// <param name="parameters">The structural parameters to calibrate (default: every one in <see cref="StructuralParameters.All"/>).</param>
    /// <param name="priors">Priors replacing the parameters' own (matched by name; each must name a calibrated parameter).</param>
    /// <param name="replicationsPerCase">Replications of each case per particle (1 to 100): more make the compared statistics less noisy.</param>
    /// <param name="distance">How the replications are compared with each case's history.</param>
    /// <exception cref="ArgumentException">No case, a case twice, a prior naming no calibrated parameter, an invalid prior, or an unknown distance.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replicationsPerCase"/> is outside [1, 100].</exception>
    public CaseCalibration(IReadOnlyList<HistoricalCase> cases, IReadOnlyList<StructuralParameter>? parameters = null, IReadOnlyList<ExperimentParameter>? priors = null, int replicationsPerCase = DefaultReplicationsPerCase, CaseDistance distance = CaseDistance.Mean)
    {
        if (!Enum.IsDefined(distance))
        {
            throw new ArgumentException($"Unknown distance {distance}; use Mean or OutcomeProbability.", nameof(distance));
        }

        Distance = distance;
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationsPerCase, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationsPerCase, 100);
        ReplicationsPerCase = replicationsPerCase;
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            throw new ArgumentException("A calibration needs at least one case.", nameof(cases));
        }

        if (cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != cases.Count)
        {
            throw new ArgumentException($"A case appears twice in [{string.Join(", ", cases.Select(c => c.Name))}].", nameof(cases));
        }

        Cases = [.. cases];
        _structure = [.. parameters ?? StructuralParameters.All];
        if (_structure.Length == 0)
        {
            throw new ArgumentException("A calibration needs at least one structural parameter.", nameof(parameters));
        }

        var chosen = _structure.Select(p => p.Prior).ToArray();
        foreach (var prior in priors ?? [])
        {
            ArgumentNullException.ThrowIfNull(prior);
            int j = Array.FindIndex(_structure, p => p.Name == prior.Name);
            if (j < 0)
            {
                throw new ArgumentException($"The prior '{prior.Name}' names no calibrated parameter.{Internal.Suggest.DidYouMean(prior.Name, _structure.Select(p => p.Name))} Calibrated: {string.Join(", ", _structure.Select(p => p.Name))}.", nameof(priors));
            }

            chosen[j] = prior;
        }

        ExperimentParameter.ValidateAll(chosen, nameof(priors));
        Parameters = chosen;
        _scenarios = Cases.Select(c => c.Scenario).ToArray();
        _facts = Cases.Select(c => c.Ranges.Count > 0 ? new FactRangeModel(c.Scenario, c.Ranges) : null).ToArray();
        _order = Enumerable.Range(0, Cases.Count).OrderBy(c => (double)_scenarios[c].Weeks * new SimulationPlan(_scenarios[c]).OfficerCount).ThenBy(c => c).ToArray();
    }

    /// <summary>
    /// The same calibration with the outcome weighed by <paramref name="weight"/> in every case's distance instead of
    /// <see cref="HistoricalCase.CollapseWeight"/> (2): the mean distance's outcome term becomes (w · Δ)², the
    /// outcome-probability distance's (w / 2)² · (−2 ln p̂). A posterior that moves with the weight is shaped by
    /// misfit, not by the data (docs/validation.md, misspecification).
    /// </summary>
    /// <param name="weight">The weight, 0 to 100 (2 gives this calibration).</param>
    /// <returns>The reweighed calibration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is NaN or outside [0, 100].</exception>
    public CaseCalibration WithOutcomeWeight(double weight)
    {
        if (!(weight >= 0 && weight <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"The outcome weight is {weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; it must be within [0, 100].");
        }

        return new CaseCalibration(Cases.Select(c => c.WithOutcomeWeight(weight)).ToArray(), _structure, Parameters, ReplicationsPerCase, Distance);
    }

    /// <summary>
    /// The same calibration with one observed quantity of some cases left out of their distance, for example each
    /// case's worst-fitting observation (<see cref="CaseMisfit.Worst"/>).
    /// </summary>
    /// <param name="dropped">The quantity to leave out (outcome, outcomeWeek, earlyGeneralDefections, generalsDefected, earlyLowRankCrossings, lowRankCrossings or defectedShare) by case name.</param>
    /// <returns>The calibration without them.</returns>
    /// <exception cref="ArgumentException">A name that is not a case of this calibration, or a quantity that is not an observation's.</exception>
    public CaseCalibration WithoutObservations(IReadOnlyDictionary<string, string> dropped)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        foreach (var (name, term) in dropped)
        {
            if (!Cases.Any(c => c.Name == name))
            {
                throw new ArgumentException($"'{name}' is not a case of this calibration.{Internal.Suggest.DidYouMean(name, Cases.Select(c => c.Name))}", nameof(dropped));
            }

            if (!HistoricalCase.TermNames.Contains(term))
            {
                throw new ArgumentException($"case '{name}': '{term}' is not an observed quantity; use one of {string.Join(", ", HistoricalCase.TermNames)}.", nameof(dropped));
            }
        }

        return new CaseCalibration(Cases.Select(c => dropped.TryGetValue(c.Name, out string? term) ? c.WithoutObservation(term) : c).ToArray(), _structure, Parameters, ReplicationsPerCase, Distance);
    }

    /// <summary>The weight of the outcome in the cases' distances (<see cref="HistoricalCase.CollapseWeight"/> unless <see cref="WithOutcomeWeight"/> changed it).</summary>
    public double OutcomeWeight => Cases[0].OutcomeWeight;

    /// <summary>The default number of replications of each case per particle.</summary>
    public const int DefaultReplicationsPerCase = 4;

    /// <summary>How a particle's replications are compared with each case's history.</summary>
    public CaseDistance Distance { get; }

    /// <summary>Replications of each case per particle.</summary>
    public int ReplicationsPerCase { get; }

    /// <summary>The cases.</summary>
    public IReadOnlyList<HistoricalCase> Cases { get; }

    /// <summary>The structural parameters calibrated, in the order of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<StructuralParameter> Structure => _structure;

    /// <inheritdoc />
    public IReadOnlyList<ExperimentParameter> Parameters { get; }

    /// <summary>A case's scenario with the structural parameters set to <paramref name="theta"/>.</summary>
    /// <param name="caseIndex">The case's index in <see cref="Cases"/>.</param>
    /// <param name="theta">The parameters' values.</param>
    /// <returns>The scenario.</returns>
    public Scenario ScenarioAt(int caseIndex, ReadOnlySpan<double> theta) => StructuralParameters.Apply(_scenarios[caseIndex], _structure, theta);

    /// <summary>Creates one thread's simulator: it runs a parameter vector on every case and returns the calibration's distance.</summary>
    /// <returns>A new simulator.</returns>
    internal IAbcSimulator CreateSimulator() => new Simulator(this);

    /// <summary>
    /// The calibration's distance at <paramref name="theta"/> for one simulated data set, as <see cref="AbcSmc"/> computes it
    /// for a particle: <see cref="ReplicationsPerCase"/> replications of every case, each case's distance, their root sum of squares.
    /// </summary>
    /// <param name="theta">The structural parameters' values, in the order of <see cref="Structure"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The data set's index: data sets of different indices draw independently.</param>
    /// <returns>The distance (0 for a perfect fit).</returns>
    public double DistanceAt(ReadOnlySpan<double> theta, ulong seed, long index) => new Simulator(this).Distance(theta, seed, index, double.PositiveInfinity);

    /// <inheritdoc/>
    IAbcSimulator IAbcModel.CreateSimulator() => CreateSimulator();

    /// <summary>The seed of case <paramref name="caseIndex"/>'s replication for a simulation seed, so the cases draw independently.</summary>
    internal static ulong CaseSeed(ulong seed, int caseIndex) => RandomStream.CounterBits(seed, CounterTags.CaseSeeds, caseIndex);

    /// <summary>One replication of a case at <paramref name="theta"/>, drawn as the calibration draws it (facts within their ranges, then the structure).</summary>
    internal CaseStatistics Simulate(int caseIndex, ReadOnlySpan<double> theta, ulong seed, long replication)
    {
        var facts = _facts[caseIndex];
        var plan = new SimulationPlan(facts is null ? ScenarioAt(caseIndex, theta) : StructuralParameters.Apply(facts.ScenarioFor(CaseSeed(seed, caseIndex), replication), _structure, theta));
        var run = new Replication(plan);
        run.Run(CaseSeed(seed, caseIndex), replication);
        return CaseStatistics.From(run.Metrics, plan.FactionCount);
    }

    private sealed class Simulator(CaseCalibration owner) : IAbcSimulator
    {
        private readonly CaseStatistics[] _statistics = new CaseStatistics[owner.ReplicationsPerCase];

        public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance)
        {
            double sum = 0;
            int m = owner.ReplicationsPerCase;
            foreach (int c in owner._order)
            {
                var facts = owner._facts[c];
                var plan = facts is null ? new SimulationPlan(owner.ScenarioAt(c, theta)) : null;
                var replication = plan is null ? null : new Replication(plan);
                for (int r = 0; r < m; r++)
                {
                    long i = (index * m) + r;
                    if (facts is not null)
                    {
                        // the case's uncertain facts drawn within their ranges for this replication (rule D1), then the particle's structure
                        plan = new SimulationPlan(StructuralParameters.Apply(facts.ScenarioFor(CaseSeed(seed, c), i), owner._structure, theta));
                        replication = new Replication(plan);
                    }

                    replication!.Run(CaseSeed(seed, c), i);
                    _statistics[r] = CaseStatistics.From(replication.Metrics, plan!.FactionCount);
                }

                double d = owner.Cases[c].Distance(_statistics, owner.Distance);
                sum += d * d;
                if (Math.Sqrt(sum) > tolerance)
                {
                    return double.PositiveInfinity; // early rejection: the rest can only add
                }
            }

            return Math.Sqrt(sum);
        }
    }
}
