using System.Globalization;
using System.Text;
using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// The adaptive agents (docs/model.md, §Adaptive agents): each mechanism reduces exactly to the model without it
/// when its parameters are neutral, and moves outcomes the documented way when they are not. Comparisons run on
/// common random numbers with fixed seeds; tolerances come from the standard errors.
/// </summary>
public class AdaptiveAgentsTests
{
    private static MonteCarloOptions Options(long runs, ulong seed = 11, int threads = -1) => new() { Replications = runs, Seed = seed, MaxDegreeOfParallelism = threads };

    private static SanctionsSummary Run(Scenario s, long runs = 150, ulong seed = 11) => new SanctionsModel(s).Simulate(Options(runs, seed)).Summary;

    /// <summary>Every statistic of the model without agents, printed exactly: equal strings mean equal results.</summary>
    internal static string Fingerprint(SanctionsSummary s)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"collapses={s.Collapses}/{s.Replications} final={s.FinalDefectedShare.Mean:R} weeks={s.WeeksSurvived.Mean:R} cascade={s.LargestWeeklyCascade.Mean:R}");
        b.Append(CultureInfo.InvariantCulture, $" early={s.EarlyGeneralDefections.Mean:R}/{s.EarlySeniorDefections.Mean:R}/{s.EarlyLowRankCrossings.Mean:R} purges={s.Purges.Mean:R}");
        b.Append(CultureInfo.InvariantCulture, $" humanitarian={s.HumanitarianBurden.Mean:R} reserves={s.FinalReserves.Mean:R} reachable={s.FinalReachableReserves.Mean:R} reached={s.OfficersReached.Mean:R}");
        foreach (string f in s.FactionNames)
        {
            b.Append(CultureInfo.InvariantCulture, $" {f}={s.Faction(f).DefectedShare.Mean:R}/{s.Faction(f).LowRankCrossings.Mean:R}");
        }

        foreach (string sender in s.SenderNames)
        {
            b.Append(CultureInfo.InvariantCulture, $" cost:{sender}={s.SenderCost(sender).Mean:R}");
        }

        b.Append(" p50=").AppendJoin(',', s.DefectedSharePercentile(0.5).Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        b.Append(" revenue=").AppendJoin(',', s.MeanRevenuePath().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        return b.ToString();
    }

    /// <summary>a's mean is below b's by more than three standard errors of the difference (unpaired, so conservative on common random numbers).</summary>
    private static void ShouldBeClearlyBelow(RunningMoments a, RunningMoments b)
        => (a.Mean + (3 * Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError)))).ShouldBeLessThan(b.Mean);

    [Test]
    public void CommitmentLaw_IsEquation12()
    {
        var plan = new CommitmentPlan(new Commitment
        {
            Initial = 0.8, AdaptationRate = 0.25, CostTolerancePerWeek = 0.5, CostSensitivity = 0.4, HumanitarianSensitivity = 2,
            ProgressFromDefections = 0.3, ProgressFromRevenueLoss = 0.5, AllianceCohesion = 0.6,
        });
        double target = 0.8 - (0.4 * 0.1 / 0.5) - (2 * 0.05) + (0.3 * 0.2) + (0.5 * 0.4) + (0.6 * (0.9 - 0.7));
        plan.Next(0.7, cost: 0.1, burden: 0.05, progress: 0.2, loss: 0.4, partners: 0.9).ShouldBe(0.7 + (0.25 * (target - 0.7)), 1e-15);
        plan.Next(0.01, cost: 100, burden: 1, progress: 0, loss: 0, partners: 0).ShouldBe(0.0); // clamped below
        new CommitmentPlan(new Commitment { Initial = 0.6 }).Next(0.6, 5, 5, 5, 5, 0).ShouldBe(0.6); // static: never moves
    }

    [Test]
    public void Senders_WithNeutralCommitment_ReproduceTheModelWithoutAgents_EvenWhenCommitmentMoves()
    {
        var plain = AgentScenarios.Pressure();
        string expected = Fingerprint(Run(plain));

        // commitment moves (costs, burden, progress, partners) but decides nothing: no thresholds, no elasticity
        var moving = plain with
        {
            Coalition = plain.Coalition.Select(s => s with { Commitment = new Commitment { CostSensitivity = 1, HumanitarianSensitivity = 3, ProgressFromDefections = 0.5, AllianceCohesion = 0.5 } }).ToArray(),
        };
        var summary = Run(moving);
        Fingerprint(summary).ShouldBe(expected);
        summary.AgentSeries.ShouldBe(["commitment/us", "commitment/eu"]);
        summary.AgentPathMean("commitment/eu")[10].Mean.ShouldBeLessThan(1.0); // it did move
    }

    [Test]
    public void Patrons_WithoutSupport_AndARepertoireWithoutBudget_AndNeutralIdentities_ReproduceTheModelWithoutAgents()
    {
        var plain = AgentScenarios.Pressure();
        string expected = Fingerprint(Run(plain));
        var neutral = plain with
        {
            Patrons = [AgentScenarios.Patron(oil: 0, loans: 0, detection: 0)],
            Regime = plain.Regime with { CoupProofing = AgentScenarios.Repertoire() with { SecurityBudgetShare = 0, ReserveDrawShare = 0 } },
            Factions = plain.Factions.Select(f => f with
            {
                Identities = [new IdentityGroup { Name = "a", OfficerShare = 0.3, TroopShare = 0.6 }, new IdentityGroup { Name = "b", OfficerShare = 0.7, TroopShare = 0.4 }],
            }).ToArray(),
        };
        var summary = Run(neutral);
        Fingerprint(summary).ShouldBe(expected);
        summary.AgentTotals.ShouldContain("defected/army/a");
        summary.AgentTotals.ShouldContain("cost/patron");
    }

    [Test]
    public void Patrons_OffsetTheOilCut_RaiseDetection_AndSecondarySanctionsCutTheirSupportAtACost()
    {
        var plain = AgentScenarios.Pressure(0.8);
        var patron = plain with { Name = "patron", Patrons = [AgentScenarios.Patron()] };
        var secondary = patron with
        {
            Name = "secondary",
            Coalition = [.. patron.Coalition.Select(s => s.Name == "us" ? s with { Instruments = [.. s.Instruments, new Instrument { Kind = InstrumentKind.SecondarySanctions, Bite = 0.8, StartWeek = 0 }] } : s)],
        };
        var c = new PolicyComparison([plain, patron, secondary]).Run(Options(300)).Summary;

        // revenue: the patron makes good half the lost oil and lends; secondary sanctions cut 80 % of that
        var runPatron = new SanctionsModel(patron).RunSingle(11, 0);
        var runSecondary = new SanctionsModel(secondary).RunSingle(11, 0);
        var runPlain = new SanctionsModel(plain).RunSingle(11, 0);
        runPatron.RevenuePath[0].ShouldBe(runPlain.RevenuePath[0] + runPatron.AgentPaths["offset/patron"][0], 1e-12);
        runPatron.AgentPaths["offset/patron"][0].ShouldBe((0.5 * 0.5 * 0.5) + 0.05, 1e-12); // φ·oil₀·bite + loans at commitment 1
        runSecondary.AgentPaths["offset/patron"][0].ShouldBe(runPatron.AgentPaths["offset/patron"][0] * 0.2, 1e-12);
        runSecondary.AgentTotals["cost/patron"].ShouldBeGreaterThan(0);

        // secondary sanctions that name one patron leave the other's support whole
        var two = plain with { Patrons = [AgentScenarios.Patron("a"), AgentScenarios.Patron("b")] };
        var targeted = two with
        {
            Coalition = [.. two.Coalition.Select(s => s.Name == "us" ? s with { Instruments = [.. s.Instruments, new Instrument { Kind = InstrumentKind.SecondarySanctions, Bite = 0.8, Patrons = ["b"] }] } : s)],
        };
        var runTwo = new SanctionsModel(two).RunSingle(11, 0);
        var runTargeted = new SanctionsModel(targeted).RunSingle(11, 0);
        runTargeted.AgentPaths["offset/a"][0].ShouldBe(runTwo.AgentPaths["offset/a"][0]);
        runTargeted.AgentPaths["offset/b"][0].ShouldBe(runTwo.AgentPaths["offset/b"][0] * 0.2, 1e-12);

        // more revenue and detection: fewer defections; secondary sanctions give some of it back
        ShouldBeClearlyBelow(c.Arms[1].FinalDefectedShare, c.Arms[0].FinalDefectedShare);
        c.Arms[2].FinalDefectedShare.Mean.ShouldBeGreaterThan(c.Arms[1].FinalDefectedShare.Mean);

        // security assistance alone (no money): detection rises by the assistance, which deters attempts
        var assistedScenario = plain with { Name = "assisted", Patrons = [AgentScenarios.Patron(oil: 0, loans: 0, detection: 0.3)] };
        var traced = new SanctionsModel(assistedScenario).Trace(11, 0).Weeks[0].Detection;
        traced.ShouldBe(new SanctionsModel(plain).Trace(11, 0).Weeks[0].Detection + 0.3, 1e-12);
        var assisted = new PolicyComparison([plain, assistedScenario]).Run(Options(300)).Summary;
        ShouldBeClearlyBelow(assisted.Arms[1].FinalDefectedShare, assisted.Arms[0].FinalDefectedShare);
    }

    [Test]
    public void AWaveringSender_LiftsItsInstruments_AndItsPromisesBecomeLessCredible()
    {
        var plain = AgentScenarios.Pressure(0.8);
        var wavering = plain with
        {
            Name = "wavering",
            Coalition = plain.Coalition.Select(s => s.Name == "eu"
                ? s with { Commitment = new Commitment { Initial = 0.6, HumanitarianSensitivity = 8, AdaptationRate = 0.3 }, LiftBelowCommitment = 0.3, CredibilityElasticity = 2 }
                : s).ToArray(),
        };
        var run = new SanctionsModel(wavering).RunSingle(11, 0);
        IReadOnlyList<double> eu = run.AgentPaths["commitment/eu"];
        eu[0].ShouldBe(0.6);
        eu[^1].ShouldBeLessThan(0.3); // the humanitarian burden wears the EU down

        // once lifted, its asset freeze no longer blocks reserves
        int lifted = eu.ToList().FindIndex(c => c < 0.3);
        lifted.ShouldBeGreaterThan(0);
        var plainRun = new SanctionsModel(plain).RunSingle(11, 0);
        run.ReachableReservesPath[^1].ShouldBeGreaterThan(plainRun.ReachableReservesPath[^1]);

        var c = new PolicyComparison([plain, wavering]).Run(Options(300)).Summary;
        ShouldBeClearlyBelow(c.Arms[1].FinalDefectedShare, c.Arms[0].FinalDefectedShare);
    }

    [Test]
    public void ASender_JoinsWhenItsCommitmentReachesItsLevel()
    {
        var plain = AgentScenarios.Pressure(0.6);
        var late = plain with
        {
            Coalition = plain.Coalition.Select(s => s.Name == "eu"
                ? s with { JoinWeek = null, JoinWhenCommitmentReaches = 0.7, Commitment = new Commitment { Initial = 0.4, ProgressFromRevenueLoss = 1.5, AdaptationRate = 0.2 } }
                : s).ToArray(),
        };
        var run = new SanctionsModel(late).RunSingle(11, 0);
        int? joined = run.SenderJoinWeeks["eu"];
        joined.ShouldNotBeNull();
        joined.Value.ShouldBeGreaterThan(0);
        run.AgentPaths["commitment/eu"][joined.Value].ShouldBeGreaterThanOrEqualTo(0.7);
        run.AgentPaths["commitment/eu"][joined.Value - 1].ShouldBeLessThan(0.7);
    }

    [Test]
    public void TheRegime_SpendsItsBudget_OnArrestsRotationsPromotions_WithinItsCaps_AndDefectionsFall()
    {
        var plain = AgentScenarios.Pressure(0.6);
        var guarded = plain with { Name = "guarded", Regime = plain.Regime with { CoupProofing = AgentScenarios.Repertoire() } };
        var run = new SanctionsModel(guarded).RunSingle(11, 0);
        IReadOnlyList<double> arrests = run.AgentPaths["regime/arrests"], spending = run.AgentPaths["regime/security-spending"];
        arrests.ShouldAllBe(a => a <= 3);
        run.AgentPaths["regime/rotations"].ShouldAllBe(a => a <= 5);
        run.AgentPaths["regime/promotions"].ShouldAllBe(a => a <= 5);
        run.AgentPaths["regime/counterbalancing-detection"].ShouldAllBe(d => d >= 0 && d <= 1 - Math.Pow(1 - (0.9 * 0.03), 4) + 1e-12);
        arrests.Sum().ShouldBeGreaterThan(0); // campaign contacts make suspects, and suspects are arrested
        run.AgentTotals["regime/arrests"].ShouldBe(arrests.Sum());
        for (int w = 0; w < spending.Count; w++)
        {
            // the budget: b·R_t + d·(reachable reserves before the week's draw, which the path records after it)
            double fromRevenue = 0.05 * run.RevenuePath[w];
            double reachableBefore = run.ReachableReservesPath[w] + Math.Max(0, spending[w] - fromRevenue);
            spending[w].ShouldBeLessThanOrEqualTo(fromRevenue + (0.01 * reachableBefore) + 1e-12);
        }

        var c = new PolicyComparison([plain, guarded]).Run(Options(300)).Summary;
        ShouldBeClearlyBelow(c.Arms[1].FinalDefectedShare, c.Arms[0].FinalDefectedShare);
        c.Arms[1].FinalReserves.Mean.ShouldBeLessThan(c.Arms[0].FinalReserves.Mean); // the reserve draw
    }

    [Test]
    public void Identity_AnInGroupOfficerCorps_StaysWhileTheOutGroupDefects()
    {
        var plain = AgentScenarios.Pressure(0.8);
        var stacked = plain with
        {
            Factions = plain.Factions.Select(f => f with
            {
                Identities =
                [
                    new IdentityGroup { Name = "in", OfficerShare = 0.7, TroopShare = 0.3, FateIfRegimeFalls = 3, ReprisalExposure = 1.2, CrossingRateMultiplier = 0.2 },
                    new IdentityGroup { Name = "out", OfficerShare = 0.3, TroopShare = 0.7, CrossingRateMultiplier = 2 },
                ],
            }).ToArray(),
        };
        var s = Run(stacked, 200);
        double rateIn = (s.AgentTotal("defected/army/in").Mean + s.AgentTotal("defected/guard/in").Mean) / (0.7 * 400);
        double rateOut = (s.AgentTotal("defected/army/out").Mean + s.AgentTotal("defected/guard/out").Mean) / (0.3 * 400);
        rateOut.ShouldBeGreaterThan(rateIn); // 400 officers in all (200 generals, one senior each)

        // the identity counts follow the shares exactly (largest remainders within each rank)
        var model = new SanctionsModel(stacked);
        var r = model.RunSingle(11, 0);
        r.AgentTotals.Keys.ShouldBe(["defected/army/in", "defected/army/out", "defected/guard/in", "defected/guard/out"], ignoreOrder: true);

        // the rank and file's crossing rate is Σ troop share × multiplier = 0.3·0.2 + 0.7·2 = 1.46 times the plain one;
        // each rank's identity counts follow the shares by largest remainders: 120 army generals → 84 in, 36 out
        var plan = new SimulationPlan(stacked);
        plan.Factions[0].CrossingIdentityFactor.ShouldBe(1.46, 1e-12);
        int inClass = Array.IndexOf(plan.ClassNames, "army/in");
        Enumerable.Range(0, 120).Count(i => plan.ClassOf[i] == inClass).ShouldBe(84);
        Enumerable.Range(0, plan.OfficerCount).Count(i => plan.ClassOf[i] == inClass).ShouldBe(168);
        plan.ClassFate[inClass].ShouldBe(3);
    }

    [Test]
    public void Agents_AreDeterministic_WhateverTheThreads_AndMergeAndSerializeExactly()
    {
        var s = AgentScenarios.Pressure(0.7) with
        {
            Patrons = [AgentScenarios.Patron(), AgentScenarios.Patron("second", oil: 0.2, loans: 0, detection: 0.02) with { Commitment = new Commitment { CostSensitivity = 1, ProgressFromDefections = -1 } }],
            Regime = new Regime { CoupProofing = AgentScenarios.Repertoire() },
        };
        var model = new SanctionsModel(s);
        var one = model.Simulate(Options(80, 5, 1)).Summary;
        var many = model.Simulate(Options(80, 5, 4)).Summary;
        many.ExactlyEquals(one).ShouldBeTrue();
        var first = model.Simulate(new MonteCarloOptions { Replications = 30, Seed = 5 }).Summary;
        var second = model.Simulate(new MonteCarloOptions { Replications = 50, FirstReplication = 30, Seed = 5 }).Summary;
        using var stream = new MemoryStream();
        second.WriteTo(stream);
        stream.Position = 0;
        first.Combine(model.ReadSummary(stream)).ExactlyEquals(one).ShouldBeTrue();
        one.AgentPathPercentile("commitment/second", 0.5)[0].ShouldBe(1.0, 1.0 / 200);
        Should.Throw<ArgumentException>(() => one.AgentPathMean("commitment/nobody")).Message.ShouldContain("commitment/patron");
    }

    [Test]
    public void Worker_WithEveryAgent_AllocatesNothingPerReplication()
    {
        var s = AgentScenarios.Pressure(0.7) with
        {
            Patrons = [AgentScenarios.Patron()],
            Regime = new Regime { CoupProofing = AgentScenarios.Repertoire() },
        };
        var model = new SanctionsModel(s);
        var worker = model.CreateWorker();
        var summary = model.CreateAccumulator();
        worker.Run(1, 0, summary);
        worker.Run(1, 1, summary);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 2; r < 12; r++)
        {
            worker.Run(1, r, summary);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
