using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Tests.Simulation;

namespace SanctionsSim.Tests.Calibration;

/// <summary>The historical cases: facts only, observations the model can produce, the distance, and runs under a posterior.</summary>
public class CaseTests
{
    private static readonly Scenario Plain = new() { Name = "defaults", Factions = [new Faction { Name = "army", Generals = 10, Troops = 1000 }] };

    [Test]
    public void EveryCase_SetsFactsOnly_TheStructureIsTheLibrarysDefault()
    {
        foreach (var c in HistoricalCases.All)
        {
            var s = c.Scenario;
            s.Validate();
            foreach (var p in StructuralParameters.All)
            {
                p.Read(s).ShouldBe(p.Read(Plain), $"{c.Name} sets the structural parameter {p.Name} ({p.Field}); a case preset sets facts only");
            }

            if (!Presets.IsBuiltIn(c.Name))
            {
                Presets.Get(c.Name).ShouldBeEquivalentTo(s, "a case runs as a preset by its name");
            }
        }

        HistoricalCases.Names.ShouldBe(CaseBase.Names);
        new[] { "venezuela-2019", "egypt-2011", "libya-2011", "syria-2011", "zimbabwe-2017", "myanmar-2021" }.ShouldBeSubsetOf(HistoricalCases.Names);
    }

    [Test]
    public void StructuralParameters_SetEveryFaction_AndReadBack()
    {
        var s = Presets.Get("venezuela-2019");
        foreach (var p in StructuralParameters.All)
        {
            double v = p.Prior.FromUnit(0.37);
            p.Read(p.Apply(s, v)).ShouldBe(v, p.Name);
        }

        var loyal = StructuralParameters.Get("generalLoyalty").Apply(s, 1.25);
        loyal.Factions.ShouldAllBe(f => f.GeneralLoyaltyMean == 1.25);
        loyal.Factions.Single(f => f.Name == "intelligence").LoyaltyShift.ShouldBe(0.4, "the case's fact is kept");
        Should.Throw<ArgumentException>(() => StructuralParameters.Get("noiseScal")).Message.ShouldContain("Did you mean 'noiseScale'?");
    }

    private static readonly Func<Scenario> Small = () => Plain with { Weeks = 8, Factions = [new Faction { Name = "army", Generals = 60, Troops = 10_000 }] };

