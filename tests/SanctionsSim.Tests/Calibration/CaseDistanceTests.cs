using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Calibration;

/// <summary>The distance that treats a case's history as one draw (<see cref="CaseDistance.OutcomeProbability"/>) against the mean distance.</summary>
public class CaseDistanceTests
{
    private static readonly Func<Scenario> Small = () => new Scenario { Name = "small", Weeks = 8, Factions = [new Faction { Name = "army", Generals = 60, Troops = 10_000 }] };

    private static double Squared(HistoricalCase c, CaseStatistics[] x, CaseDistance d) => Math.Pow(c.Distance(x, d), 2);

    [Test]
    public void OutcomeProbability_IsMinusTwoLogTheSmoothedShare_PlusTheTermsAveragedOverReplications()
    {
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation { Outcome = OutcomeType.CollapseByDefection, OutcomeWeek = 2, Collapsed = true, CollapseWeek = 2, GeneralsDefected = 8 });
        var hit = new CaseStatistics(true, 2, 0, 8, 0.5, 0, 0);
        var held = new CaseStatistics(false, -1, 0, 26, 0.1, 0, 0);
        hit.Outcome.ShouldBe(OutcomeType.CollapseByDefection);

        // one of two has the observed type: −2 ln((1 + ½)/(2 + 1)); the generals' term (ln(27/9)/ln 3)² = 1 of the one that held, averaged over 2
        Squared(falls, [hit, held], CaseDistance.OutcomeProbability).ShouldBe((2 * Math.Log(2)) + 0.5, 1e-12);
        // the mean distance: (2 · (½ − 1))² and the generals' mean 17 against 8: (ln(18/9)/ln 3)²
        Squared(falls, [hit, held], CaseDistance.Mean).ShouldBe(1 + Math.Pow(Math.Log(2) / Math.Log(3), 2), 1e-12);
        // a single replication that matches everything: only the smoothing's −2 ln(3/4)
        Squared(falls, [hit], CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(0.75), 1e-12);
        falls.Distance([hit], CaseDistance.Mean).ShouldBe(falls.Distance([hit]));
    }

    [Test]
    public void OutcomeProbability_ComparesTheOutcomeType_NotOnlyCollapse()
    {
        var coup = new HistoricalCase("coup", "", Small, new CaseObservation { Outcome = OutcomeType.RemovedByHighCommand, OutcomeWeek = 3, Collapsed = true, CollapseWeek = 3 });
        var byDefection = new CaseStatistics(true, 3, 0, 0, 0.5, 0, 0);
        var byCoup = byDefection with { Outcome = OutcomeType.RemovedByHighCommand, OutcomeWeek = 3 };
        coup.Distance([byDefection], CaseDistance.Mean).ShouldBe(0, "the mean distance sees only that the ruler fell");
        Squared(coup, [byDefection], CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(0.25), 1e-12);
        Squared(coup, [byCoup], CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(0.75), 1e-12);

        // without a coded type, collapse or not is the outcome compared
        var uncoded = new HistoricalCase("uncoded", "", Small, new CaseObservation { Collapsed = true, CollapseWeek = 3 });
        Squared(uncoded, [byCoup], CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(0.75), 1e-12);
    }

    [Test]
    public void OutcomeProbability_AveragesTheWeekOverTheReplicationsWithTheObservedType()
    {
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation { Outcome = OutcomeType.CollapseByDefection, OutcomeWeek = 2, Collapsed = true, CollapseWeek = 2 });
        CaseStatistics[] x = [new(true, 2, 0, 0, 0.5, 0, 0), new(true, 6, 0, 0, 0.5, 0, 0), new(false, -1, 0, 0, 0.1, 0, 0)];
        // 2 of 3 with the type: −2 ln(2.5/4); weeks ((0)² + (4/2)²)/2 = 2
        Squared(falls, x, CaseDistance.OutcomeProbability).ShouldBe((-2 * Math.Log(2.5 / 4)) + 2, 1e-12);
        // none with the type: the smoothing keeps it finite, −2 ln(0.5/2) with one replication
        Squared(falls, [x[2]], CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(0.25), 1e-12);
    }

    [Test]
    public void OutcomeProbability_InsideAnObservedRange_IsNoMisfit()
    {
        var ranged = new HistoricalCase("ranged", "", Small, new CaseObservation
        {
            Outcome = OutcomeType.Survived, Collapsed = false, GeneralsDefected = 6,
            Ranges = new Dictionary<string, ObservedRange> { ["generalsDefected"] = new() { Low = 6, High = 7 } },
        });
        CaseStatistics[] inside = [new(false, -1, 0, 6, 0.1, 0, 0), new(false, -1, 0, 7, 0.1, 0, 0)];
        Squared(ranged, inside, CaseDistance.OutcomeProbability).ShouldBe(-2 * Math.Log(2.5 / 3), 1e-12);
        // 25 against the nearer end 7: (ln(26/8)/ln 3)², averaged with the one inside
        Squared(ranged, [inside[0], new(false, -1, 0, 25, 0.1, 0, 0)], CaseDistance.OutcomeProbability)
            .ShouldBe((-2 * Math.Log(2.5 / 3)) + (Math.Pow(Math.Log(26.0 / 8) / Math.Log(3), 2) / 2), 1e-12);
        Should.Throw<ArgumentException>(() => ranged.Distance(ReadOnlySpan<CaseStatistics>.Empty, CaseDistance.OutcomeProbability));
        Should.Throw<ArgumentException>(() => ranged.Distance(inside, (CaseDistance)7)).Message.ShouldContain("Unknown distance 7");
    }

    [Test]
    public void OutcomeOnly_IsTheOutcomeTypesTermAlone_WithoutWeekCountsOrShares()
    {
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation
        {
            Outcome = OutcomeType.CollapseByDefection, OutcomeWeek = 2, Collapsed = true, CollapseWeek = 2, GeneralsDefected = 8, DefectedShare = 0.5,
        });
        CaseStatistics[] x = [new(true, 2, 0, 8, 0.5, 0, 0), new(true, 6, 0, 40, 0.9, 0, 0), new(false, -1, 0, 0, 0.1, 0, 0)];
        // 2 of 3 with the observed type: −2 ln(2.5/4), whatever their weeks, generals and shares
        Squared(falls, x, CaseDistance.OutcomeOnly).ShouldBe(-2 * Math.Log(2.5 / 4), 1e-12);
        Squared(falls, x, CaseDistance.OutcomeProbability).ShouldBeGreaterThan(Squared(falls, x, CaseDistance.OutcomeOnly) + 1, "the full distance adds the week, generals and share terms");
        Squared(falls, [x[2]], CaseDistance.OutcomeOnly).ShouldBe(-2 * Math.Log(0.25), 1e-12);

        // the terms the misfit diagnostics read: the outcome's alone, summing to the distance
        var terms = new double[HistoricalCase.TermNames.Length];
        falls.DistanceTerms(x, CaseDistance.OutcomeOnly, terms);
        terms[0].ShouldBe(-2 * Math.Log(2.5 / 4), 1e-12);
        terms.Skip(1).ShouldAllBe(t => t == 0);

        // the type, not collapse: a coup is not the observed collapse by defection
        var coup = x[0] with { Outcome = OutcomeType.RemovedByHighCommand };
        Squared(falls, [coup], CaseDistance.OutcomeOnly).ShouldBe(-2 * Math.Log(0.25), 1e-12);
        Should.Throw<ArgumentException>(() => falls.Distance(ReadOnlySpan<CaseStatistics>.Empty, CaseDistance.OutcomeOnly));
    }

    [Test]
    public void CaseCalibration_WithTheOutcomeProbabilityDistance_IsDeterministic_WhateverTheThreads()
    {
        var model = new CaseCalibration([HistoricalCases.Get("mali-1991"), HistoricalCases.Get("haiti-1991")], [StructuralParameters.Get("generalLoyalty")], distance: CaseDistance.OutcomeProbability);
        model.Distance.ShouldBe(CaseDistance.OutcomeProbability);
        var one = AbcSmc.Run(model, new AbcOptions { Particles = 24, Generations = 2, Seed = 4, MaxDegreeOfParallelism = 1 }).Posterior;
        var two = AbcSmc.Run(model, new AbcOptions { Particles = 24, Generations = 2, Seed = 4, MaxDegreeOfParallelism = 2 }).Posterior;
        two.Values.ShouldBe(one.Values);
        two.Distances.ShouldBe(one.Distances);
        var mean = AbcSmc.Run(new CaseCalibration(model.Cases, model.Structure), new AbcOptions { Particles = 24, Generations = 2, Seed = 4, MaxDegreeOfParallelism = 1 }).Posterior;
        mean.Distances.ShouldNotBe(one.Distances, "the distance option is used");
        Should.Throw<ArgumentException>(() => new CaseCalibration(model.Cases, distance: (CaseDistance)9)).Message.ShouldContain("Unknown distance 9");
    }
}
