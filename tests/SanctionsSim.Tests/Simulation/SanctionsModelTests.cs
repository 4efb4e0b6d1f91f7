using SanctionsSim.Analysis;
using SanctionsSim.Cascades;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Simulation;

public class SanctionsModelTests
{
    private static MonteCarloOptions Options(long runs, ulong seed = 11, int threads = -1)
        => new() { Replications = runs, Seed = seed, MaxDegreeOfParallelism = threads };

    [Test]
    public void ZeroNoise_FixedPayoffs_ReducesExactlyToGranovetterThresholds()
    {
        // One faction of equal-weight generals who read public news only; nothing changes payoffs over time.
        var scenario = new Scenario
        {
            Name = "granovetter",
            Weeks = 400,
            Factions = [new Faction { Name = "crowd", Generals = 300, Troops = 300_000, SeniorOfficersPerGeneral = 0, StaffShare = 1.0, GeneralLoyaltyMean = -0.3, LoyaltySpread = 0.8, DesertionRatePerWeek = 0, DesertionPaySensitivity = 0, LowRankDefectionRatePerWeek = 0 }],
            Regime = new Regime { DetectionProbability = 0, PayRaiseSize = 0, FearIncreasePerPurge = 0 },
            Decision = new DecisionModel { NoiseScale = 0, PublicNewsWeight = 1.0, CohesionUncertainty = 0 },
            Collapse = new CollapseRule { CriticalShare = 1.0 },
        };
        var plan = new SimulationPlan(scenario);
        int matched = 0;
        for (int r = 0; r < 10; r++)
        {
            var replication = new Replication(plan);
            replication.Run(5, r);

            // each officer's threshold on the public defected share, as a Granovetter count of others
            int n = plan.OfficerCount;
            var counts = new int[n];
            for (int i = 0; i < n; i++)
            {
                double theta = ZeroNoiseThreshold(replication, scenario, i);
                counts[i] = double.IsNegativeInfinity(theta) ? 0 : double.IsPositiveInfinity(theta) ? n + 1 : Threshold.RequiredCount(theta, n);
            }

            int expected = Granovetter.Equilibrium(counts);
            int defected = 0;
            foreach (byte state in replication.Corps.State)
            {
                defected += state == OfficerCorps.Defected ? 1 : 0;
            }

            defected.ShouldBe(expected, $"replication {r}");
            matched += expected > 0 && expected < n ? 1 : 0;
        }

        matched.ShouldBeGreaterThan(0); // the check is not vacuous: some runs stop part-way
    }

    [Test]
    public void NoSanctionsNoIncentives_NoCascadeBeyondNoise()
    {
        var summary = new SanctionsModel(TestScenarios.Quiet()).Simulate(Options(300)).Summary;
        summary.CollapseProbability.Wilson().Upper.ShouldBeLessThan(0.02);
        // the rank-and-file drift (0.05 % a week by default) is noise, not a cascade: officers stay put
        summary.FinalDefectedShare.Mean.ShouldBeLessThan(0.03);
        double officersDefected = summary.FactionNames.Sum(f => summary.Faction(f).GeneralsDefected.Mean + summary.Faction(f).SeniorOfficersDefected.Mean);
        officersDefected.ShouldBeLessThan(0.01 * 400);
        summary.LargestWeeklyCascade.Mean.ShouldBeLessThan(3);
    }

    [Test]
    public void RaisingOfferCredibility_NeverLowersCollapseProbability()
    {
        var comparison = new PolicyComparison([TestScenarios.WithAmnesty(0.3, name: "c30"), TestScenarios.WithAmnesty(0.6, name: "c60"), TestScenarios.WithAmnesty(0.9, name: "c90")]);
        var result = comparison.Run(Options(400)).Summary;
        var mid = result.Effect(1);
        var high = result.Effect(2);
        mid.CollapseProbabilityDifference.ShouldBeGreaterThanOrEqualTo(-3 * mid.CollapseProbabilityDifferenceStandardError);
        high.CollapseProbabilityDifference.ShouldBeGreaterThanOrEqualTo(mid.CollapseProbabilityDifference - (3 * (mid.CollapseProbabilityDifferenceStandardError + high.CollapseProbabilityDifferenceStandardError)));
        // and the final defected share rises strictly with credibility
        result.Arms[2].FinalDefectedShare.Mean.ShouldBeGreaterThan(result.Arms[1].FinalDefectedShare.Mean);
        result.Arms[1].FinalDefectedShare.Mean.ShouldBeGreaterThan(result.Arms[0].FinalDefectedShare.Mean);
    }

