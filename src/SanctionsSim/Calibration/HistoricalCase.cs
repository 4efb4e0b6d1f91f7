using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Calibration;

/// <summary>
/// A historical case: its preset (facts only), what happened, and the distance between a replication and what
/// happened that the calibration minimises (docs/calibration.md, §Observations and the distance).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class HistoricalCase
{
    private readonly Func<Scenario> _scenario;

    /// <summary>Defines a case.</summary>
    /// <param name="name">A unique name, for example <c>egypt-2011</c>.</param>
    /// <param name="outcome">The qualitative outcome the model should reproduce, in words.</param>
    /// <param name="scenario">Builds the case's scenario (facts only; structural parameters at their defaults).</param>
    /// <param name="observation">What happened.</param>
    /// <exception cref="ArgumentException">The observation is outside what the scenario can produce; the message names the field, the value and the range.</exception>
    internal HistoricalCase(string name, string outcome, Func<Scenario> scenario, CaseObservation observation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observation);
        Name = name;
        Outcome = outcome;
        _scenario = scenario;
        Observation = observation;
        Check(Scenario);
    }

    /// <summary>A case from the case base or a case file: its scenario, the ranges of its facts and its observation.</summary>
    /// <param name="file">The case file.</param>
    /// <exception cref="ArgumentException">The observation lies outside what the scenario can produce.</exception>
    internal HistoricalCase(CaseFile file)
        : this(file?.Name ?? throw new ArgumentNullException(nameof(file)), file.Summary, () => file.Scenario, file.Observation)
    {
        File = file;
        Ranges = file.Ranges;
    }

    /// <summary>
    /// The same case with its scenario's <see cref="Regime.Type"/> set to the regime type its facts record (coding rule
    /// E2's mapping: personalist, military, single-party, mixed; docs/model.md §2f). The case base's coding rules leave
    /// the type unspecified (every multiplier 1), so this is how a calibration, scorecard or ablation switches the
    /// regime types on for a case file.
    /// </summary>
    /// <returns>The case with its coded regime type.</returns>
    /// <exception cref="InvalidOperationException">The case was built in code (no facts), or its facts record no regime type or an unknown one.</exception>
    public HistoricalCase WithCodedRegimeType()
    {
        var facts = File?.Facts ?? throw new InvalidOperationException($"The case {Name} has no facts (it was built in code), so no regime type to apply.");
        try
        {
            return WithScenario(s => Scenarios.Cases.CaseCoder.WithRegimeType(s, facts));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The case {Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The same case with its scenario changed the same way as every other case's (a structural switch such as the
    /// high command): case file, fact ranges and observation kept, so calibrations, scorecards and fact-range draws
    /// use the changed scenario (the ablations of docs/model.md, samples/ablation.cs).
    /// </summary>
    /// <param name="change">The change, applied once to the case's scenario.</param>
    /// <returns>The changed case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public HistoricalCase WithScenario(Func<Scenario, Scenario> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var file = File;
        var ranges = Ranges;
        var scenario = change(Scenario);
        return new HistoricalCase(Name, Outcome, () => scenario, Observation, file, ranges, OutcomeWeight);
    }

    private HistoricalCase(string name, string outcome, Func<Scenario> scenario, CaseObservation observation, CaseFile? file, IReadOnlyList<FactRange> ranges, double outcomeWeight = CollapseWeight)
        : this(name, outcome, scenario, observation)
    {
        File = file;
        Ranges = ranges;
        OutcomeWeight = outcomeWeight;
    }

    /// <summary>
    /// The weight of the outcome in this case's distance (<see cref="CollapseWeight"/>, 2, unless a misspecification
    /// check reweighs it): the mean distance's outcome term is (w · Δ)², the outcome-probability distance's is
    /// (w / 2)² · (−2 ln p̂), so w = 2 is the distance as documented and w = 0 drops the outcome.
    /// </summary>
    internal double OutcomeWeight { get; } = CollapseWeight;

    /// <summary>The same case with the outcome weighed by <paramref name="weight"/> (see <see cref="OutcomeWeight"/>).</summary>
    internal HistoricalCase WithOutcomeWeight(double weight) => new(Name, Outcome, _scenario, Observation, File, Ranges, weight);

    /// <summary>
    /// The same case without one observed quantity (a name of <see cref="TermNames"/>): its term leaves the distance.
    /// Dropping <c>outcome</c> weighs the outcome by 0; dropping <c>outcomeWeek</c> forgets the week.
    /// </summary>
    /// <exception cref="ArgumentException">Not a term name.</exception>
    internal HistoricalCase WithoutObservation(string term)
    {
        var o = Observation;
        return term switch
        {
            "outcome" => WithOutcomeWeight(0),
            "outcomeWeek" => new(Name, Outcome, _scenario, o with { OutcomeWeek = null, CollapseWeek = null }, File, Ranges, OutcomeWeight),
            "earlyGeneralDefections" => new(Name, Outcome, _scenario, o with { EarlyGeneralDefections = null }, File, Ranges, OutcomeWeight),
            "generalsDefected" => new(Name, Outcome, _scenario, o with { GeneralsDefected = null }, File, Ranges, OutcomeWeight),
            "earlyLowRankCrossings" => new(Name, Outcome, _scenario, o with { EarlyLowRankCrossings = null }, File, Ranges, OutcomeWeight),
            "lowRankCrossings" => new(Name, Outcome, _scenario, o with { LowRankCrossings = null }, File, Ranges, OutcomeWeight),
            "defectedShare" => new(Name, Outcome, _scenario, o with { DefectedShare = null }, File, Ranges, OutcomeWeight),
            _ => throw new ArgumentException($"'{term}' is not an observed quantity of a case; use one of {string.Join(", ", TermNames)}.", nameof(term)),
        };
    }

    /// <summary>The names of the distance's terms, in the order of <see cref="DistanceTerms"/>.</summary>
    internal static readonly string[] TermNames = ["outcome", "outcomeWeek", "earlyGeneralDefections", "generalsDefected", "earlyLowRankCrossings", "lowRankCrossings", "defectedShare"];

    /// <summary>Whether the case observes the quantity <paramref name="term"/> (the outcome always; the others when coded).</summary>
    internal bool Observes(string term) => term switch
    {
        "outcome" => true,
        "outcomeWeek" => Observation.CollapseWeek is not null || Observation.OutcomeWeek is not null,
        "earlyGeneralDefections" => Observation.EarlyGeneralDefections is not null,
        "generalsDefected" => Observation.GeneralsDefected is not null,
        "earlyLowRankCrossings" => Observation.EarlyLowRankCrossings is not null,
        "lowRankCrossings" => Observation.LowRankCrossings is not null,
        "defectedShare" => Observation.DefectedShare is not null,
        _ => false,
    };

    /// <summary>
    /// The squared distance split into its terms (in the order of <see cref="TermNames"/>; 0 for a quantity not
    /// observed): their sum is the square of <see cref="Distance(ReadOnlySpan{CaseStatistics}, CaseDistance)"/> up to
    /// rounding (the distance itself adds them in its own order).
    /// </summary>
    internal void DistanceTerms(ReadOnlySpan<CaseStatistics> simulated, CaseDistance distance, Span<double> terms)
    {
        if (simulated.IsEmpty || terms.Length < TermNames.Length)
        {
            throw new ArgumentException("At least one replication and seven terms are needed.", nameof(simulated));
        }

        terms.Clear();
        var o = Observation;
        int m = simulated.Length;
        if (distance == CaseDistance.Mean)
        {
            double collapsed = 0, weeks = 0;
            foreach (var x in simulated)
            {
                if (x.Collapsed)
                {
                    collapsed++;
                    if (o.CollapseWeek is int week)
                    {
                        double d = Outside(x.CollapseWeek, week, "outcomeWeek") / 2.0;
                        weeks += d * d;
                    }
                }
            }

            terms[0] = Square(OutcomeWeight * ((collapsed / m) - (o.Collapsed ? 1 : 0)));
            terms[1] = o.Collapsed ? weeks / m : 0;
            double early = 0, generals = 0, share = 0, earlyCrossings = 0, crossings = 0;
            foreach (var x in simulated)
            {
                early += x.EarlyGeneralDefections;
                generals += x.GeneralsDefected;
                share += x.DefectedShare;
                earlyCrossings += x.EarlyLowRankCrossings;
                crossings += x.LowRankCrossings;
            }

            terms[2] = Square(Count(early / m, o.EarlyGeneralDefections, "earlyGeneralDefections"));
            terms[3] = Square(Count(generals / m, o.GeneralsDefected, "generalsDefected"));
            terms[4] = Square(Count(earlyCrossings / m, o.EarlyLowRankCrossings, "earlyLowRankCrossings"));
            terms[5] = Square(Count(crossings / m, o.LowRankCrossings, "lowRankCrossings"));
            if (o.DefectedShare is double observedShare)
            {
                double s = share / m;
                terms[6] = Square(Math.Log((s + 0.01) / (Nearest(s, observedShare, "defectedShare") + 0.01)) / Math.Log(3));
            }

            return;
        }

        if (distance == CaseDistance.OutcomeOnly)
        {
            terms[0] = OutcomeTerm(simulated);
            return;
        }

        int? observedWeek = o.Outcome is null ? o.CollapseWeek : o.OutcomeWeek;
        int matching = 0;
        double matchedWeeks = 0;
        foreach (var x in simulated)
        {
            if (HasObservedOutcome(x))
            {
                matching++;
                if (observedWeek is int week)
                {
                    double d = Outside(o.Outcome is null ? x.CollapseWeek : x.OutcomeWeek, week, "outcomeWeek") / 2.0;
                    matchedWeeks += d * d;
                }
            }

            terms[2] += Square(Count(x.EarlyGeneralDefections, o.EarlyGeneralDefections, "earlyGeneralDefections")) / m;
            terms[3] += Square(Count(x.GeneralsDefected, o.GeneralsDefected, "generalsDefected")) / m;
            terms[4] += Square(Count(x.EarlyLowRankCrossings, o.EarlyLowRankCrossings, "earlyLowRankCrossings")) / m;
            terms[5] += Square(Count(x.LowRankCrossings, o.LowRankCrossings, "lowRankCrossings")) / m;
            if (o.DefectedShare is double observedShare)
            {
                terms[6] += Square(Math.Log((x.DefectedShare + 0.01) / (Nearest(x.DefectedShare, observedShare, "defectedShare") + 0.01)) / Math.Log(3)) / m;
            }
        }

        terms[0] = OutcomeFactor * -2 * Math.Log((matching + OutcomeSmoothing) / (m + (2 * OutcomeSmoothing)));
        terms[1] = matching > 0 ? matchedWeeks / matching : 0;
    }

    /// <summary>The outcome-probability distance's factor on its outcome term, (w / 2)²: exactly 1 at the default weight.</summary>
    private double OutcomeFactor => OutcomeWeight == CollapseWeight ? 1.0 : Square(OutcomeWeight / 2.0);

    /// <summary>The case file behind the case, or null for a case built in code.</summary>
    internal CaseFile? File { get; }

    /// <summary>The scenario's fields drawn per replication within their facts' ranges (empty: the scenario as it is).</summary>
    internal IReadOnlyList<FactRange> Ranges { get; } = [];

    /// <summary>The case's name.</summary>
    public string Name { get; }

    /// <summary>The qualitative outcome to reproduce.</summary>
    public string Outcome { get; }

    /// <summary>What happened.</summary>
    public CaseObservation Observation { get; }

    /// <summary>A new instance of the case's scenario.</summary>
    public Scenario Scenario => _scenario();

    /// <summary>
    /// The distance between a replication's statistics and the observation: the square root of the sum of squared
    /// discrepancies, one per observed quantity: <see cref="CollapseWeight"/> (2) when collapse (or its absence) differs; |Δweek| / 2 for the week
    /// of a collapse both had; |ln((x + 1) / (y + 1))| / ln 3 for counts; |ln((x + 0.01) / (y + 0.01))| / ln 3
    /// for shares (a factor of 3 off counts as 1).
    /// </summary>
    /// <param name="simulated">A replication's statistics.</param>
    /// <returns>The distance, ≥ 0.</returns>
    internal double Distance(CaseStatistics simulated) => Distance([simulated]);

    /// <summary>
    /// The distance between several replications of one parameter value and the observation: as
    /// <see cref="Distance(CaseStatistics)"/> on the replications' means: (2 · (share collapsed − observed))² for the
    /// outcome, the mean of ((Δweek) / 2)² over the replications (0 for those that did not collapse), and the counts'
    /// and shares' terms on their means. One replication gives exactly the single-replication distance.
    /// </summary>
    /// <param name="simulated">The replications' statistics (at least one).</param>
    /// <returns>The distance, ≥ 0.</returns>
    /// <exception cref="ArgumentException">No replication.</exception>
    internal double Distance(ReadOnlySpan<CaseStatistics> simulated)
    {
        if (simulated.IsEmpty)
        {
            throw new ArgumentException("At least one replication is needed.", nameof(simulated));
        }

        var o = Observation;
        int m = simulated.Length;
        double collapsed = 0, weeks = 0, early = 0, generals = 0, share = 0, earlyCrossings = 0, crossings = 0;
        foreach (var x in simulated)
        {
            if (x.Collapsed)
            {
                collapsed++;
                if (o.CollapseWeek is int week)
                {
                    double d = Outside(x.CollapseWeek, week, "outcomeWeek") / 2.0;
                    weeks += d * d;
                }
            }

            early += x.EarlyGeneralDefections;
            generals += x.GeneralsDefected;
            share += x.DefectedShare;
            earlyCrossings += x.EarlyLowRankCrossings;
            crossings += x.LowRankCrossings;
        }

        double sum = Square(OutcomeWeight * ((collapsed / m) - (o.Collapsed ? 1 : 0))) + (o.Collapsed ? weeks / m : 0);
        sum += Square(Count(early / m, o.EarlyGeneralDefections, "earlyGeneralDefections"));
        sum += Square(Count(generals / m, o.GeneralsDefected, "generalsDefected"));
        sum += Square(Count(earlyCrossings / m, o.EarlyLowRankCrossings, "earlyLowRankCrossings"));
        sum += Square(Count(crossings / m, o.LowRankCrossings, "lowRankCrossings"));
        if (o.DefectedShare is double observedShare)
        {
            double simulatedShare = share / m;
            double nearest = Nearest(simulatedShare, observedShare, "defectedShare");
            sum += Square(Math.Log((simulatedShare + 0.01) / (nearest + 0.01)) / Math.Log(3));
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The distance between several replications of one parameter value and the observation, by the chosen
    /// comparison: <see cref="CaseDistance.Mean"/> is <see cref="Distance(ReadOnlySpan{CaseStatistics})"/>;
    /// <see cref="CaseDistance.OutcomeProbability"/> treats the history as one draw:
    /// d² = −2 ln((k + ½) / (m + 1)) + (1/k) Σ over the k replications with the observed outcome type of (Δweek / 2)²
    /// + Σ over the observed counts and shares of (1/m) Σ over the replications of the squared log-ratio (as in the
    /// mean distance, against the nearer end of an observed range). The observed type is
    /// <see cref="CaseObservation.Outcome"/> when coded, else collapse or not.
    /// </summary>
    /// <param name="simulated">The replications' statistics (at least one).</param>
    /// <param name="distance">The comparison.</param>
    /// <returns>The distance, ≥ 0.</returns>
    /// <exception cref="ArgumentException">No replication, or an unknown <paramref name="distance"/>.</exception>
    internal double Distance(ReadOnlySpan<CaseStatistics> simulated, CaseDistance distance)
    {
        switch (distance)
        {
            case CaseDistance.Mean:
                return Distance(simulated);
            case CaseDistance.OutcomeProbability:
                break;
            case CaseDistance.OutcomeOnly:
                if (simulated.IsEmpty)
                {
                    throw new ArgumentException("At least one replication is needed.", nameof(simulated));
                }

                return Math.Sqrt(OutcomeTerm(simulated));
            default:
                throw new ArgumentException($"Unknown distance {distance}; use Mean, OutcomeProbability or OutcomeOnly.", nameof(distance));
        }

        if (simulated.IsEmpty)
        {
            throw new ArgumentException("At least one replication is needed.", nameof(simulated));
        }

        var o = Observation;
        int m = simulated.Length;
        int? observedWeek = o.Outcome is null ? o.CollapseWeek : o.OutcomeWeek;
        int matching = 0;
        double weeks = 0, terms = 0;
        foreach (var x in simulated)
        {
            if (HasObservedOutcome(x))
            {
                matching++;
                if (observedWeek is int week)
                {
                    double d = Outside(o.Outcome is null ? x.CollapseWeek : x.OutcomeWeek, week, "outcomeWeek") / 2.0;
                    weeks += d * d;
                }
            }

            terms += Square(Count(x.EarlyGeneralDefections, o.EarlyGeneralDefections, "earlyGeneralDefections"));
            terms += Square(Count(x.GeneralsDefected, o.GeneralsDefected, "generalsDefected"));
            terms += Square(Count(x.EarlyLowRankCrossings, o.EarlyLowRankCrossings, "earlyLowRankCrossings"));
            terms += Square(Count(x.LowRankCrossings, o.LowRankCrossings, "lowRankCrossings"));
            if (o.DefectedShare is double observedShare)
            {
                terms += Square(Math.Log((x.DefectedShare + 0.01) / (Nearest(x.DefectedShare, observedShare, "defectedShare") + 0.01)) / Math.Log(3));
            }
        }

        double sum = (OutcomeFactor * -2 * Math.Log((matching + OutcomeSmoothing) / (m + (2 * OutcomeSmoothing)))) + (matching > 0 ? weeks / matching : 0) + (terms / m);
        return Math.Sqrt(sum);
    }

    /// <summary>Whether a replication ended as the case did: its outcome type when one is coded, else collapse or not.</summary>
    private bool HasObservedOutcome(in CaseStatistics x)
        => Observation.Outcome is OutcomeType type ? x.Outcome == type : x.Collapsed == Observation.Collapsed;

    /// <summary>The outcome term of the outcome-probability distances: (w / 2)² · −2 ln((k + ½) / (m + 1)), k of the m replications with the observed type.</summary>
    private double OutcomeTerm(ReadOnlySpan<CaseStatistics> simulated)
    {
        int matching = 0;
        foreach (var x in simulated)
        {
            if (HasObservedOutcome(x))
            {
                matching++;
            }
        }

        return OutcomeFactor * -2 * Math.Log((matching + OutcomeSmoothing) / (simulated.Length + (2 * OutcomeSmoothing)));
    }

    /// <summary>
    /// The pseudo-count of <see cref="CaseDistance.OutcomeProbability"/>'s estimate of the observed type's
    /// probability, (k + ½) / (m + 1) (the Krichevsky–Trofimov estimator): never 0, so a particle none of whose
    /// replications had the observed type is far, not infinitely far; with m = 4, −2 ln p̂ runs from 0.21 (4 of 4) to
    /// 4.39 (0 of 4), the same spread as the mean distance's 4 for a wrong outcome.
    /// </summary>
    internal const double OutcomeSmoothing = 0.5;

    /// <summary>A case with the same scenario and fact ranges and another observation (the synthetic cases of <see cref="CoverageCheck"/>).</summary>
    internal HistoricalCase WithObservation(string name, CaseObservation observation) => new(name, Outcome, _scenario, observation, File, Ranges);

    /// <summary>
    /// The weight of the outcome (collapse or not) in the distance: a wrong outcome counts as much as a count off by
    /// a factor of 3² = 9, because the qualitative outcome is what a case must reproduce first.
    /// </summary>
    internal const double CollapseWeight = 2.0;

    /// <inheritdoc />
    public override string ToString() => Name;

    private double Count(double simulated, double? observed, string field)
        => observed is double y ? Math.Log((simulated + 1) / (Nearest(simulated, y, field) + 1)) / Math.Log(3) : 0;

    /// <summary>The observed value nearest the simulated one: the point, or the nearer end of its range (inside it, the simulated value itself).</summary>
    private double Nearest(double simulated, double observed, string field)
        => Observation.Ranges.TryGetValue(field, out var r) ? Math.Clamp(simulated, r.Low, r.High) : observed;

    private double Outside(double simulated, double observed, string field) => simulated - Nearest(simulated, observed, field);

    private static double Square(double x) => x * x;

    private void Check(Scenario s)
    {
        var o = Observation;
        string who = $"case '{Name}': observation";
        int generals = s.Factions.Sum(f => f.Generals);
        double troops = s.Factions.Sum(f => (double)f.Troops);
        if (o.CollapseWeek is int week)
        {
            if (!o.Collapsed)
            {
                throw new ArgumentException($"{who}.collapseWeek is {week} but collapsed is false; a week of collapse needs collapsed = true.");
            }

            if (week < 0 || week >= s.Weeks)
            {
                throw new ArgumentException($"{who}.collapseWeek is {week}; the scenario's horizon allows 0 to {s.Weeks - 1}.");
            }
        }

        Within(o.EarlyGeneralDefections, generals, "earlyGeneralDefections", "the case's generals");
        Within(o.GeneralsDefected, generals, "generalsDefected", "the case's generals");
        Within(o.EarlyLowRankCrossings, troops, "earlyLowRankCrossings", "the case's troops");
        Within(o.LowRankCrossings, troops, "lowRankCrossings", "the case's troops");
        Within(o.DefectedShare, 1, "defectedShare", "a share");

        void Within(double? value, double max, string field, string what)
        {
            if (value is double v && !(v >= 0 && v <= max))
            {
                throw new ArgumentException($"{who}.{field} is {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; the model can produce 0 to {max.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} ({what}).");
            }
        }
    }
}
