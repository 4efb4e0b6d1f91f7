using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Calibration;

/// <summary>The misspecification diagnostics: the distance's terms, the outcome weight, dropped observations and <see cref="MisspecificationCheck"/>.</summary>
public class MisspecificationCheckTests
{
    private static readonly Func<Scenario> Small = () => new Scenario { Name = "small", Weeks = 8, Factions = [new Faction { Name = "army", Generals = 60, Troops = 10_000 }] };

    private static readonly CaseObservation Falls = new()
    {
        Outcome = OutcomeType.CollapseByDefection, OutcomeWeek = 2, Collapsed = true, CollapseWeek = 2, GeneralsDefected = 8, EarlyGeneralDefections = 3, DefectedShare = 0.4,
        Ranges = new Dictionary<string, ObservedRange> { ["outcomeWeek"] = new() { Low = 2, High = 3 } },
    };

    private static readonly CaseStatistics[] Draws =
    [
        new(true, 2, 1, 8, 0.5, 10, 40), new(true, 6, 0, 20, 0.3, 0, 7), new(false, -1, 5, 26, 0.1, 3, 3),
        new CaseStatistics(true, 4, 2, 2, 0.9, 1, 1) with { Outcome = OutcomeType.RemovedByHighCommand, OutcomeWeek = 4 },
    ];

    [TestCase(CaseDistance.Mean)]
    [TestCase(CaseDistance.OutcomeProbability)]
    public void Terms_SumToTheSquaredDistance(CaseDistance distance)
    {
        var c = new HistoricalCase("falls", "", Small, Falls);
        var terms = new double[HistoricalCase.TermNames.Length];
        c.DistanceTerms(Draws, distance, terms);
        terms.Sum().ShouldBe(Math.Pow(c.Distance(Draws, distance), 2), 1e-12);
        terms[0].ShouldBeGreaterThan(0, "three of four did not end as observed");
        terms[1].ShouldBeGreaterThan(0, "a week outside 2-3");
        terms[5].ShouldBe(0, "low-rank crossings are not observed");
    }

    [TestCase(CaseDistance.Mean)]
    [TestCase(CaseDistance.OutcomeProbability)]
    public void OutcomeWeight_TwoIsTheDistanceItself_AndScalesOnlyTheOutcomeTerm(CaseDistance distance)
    {
        var c = new HistoricalCase("falls", "", Small, Falls);
        c.WithOutcomeWeight(HistoricalCase.CollapseWeight).Distance(Draws, distance).ShouldBe(c.Distance(Draws, distance)); // bit for bit
        var plain = new double[7];
        var heavy = new double[7];
        c.DistanceTerms(Draws, distance, plain);
        c.WithOutcomeWeight(4).DistanceTerms(Draws, distance, heavy);
        heavy[0].ShouldBe(4 * plain[0], 1e-12);
        heavy.Skip(1).ShouldBe(plain.Skip(1));
        Math.Pow(c.WithOutcomeWeight(0).Distance(Draws, distance), 2).ShouldBe(plain.Skip(1).Sum(), 1e-12);
    }

    [Test]
    public void WithoutObservation_DropsExactlyThatTerm_AndNamesABadOne()
    {
        var c = new HistoricalCase("falls", "", Small, Falls);
        var all = new double[7];
        var without = new double[7];
        c.DistanceTerms(Draws, CaseDistance.OutcomeProbability, all);
        c.WithoutObservation("generalsDefected").DistanceTerms(Draws, CaseDistance.OutcomeProbability, without);
        without[3].ShouldBe(0);
        without.Where((_, i) => i != 3).ShouldBe(all.Where((_, i) => i != 3));
        c.WithoutObservation("outcomeWeek").Observes("outcomeWeek").ShouldBeFalse();
        Should.Throw<ArgumentException>(() => c.WithoutObservation("generals")).Message.ShouldContain("'generals'");
    }