    [Test]
    public void AssetFreeze_LowersTheReservesTheRegimeCanReach()
    {
        var without = TestScenarios.Quiet();
        var with = without with
        {
            Name = "freeze",
            Coalition = [new Sender { Name = "eu", Instruments = [new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.4, StartWeek = 2 }] }],
        };
        var a = new SanctionsModel(without).RunSingle(3, 0);
        var b = new SanctionsModel(with).RunSingle(3, 0);
        b.ReachableReservesPath[0].ShouldBe(a.ReachableReservesPath[0]);
        b.ReachableReservesPath[10].ShouldBeLessThan(a.ReachableReservesPath[10]);
        b.ReachableReservesPath[10].ShouldBe(a.ReservesPath[10] * 0.6, 1e-9);
    }

    [Test]
    public void HigherReprisalRisk_LowersDefections()
    {
        var low = TestScenarios.WithAmnesty(0.6, name: "low-reprisal") with { Regime = new Regime { ReprisalProbability = 0.2 } };
        var high = TestScenarios.WithAmnesty(0.6, name: "high-reprisal") with { Regime = new Regime { ReprisalProbability = 0.9 } };
        var result = new PolicyComparison([low, high]).Run(Options(300)).Summary;
        result.Arms[1].FinalDefectedShare.Mean.ShouldBeLessThan(result.Arms[0].FinalDefectedShare.Mean);
        var effect = result.Effect(1);
        effect.CollapseProbabilityDifference.ShouldBeLessThanOrEqualTo(3 * effect.CollapseProbabilityDifferenceStandardError);
    }

    [Test]
    public void Simulate_SameSeed_IdenticalOnOneAndManyThreads_AndShardsMerge()
    {
        var model = new SanctionsModel(TestScenarios.WithAmnesty(0.7));
        var one = model.Simulate(Options(120, 4, 1)).Summary;
        var many = model.Simulate(Options(120, 4, 4)).Summary;
        many.ExactlyEquals(one).ShouldBeTrue();
        var first = model.Simulate(new MonteCarloOptions { Replications = 50, Seed = 4 }).Summary;
        var second = model.Simulate(new MonteCarloOptions { Replications = 70, FirstReplication = 50, Seed = 4 }).Summary;
        first.Combine(second).ExactlyEquals(one).ShouldBeTrue();

        // a shard's summary written and read back (a checkpoint, a shard file) combines to the same bits
        using var stream = new MemoryStream();
        second.WriteTo(stream);
        stream.Position = 0;
        first.Combine(model.ReadSummary(stream)).ExactlyEquals(one).ShouldBeTrue();
    }

    [Test]
    public void RunSingle_MatchesTheSameReplicationInABatch()
    {
        var model = new SanctionsModel(TestScenarios.WithAmnesty(0.7));
        var single = model.RunSingle(9, 17);
        var batch = model.Simulate(new MonteCarloOptions { Replications = 1, FirstReplication = 17, Seed = 9 }).Summary;
        batch.FinalDefectedShare.Mean.ShouldBe(single.FinalDefectedShare);
        batch.Collapses.ShouldBe(single.Collapsed ? 1 : 0);
    }

    [Test]
    public void RunResult_PathsAndFactionsAreConsistent()
    {
        var run = new SanctionsModel(TestScenarios.WithAmnesty(0.9, 3.0)).RunSingle(2, 0);
        run.DefectedSharePath.Count.ShouldBe(40);
        run.DefectedSharePath.ShouldAllBe(s => s >= 0 && s <= 1);
        for (int w = 1; w < run.DefectedSharePath.Count; w++)
        {
            run.DefectedSharePath[w].ShouldBeGreaterThanOrEqualTo(run.DefectedSharePath[w - 1]); // defections are never undone
        }

        run.Factions.Keys.ShouldBe(["army", "guard"], ignoreOrder: true);
        run.Factions.Values.Sum(f => f.GeneralsDefected).ShouldBe(run.NewDefectorsPath.Sum() - run.Factions.Values.Sum(f => f.SeniorOfficersDefected));
        if (run.Collapsed)
        {
            run.DefectedSharePath[run.CollapseWeek!.Value].ShouldBeGreaterThanOrEqualTo(1.0 / 3.0);
            run.FirstTippingFaction.ShouldNotBeNull();
        }
    }

    [Test]
    public void Worker_SteadyState_AllocatesNothingPerReplication()
    {
        var model = new SanctionsModel(TestScenarios.Venezuela());
        var worker = model.CreateWorker();
        var summary = model.CreateAccumulator();
        for (int i = 0; i < 10; i++)
        {
            worker.Run(1, i, summary);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 10; i < 40; i++)
        {
            worker.Run(1, i, summary);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(30 * 64); // nothing per replication beyond a rare buffer growth
    }

    /// <summary>
    /// The perceived defected share at or above which officer <paramref name="i"/> defects under the zero-noise rule with the
    /// week-0 terms (no instruments, nothing lost): Δ is affine in P(fall), Δ = a + b·P; solve for P*, invert the logistic.
    /// </summary>
    private static double ZeroNoiseThreshold(Replication replication, Scenario scenario, int i)
    {
        var w = new WeekTerms
        {
            Detection = scenario.Regime.DetectionProbability,
            Reprisal = scenario.Regime.ReprisalProbability,
            Patronage = 1.0,
            Omega = scenario.Decision.PublicNewsWeight,
            Steepness = scenario.Decision.FallSteepness,
            Midpoint = scenario.Decision.FallMidpoint,
            LossEffect = scenario.Decision.RevenueLossFallEffect,
            Gain = scenario.Opposition.GainIfRegimeFalls,
            Prosecution = scenario.Opposition.ProsecutionCost,
            SanctionedProsecution = scenario.Opposition.SanctionedProsecutionCost,
            PurgeCost = scenario.Regime.PurgeCost,
            Severity = scenario.Regime.ReprisalSeverity,
        };
        var c = new DecisionCoefficients(scenario.Factions.Count);
        c.Set(in w, new FactionOffers[scenario.Factions.Count]);
        OfficerCorps corps = replication.Corps;
        int g = DecisionRule.Group(0, reached: false, corps.Sanctioned[i]);
        double a = c.DeltaAt(g, corps.Assets[i], corps.Family[i], corps.Loyalty[i], 0.0);
        double b = c.DeltaAt(g, corps.Assets[i], corps.Family[i], corps.Loyalty[i], 1.0) - a;
        if (b <= 0)
        {
            return a >= 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        double pStar = -a / b;
        if (pStar <= 0)
        {
            return double.NegativeInfinity;
        }

        if (pStar >= 1)
        {
            return double.PositiveInfinity;
        }

        return w.Midpoint + (Math.Log(pStar / (1 - pStar)) / w.Steepness);
    }
}

public class ReadableSummaryTests
{
    [Test]
    public void EveryResult_PrintsAReadableSummary()
    {
        var result = new SanctionsModel(TestScenarios.WithAmnesty(0.8)).Simulate(new MonteCarloOptions { Replications = 30, Seed = 1 });
        string text = result.ToString();
        text.ShouldContain("P(collapse)");
        text.ShouldContain("95% CI [");
        text.ShouldContain("replications [0, 30) of seed 1");
        new WattsModel { NodeCount = 1000 }.Simulate(new MonteCarloOptions { Replications = 20 }).Summary.ToString().ShouldContain("P(global cascade)");
        var comparison = new PolicyComparison([TestScenarios.Quiet(), TestScenarios.WithAmnesty(0.8)]).Run(new MonteCarloOptions { Replications = 20 }).Summary;
        comparison.ToString().ShouldContain("ΔP");
    }
}

public class CollapseRuleTests
{
    [Test]
    public void FactionRule_CollapsesWhenOneFactionTips_AndOneMeansOff()
    {
        var strong = TestScenarios.WithAmnesty(0.9, 3.0);
        var perFaction = strong with { Collapse = new CollapseRule { CriticalShare = 0.9, FactionCriticalShare = 0.2 } };
        var overallOnly = strong with { Collapse = new CollapseRule { CriticalShare = 0.9, FactionCriticalShare = 1.0 } };
        var comparison = new PolicyComparison([overallOnly with { Name = "overall" }, perFaction with { Name = "faction" }])
            .Run(new MonteCarloOptions { Replications = 100, Seed = 3 }).Summary;
        comparison.Arms[1].CollapseProbability.Estimate.ShouldBeGreaterThan(comparison.Arms[0].CollapseProbability.Estimate);
        var run = new SanctionsModel(perFaction).RunSingle(3, 0);
        if (run.Collapsed)
        {
            run.Factions.Values.Max(f => f.DefectedShare).ShouldBeGreaterThanOrEqualTo(0.2);
        }
    }

}