    [Test]
    public void Distance_IsZeroAtTheObservation_AndCountsEachMismatch()
    {
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation { Collapsed = true, CollapseWeek = 2 });
        falls.Distance(new CaseStatistics(true, 2, 0, 0, 0.5, 0, 0)).ShouldBe(0);
        falls.Distance(new CaseStatistics(false, -1, 0, 0, 0.1, 0, 0)).ShouldBe(HistoricalCase.CollapseWeight); // a wrong outcome weighs 2
        falls.Distance(new CaseStatistics(true, 0, 0, 0, 0.5, 0, 0)).ShouldBe(1, 1e-12); // two weeks early: |Δ| / 2
        var holds = new HistoricalCase("holds", "", Small, new CaseObservation { Collapsed = false, GeneralsDefected = 13 });
        holds.Distance(new CaseStatistics(false, -1, 0, 13, 0.1, 0, 0)).ShouldBe(0);
        holds.Distance(new CaseStatistics(false, -1, 0, 41, 0.1, 0, 0)).ShouldBe(1, 1e-12); // (41 + 1) / (13 + 1) = 3
    }

    [Test]
    public void Distance_InsideAnObservedRange_IsNoMisfit_OutsideItCountsFromTheNearerEnd()
    {
        var ranges = new Dictionary<string, ObservedRange> { ["generalsDefected"] = new() { Low = 13, High = 27 }, ["outcomeWeek"] = new() { Low = 1, High = 3 } };
        var syria = new HistoricalCase("ranged", "", Small, new CaseObservation { Collapsed = false, GeneralsDefected = 18, Ranges = ranges });
        syria.Distance(new CaseStatistics(false, -1, 0, 13, 0.1, 0, 0)).ShouldBe(0);
        syria.Distance(new CaseStatistics(false, -1, 0, 27, 0.1, 0, 0)).ShouldBe(0);
        syria.Distance(new CaseStatistics(false, -1, 0, 83, 0.1, 0, 0)).ShouldBe(1, 1e-12); // (83 + 1) / (27 + 1) = 3
        syria.Distance(new CaseStatistics(false, -1, 0, 3, 0.1, 0, 0)).ShouldBe(Math.Log(14.0 / 4) / Math.Log(3), 1e-12); // from the low end, 13
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation { Collapsed = true, CollapseWeek = 1, Ranges = ranges });
        falls.Distance(new CaseStatistics(true, 3, 0, 20, 0.5, 0, 0)).ShouldBe(0, "week 3 lies in the observed weeks 1-3");
        falls.Distance(new CaseStatistics(true, 7, 0, 20, 0.5, 0, 0)).ShouldBe(2, 1e-12, "four weeks after the range's end: 4 / 2");
    }

    [Test]
    public void Distance_OfSeveralReplications_ComparesTheirMeans()
    {
        var falls = new HistoricalCase("falls", "", Small, new CaseObservation { Collapsed = true, CollapseWeek = 2 });
        // one collapsed at week 0, one held: (2 · (1/2 − 1))² + ((0 − 2)/2)² / 2 = 1 + 0.5
        falls.Distance([new CaseStatistics(true, 0, 0, 0, 0.5, 0, 0), new CaseStatistics(false, -1, 0, 0, 0.1, 0, 0)]).ShouldBe(Math.Sqrt(1.5), 1e-12);
        var holds = new HistoricalCase("holds", "", Small, new CaseObservation { Collapsed = false, GeneralsDefected = 13 });
        holds.Distance([new CaseStatistics(false, -1, 0, 0, 0.1, 0, 0), new CaseStatistics(false, -1, 0, 26, 0.1, 0, 0)]).ShouldBe(0, 1e-12); // mean 13
        Should.Throw<ArgumentException>(() => holds.Distance(ReadOnlySpan<CaseStatistics>.Empty));
    }

    [Test]
    public void EarlyRejection_NeverChangesADistanceWithinTheTolerance()
    {
        var model = new CaseCalibration([HistoricalCases.Get("zimbabwe-2017"), HistoricalCases.Get("mali-1991")], replicationsPerCase: 2);
        var simulator = model.CreateSimulator();
        double[] theta = model.Parameters.Select(p => p.FromUnit(0.5)).ToArray();
        double full = simulator.Distance(theta, 11, 3, double.PositiveInfinity);
        full.ShouldBeGreaterThan(0);
        simulator.Distance(theta, 11, 3, full).ShouldBe(full);
        simulator.Distance(theta, 11, 3, full * 2).ShouldBe(full);
        simulator.Distance(theta, 11, 3, full / 2).ShouldBeGreaterThan(full / 2);
    }

    [Test]
    public void ObservationsOutsideWhatTheModelCanProduce_AreRefused_NamingTheField()
    {
        Scenario Short() => Plain with { Weeks = 4 };
        Should.Throw<ArgumentException>(() => new HistoricalCase("x", "", Short, new CaseObservation { Collapsed = true, CollapseWeek = 4 }))
            .Message.ShouldBe("case 'x': observation.collapseWeek is 4; the scenario's horizon allows 0 to 3.");
        Should.Throw<ArgumentException>(() => new HistoricalCase("x", "", Short, new CaseObservation { Collapsed = false, CollapseWeek = 1 }))
            .Message.ShouldContain("needs collapsed = true");
        Should.Throw<ArgumentException>(() => new HistoricalCase("x", "", Short, new CaseObservation { Collapsed = false, GeneralsDefected = 11 }))
            .Message.ShouldBe("case 'x': observation.generalsDefected is 11; the model can produce 0 to 10 (the case's generals).");
        Should.Throw<ArgumentException>(() => new HistoricalCase("x", "", Short, new CaseObservation { Collapsed = false, DefectedShare = double.NaN }))
            .Message.ShouldContain("observation.defectedShare is NaN");
        Should.Throw<ArgumentException>(() => HistoricalCases.Get("egypt-2012")).Message.ShouldContain("Did you mean 'egypt-2011'?");
        Should.Throw<ArgumentException>(() => new CaseCalibration([HistoricalCases.Get("egypt-2011")], priors: [SanctionsSim.Experiments.ExperimentParameter.Uniform("noiseScal", 0.1, 0.2)]))
            .Message.ShouldContain("names no calibrated parameter");
        Should.Throw<ArgumentException>(() => new CaseCalibration([HistoricalCases.Get("egypt-2011")], priors: [SanctionsSim.Experiments.ExperimentParameter.Uniform("noiseScale", 0.2, 0.2)]))
            .Message.ShouldContain("upper > lower");
    }

    [Test]
    public void CaseCalibration_IsDeterministic_WhateverTheThreads()
    {
        var model = new CaseCalibration([HistoricalCases.Get("zimbabwe-2017"), HistoricalCases.Get("libya-2011")]);
        var options = new AbcOptions { Particles = 24, Generations = 2, Seed = 4 };
        var one = AbcSmc.Run(model, new AbcOptions { Particles = 24, Generations = 2, Seed = 4, MaxDegreeOfParallelism = 1 }).Posterior;
        var two = AbcSmc.Run(model, options).Posterior;
        two.Values.ShouldBe(one.Values);
        two.Distances.ShouldBe(one.Distances);
        one.Distances.ShouldAllBe(d => d >= 0 && double.IsFinite(d));
    }

    /// <summary>A posterior of one particle at the library's defaults is the plain model, bit for bit.</summary>
    private static Posterior AtDefaults(int copies = 1)
    {
        var names = StructuralParameters.Names;
        var values = Enumerable.Range(0, copies).SelectMany(_ => StructuralParameters.All.Select(p => p.Read(Plain))).ToArray();
        return new Posterior(new AbcPopulation(names, 0, double.PositiveInfinity, values, Enumerable.Repeat(1.0, copies).ToArray(), new double[copies], copies, 1));
    }

    [Test]
    public void PosteriorModel_AtTheDefaults_ReducesToThePlainModel()
    {
        var scenario = Presets.Get("venezuela-2019") with { Weeks = 20 };
        var options = new MonteCarloOptions { Replications = 60, Seed = 3 };
        string plain = AdaptiveAgentsTests.Fingerprint(new SanctionsModel(scenario).Simulate(options).Summary);
        AdaptiveAgentsTests.Fingerprint(new PosteriorModel(scenario, AtDefaults(3)).Simulate(options).Summary).ShouldBe(plain);
        var arms = new[] { scenario, Presets.Get("venezuela-2019-amnesty") with { Weeks = 20 } };
        var a = new PolicyComparison(arms).Run(options).Summary;
        var b = new PolicyComparison(arms, AtDefaults(2)).Run(options).Summary;
        b.Effect(1).CollapseProbabilityDifference.ShouldBe(a.Effect(1).CollapseProbabilityDifference);
        AdaptiveAgentsTests.Fingerprint(b.Arms[1]).ShouldBe(AdaptiveAgentsTests.Fingerprint(a.Arms[1]));
    }

    [Test]
    public void PosteriorModel_DrawsParticlesByWeight_OnCommonRandomNumbers()
    {
        var names = StructuralParameters.Names;
        var defaults = StructuralParameters.All.Select(p => p.Read(Plain)).ToArray();
        var values = defaults.Concat(defaults.Select((v, j) => j == 0 ? 0.0 : v)).ToArray(); // particle 1: generals' loyalty 0
        var posterior = new Posterior(new AbcPopulation(names, 3, 1.0, values, [0.25, 0.75], [0.5, 0.5], 10, 1));
        var model = new PosteriorModel(Presets.Get("egypt-2011"), posterior);
        const int n = 4000;
        int ones = Enumerable.Range(0, n).Count(r => model.Particle(9, r) == 1);
        double se = Math.Sqrt(0.75 * 0.25 / n);
        ((double)ones / n).ShouldBe(0.75, 4 * se);
        var other = new PosteriorModel(Presets.Get("libya-2011"), posterior);
        Enumerable.Range(0, 200).All(r => other.Particle(9, r) == model.Particle(9, r)).ShouldBeTrue("arms on one seed draw the same particles");
        var threads1 = model.Simulate(new MonteCarloOptions { Replications = 80, Seed = 2, MaxDegreeOfParallelism = 1 }).Summary;
        var threads2 = model.Simulate(new MonteCarloOptions { Replications = 80, Seed = 2, MaxDegreeOfParallelism = 2 }).Summary;
        AdaptiveAgentsTests.Fingerprint(threads2).ShouldBe(AdaptiveAgentsTests.Fingerprint(threads1));
        model.RunSingle(2, 17).FinalDefectedShare.ShouldBe(new SanctionsModel(posterior.Apply(Presets.Get("egypt-2011"), model.Particle(2, 17))).RunSingle(2, 17).FinalDefectedShare);
    }

    [Test]
    public void Resample_IsSystematic()
    {
        var names = StructuralParameters.Names;
        var defaults = StructuralParameters.All.Select(p => p.Read(Plain)).ToArray();
        var posterior = new Posterior(new AbcPopulation(names, 1, 1.0, [.. defaults, .. defaults, .. defaults], [0.5, 0.3, 0.2], [0, 0, 0], 3, 1));
        var draws = posterior.Resample(10, 5);
        draws.Count(k => k == 0).ShouldBe(5);
        draws.Count(k => k == 1).ShouldBe(3);
        draws.Count(k => k == 2).ShouldBe(2);
    }
}
