using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Tests.Simulation;

namespace SanctionsSim.Tests.Calibration;

/// <summary>Facts drawn within their ranges: deterministic per (seed, replication), common across arms, triangular.</summary>
public class FactRangeModelTests
{
    private static readonly CaseFile Egypt = CaseBase.Get("egypt-2011");

    private static Scenario Short(Scenario s) => s with { Weeks = 6 };

    [Test]
    public void Draws_DependOnlyOnSeedAndReplication_NotOnThreads()
    {
        var model = new FactRangeModel(Short(Egypt.Scenario), Egypt.Ranges);
        var one = model.Simulate(new MonteCarloOptions { Replications = 24, Seed = 5, MaxDegreeOfParallelism = 1 }).Summary;
        var two = model.Simulate(new MonteCarloOptions { Replications = 24, Seed = 5, MaxDegreeOfParallelism = 2 }).Summary;
        AdaptiveAgentsTests.Fingerprint(two).ShouldBe(AdaptiveAgentsTests.Fingerprint(one));
        model.ScenarioFor(5, 7).ShouldBeEquivalentTo(model.ScenarioFor(5, 7));
        model.ScenarioFor(5, 7).Factions[0].Troops.ShouldNotBe(model.ScenarioFor(5, 8).Factions[0].Troops, "another replication draws again");
        model.RunSingle(5, 3).FinalDefectedShare.ShouldBe(new SanctionsModel(model.ScenarioFor(5, 3)).RunSingle(5, 3).FinalDefectedShare);
    }

    [Test]
    public void EveryArm_DrawsTheSameFacts_CommonRandomNumbers()
    {
        var baseline = Short(Egypt.Scenario);
        var sender = baseline.Coalition[0];
        var arm = baseline with { Coalition = [sender with { Instruments = [.. sender.Instruments, new Instrument { Kind = InstrumentKind.Amnesty, Value = 1, Credibility = 0.5, Public = true }] }] };
        var a = new FactRangeModel(baseline, Egypt.Ranges);
        var b = new FactRangeModel(arm, Egypt.Ranges);
        for (int r = 0; r < 20; r++)
        {
            a.ScenarioFor(9, r).Factions.ShouldBeEquivalentTo(b.ScenarioFor(9, r).Factions);
            a.ScenarioFor(9, r).Events.ShouldBeEquivalentTo(b.ScenarioFor(9, r).Events);
        }

        // a fact's draw does not depend on the other facts listed beside it
        var first = Egypt.Ranges[0];
        var alone = new FactRangeModel(baseline, [first]);
        alone.ScenarioFor(9, 4).Factions[0].Troops.ShouldBe(a.ScenarioFor(9, 4).Factions[0].Troops);
    }

    [Test]
    public void Draws_AreTriangular_WithinTheRange()
    {
        var range = new FactRange { Path = "$.regime.reservesAbroad", Low = 10, Mode = 20, High = 60 };
        var scenario = Short(Egypt.Scenario) with { Regime = Egypt.Scenario.Regime with { ReservesAbroad = 20 } };
        var model = new FactRangeModel(scenario, [range]);
        const int n = 4000;
        var draws = Enumerable.Range(0, n).Select(r => model.ScenarioFor(3, r).Regime.ReservesAbroad).ToArray();
        draws.ShouldAllBe(x => x >= 10 && x <= 60);
        double mean = (10 + 20 + 60) / 3.0;
        double sd = Math.Sqrt(((10.0 * 10) + (20.0 * 20) + (60.0 * 60) - (10.0 * 20) - (10.0 * 60) - (20.0 * 60)) / 18);
        draws.Average().ShouldBe(mean, 4 * sd / Math.Sqrt(n));
        double below = draws.Count(x => x <= 20) / (double)n;
        below.ShouldBe((20.0 - 10) / (60 - 10), 4 * Math.Sqrt(0.2 * 0.8 / n), "the CDF at the mode is (mode - low) / (high - low)");
    }

    [Test]
    public void BadRanges_AreRefused()
    {
        var s = Short(Egypt.Scenario);
        Should.Throw<ArgumentException>(() => new FactRangeModel(s, [new FactRange { Path = "$.regime.reservesAbroad", Low = 5, Mode = 4, High = 9 }])).Message.ShouldContain("low ≤ mode ≤ high");
        Should.Throw<ArgumentException>(() => new FactRangeModel(s, [new FactRange { Path = "$.regime.nothing", Low = 1, Mode = 2, High = 3 }]));
    }

    [Test]
    public void Calibration_DrawsEachReplicationsFacts_Deterministically()
    {
        var cases = new[] { HistoricalCases.Get("zimbabwe-2017"), HistoricalCases.Get("mali-1991") };
        cases.ShouldAllBe(c => c.Ranges.Count > 0);
        var model = new CaseCalibration(cases, replicationsPerCase: 2);
        double[] theta = model.Parameters.Select(p => p.FromUnit(0.4)).ToArray();
        double d1 = model.CreateSimulator().Distance(theta, 3, 1, double.PositiveInfinity);
        model.CreateSimulator().Distance(theta, 3, 1, double.PositiveInfinity).ShouldBe(d1);
        var prediction = CasePrediction.Run(cases[0], Posterior.Default, replications: 40, seed: 2, threads: 2);
        CasePrediction.Run(cases[0], Posterior.Default, replications: 40, seed: 2, threads: 1).Collapse.Estimate.ShouldBe(prediction.Collapse.Estimate);
    }
}