    [Test]
    public void Calibration_WithOutcomeWeightTwo_IsTheSameCalibration_AndBadInputIsNamed()
    {
        var calibration = new CaseCalibration([HistoricalCases.Get("georgia-2003")], [StructuralParameters.Get("generalLoyalty")], replicationsPerCase: 2, distance: CaseDistance.OutcomeProbability);
        var options = new AbcOptions { Particles = 40, Generations = 2, Seed = 3 };
        var a = AbcSmc.Run(calibration, options);
        var b = AbcSmc.Run(calibration.WithOutcomeWeight(2), options);
        b.Posterior.Weights.ShouldBe(a.Posterior.Weights);
        b.Posterior.Distances.ShouldBe(a.Posterior.Distances);
        b.Generations[^1].Tolerance.ShouldBe(a.Generations[^1].Tolerance);
        calibration.WithOutcomeWeight(4).OutcomeWeight.ShouldBe(4);
        Should.Throw<ArgumentOutOfRangeException>(() => calibration.WithOutcomeWeight(double.NaN)).Message.ShouldContain("NaN");
        Should.Throw<ArgumentException>(() => calibration.WithoutObservations(new Dictionary<string, string> { ["georgia"] = "outcome" })).Message.ShouldContain("'georgia' is not a case");
        Should.Throw<ArgumentException>(() => calibration.WithoutObservations(new Dictionary<string, string> { ["georgia-2003"] = "week" })).Message.ShouldContain("'week'");
    }

    [Test]
    public void Check_IsTheSameOnAnyThreads_AndItsSharesAddUp()
    {
        var calibration = new CaseCalibration([HistoricalCases.Get("georgia-2003"), HistoricalCases.Get("mali-1991")], distance: CaseDistance.OutcomeProbability);
        var one = MisspecificationCheck.Run(calibration, Posterior.Default, new MisspecificationOptions { Particles = 12, Seed = 5, MaxDegreeOfParallelism = 1 });
        var two = MisspecificationCheck.Run(calibration, Posterior.Default, new MisspecificationOptions { Particles = 12, Seed = 5, MaxDegreeOfParallelism = 2 });
        two.MeanSquaredDistance.ShouldBe(one.MeanSquaredDistance);
        two.Cases.SelectMany(c => c.Observations).Select(o => o.PredictiveP).ShouldBe(one.Cases.SelectMany(c => c.Observations).Select(o => o.PredictiveP));
        one.Cases.Sum(c => c.ShareOfTotal).ShouldBe(1, 1e-12);
        foreach (var c in one.Cases)
        {
            c.Observations[0].Name.ShouldBe("outcome");
            c.Observations.Sum(o => o.ShareOfCase).ShouldBe(1, 1e-9, c.Case);
            c.Observations.ShouldAllBe(o => double.IsNaN(o.PredictiveP) || (o.PredictiveP >= 0 && o.PredictiveP <= 1 && o.TwoSidedP >= 0 && o.TwoSidedP <= 1));
            c.Observations[0].Replications.ShouldBe(12 * CaseCalibration.DefaultReplicationsPerCase);
        }
    }

    [Test]
    public void Check_FlagsAnObservationTheModelCannotProduce()
    {
        // every one of Georgia's generals said to have defected in the first weeks: far beyond what the posterior predicts
        // (the week is left out: Georgia's own worst-fitting observation is its outcome week, docs/validation.md)
        var georgia = HistoricalCases.Get("georgia-2003");
        int generals = georgia.Scenario.Factions.Sum(f => f.Generals);
        var absurd = new HistoricalCase("absurd", "", () => georgia.Scenario, georgia.Observation with { GeneralsDefected = generals, EarlyGeneralDefections = generals, Ranges = new Dictionary<string, ObservedRange>() }).WithoutObservation("outcomeWeek");
        var result = MisspecificationCheck.Run(new CaseCalibration([absurd]), Posterior.Default, new MisspecificationOptions { Particles = 25, Seed = 2 });
        var generalsFit = result.Cases[0].Observations.Single(o => o.Name == "generalsDefected");
        generalsFit.TwoSidedP.ShouldBeLessThan(0.05);
        generalsFit.PredictiveP.ShouldBeLessThan(0.05, "the model makes too few of them");
        result.Cases[0].Worst.Name.ShouldBeOneOf("generalsDefected", "earlyGeneralDefections");
    }
}
