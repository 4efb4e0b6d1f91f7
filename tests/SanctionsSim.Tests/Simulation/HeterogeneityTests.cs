using System.Text;
using MathNet.Numerics.Statistics;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// Officers who differ (issue #24 item 5; docs/model.md, Eq. 3', 5' and 6): an identity group's loyalty shift per rank,
/// a fixed grievance per officer drawn once per replication from its own stream, and the weekly noise scale apart from
/// τ. Off by default and then bit for bit what it was; on, the draws are what they say, the kernels agree and the
/// weekly loop allocates nothing.
/// </summary>
public class HeterogeneityTests
{
    private static SanctionsSummary Run(Scenario s, long runs, ulong seed, DecisionKernelMode kernel = DecisionKernelMode.Auto)
        => new SanctionsModel(s, kernel: kernel).Simulate(new MonteCarloOptions { Replications = runs, Seed = seed, MaxDegreeOfParallelism = 2 }).Summary;

    /// <summary>The quiet force whose army has two identity groups with loyalty shifts of their own.</summary>
    private static Scenario TwoGroups(double? generalShift = null, double? seniorShift = null) => TestScenarios.Quiet() with
    {
        Name = "two-groups",
        Factions =
        [
            TestScenarios.Quiet().Factions[0] with
            {
                Identities =
                [
                    new IdentityGroup { Name = "in", OfficerShare = 0.4, TroopShare = 0.3, LoyaltyShift = 0.4 },
                    new IdentityGroup { Name = "out", OfficerShare = 0.6, TroopShare = 0.7, LoyaltyShift = -0.3, GeneralLoyaltyShift = generalShift, SeniorLoyaltyShift = seniorShift },
                ],
            },
            TestScenarios.Quiet().Factions[1],
        ],
    };

    private static Scenario WithGrievance(Scenario s, double sd, double weekly = 1.0)
        => s with { Decision = s.Decision with { GrievanceSd = sd, WeeklyNoiseScale = weekly } };

    [Test]
    public void Off_ByDefault_AndTheExplicitOffValuesChangeNothing()
    {
        var d = new DecisionModel();
        d.GrievanceSd.ShouldBe(0);
        d.WeeklyNoiseScale.ShouldBe(1);
        var g = new IdentityGroup { Name = "g", OfficerShare = 1, TroopShare = 1 };
        g.GeneralLoyaltyShift.ShouldBeNull();
        g.SeniorLoyaltyShift.ShouldBeNull();

        // the preset: σ_g = 0 and a weekly multiplier of 1 written out
        Scenario venezuela = Presets.Get("venezuela-2019");
        var reference = Run(venezuela, 120, 23);
        var explicitOff = Run(WithGrievance(venezuela, 0, 1), 120, 23);
        explicitOff.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(explicitOff).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));

        // identities: per-rank shifts equal to the group's shift are the group's shift
        var groups = Run(TwoGroups(), 120, 29);
        var perRank = Run(TwoGroups(generalShift: -0.3, seniorShift: -0.3), 120, 29);
        perRank.ExactlyEquals(groups).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(perRank).ShouldBe(AdaptiveAgentsTests.Fingerprint(groups));
    }

    [Test]
    public void PerRankShift_MovesTheGroupsGeneralsAndSeniorsApart_AndNobodyElse()
    {
        var basePlan = new SimulationPlan(TwoGroups());
        var plan = new SimulationPlan(TwoGroups(generalShift: 1.7, seniorShift: -2.1));
        var a = new Replication(basePlan);
        var b = new Replication(plan);
        a.Run(5, 3);
        b.Run(5, 3);
        int outClass = plan.ClassNames.ToList().IndexOf("army/out");
        outClass.ShouldBeGreaterThanOrEqualTo(0);
        int generals = 0, seniors = 0;
        for (int i = 0; i < plan.OfficerCount; i++)
        {
            double difference = b.Corps.Loyalty[i] - a.Corps.Loyalty[i];
            if (plan.ClassOf[i] != outClass)
            {
                b.Corps.Loyalty[i].ShouldBe(a.Corps.Loyalty[i], $"officer {i} is not of the group");
            }
            else if (plan.Rank[i] == SimulationPlan.RankGeneral)
            {
                difference.ShouldBe(1.7 - -0.3, 1e-12);
                generals++;
            }
            else
            {
                difference.ShouldBe(-2.1 - -0.3, 1e-12);
                seniors++;
            }
        }

        generals.ShouldBeGreaterThan(0);
        seniors.ShouldBeGreaterThan(0);
    }

    [Test]
    public void Grievances_AreNormalWithSdSigma_DrawnOncePerReplication_AndMoveNoOtherDraw()
    {
        const double sigma = 0.45;
        var off = new Replication(new SimulationPlan(TestScenarios.Quiet()));
        var on = new Replication(new SimulationPlan(WithGrievance(TestScenarios.Quiet(), sigma)));
        off.Corps.Grievance.Length.ShouldBe(0, "nothing is allocated while the mechanism is off");
        var all = new List<double>();
        for (long r = 0; r < 4; r++)
        {
            off.Run(11, r);
            on.Run(11, r);
            ReadOnlySpan<double> g = on.Corps.Grievance;
            g.Length.ShouldBe(off.Corps.Loyalty.Length);
            for (int i = 0; i < g.Length; i++)
            {
                on.Corps.Loyalty[i].ShouldBe(off.Corps.Loyalty[i] - g[i], $"replication {r}, officer {i}: L_i − g_i, every other draw unchanged");
                on.Corps.Family[i].ShouldBe(off.Corps.Family[i]);
                on.Corps.Assets[i].ShouldBe(off.Corps.Assets[i]);
            }

            all.AddRange(g.ToArray());
        }

        // mean 0 and sd σ within 4 standard errors (SE of the mean σ/√n, of the sd σ/√(2n))
        int n = all.Count;
        Math.Abs(all.Mean()).ShouldBeLessThan(4 * sigma / Math.Sqrt(n));
        Math.Abs(all.StandardDeviation() - sigma).ShouldBeLessThan(4 * sigma / Math.Sqrt(2.0 * n));

        // a replication's grievances depend only on (seed, replication)
        on.Run(11, 2);
        double[] again = on.Corps.Grievance.ToArray();
        on.Run(11, 0);
        on.Run(11, 2);
        on.Corps.Grievance.ToArray().ShouldBe(again);
        on.Run(12, 2);
        on.Corps.Grievance.ToArray().ShouldNotBe(again);
    }

    [Test]
    public void Grievances_UnderRandomInputs_ReadBlockFive_OneNormalPerOfficer()
    {
        // the rare-event methods drive a replication by Gaussian inputs: the grievances are block 5's coordinates
        const double sigma = 0.3;
        var plan = new SimulationPlan(WithGrievance(TestScenarios.Quiet(), sigma));
        var on = new Replication(plan);
        var off = new Replication(new SimulationPlan(TestScenarios.Quiet()));
        var inputs = RandomInputs.FromPrior(7, 3);
        var scores = new double[plan.Weeks];
        on.Run(inputs, scores);
        off.Run(inputs, new double[plan.Weeks]);
        for (int i = 0; i < plan.OfficerCount; i++)
        {
            on.Corps.Grievance[i].ShouldBe(sigma * inputs.Normal(InputBlocks.Grievance, i));
            on.Corps.Loyalty[i].ShouldBe(off.Corps.Loyalty[i] - on.Corps.Grievance[i], "the other blocks are read as before");
        }
    }

    [Test]
    public void Grievances_ShiftTheOutcome()
    {
        // a wide grievance puts officers far above their threshold: more defect than without
        var quiet = TestScenarios.Quiet();
        var without = Run(quiet, 200, 3);
        var with = Run(WithGrievance(quiet, 3.0), 200, 3);
        with.FinalDefectedShare.Mean.ShouldBeGreaterThan(without.FinalDefectedShare.Mean + (4 * Math.Sqrt((with.FinalDefectedShare.StandardError * with.FinalDefectedShare.StandardError) + (without.FinalDefectedShare.StandardError * without.FinalDefectedShare.StandardError))));
    }

    /// <summary>
    /// Eq. 6b's limit: with the officers' payoffs held fixed (no sanctions, no events, a perceived fall probability that
    /// does not move with the defected share, detection that does not decay) and no weekly noise, an officer whose
    /// fixed Δ + g is below 0 in week 0 stays below it: every defection happens in week 0. With the same grievances and
    /// weekly noise, officers keep defecting after week 0. A grievance redrawn every week would fail the first half.
    /// </summary>
    [Test]
    public void WithoutWeeklyNoise_AFixedGrievanceGivesNobodyAnotherChance_TheWeeklyNoiseDoes()
    {
        Scenario still = TestScenarios.Quiet() with
        {
            Decision = TestScenarios.Quiet().Decision with { FallSteepness = 1e-9, PublicNewsWeight = 0, RevenueLossFallEffect = 0, CohesionUncertainty = 0 },
            Regime = TestScenarios.Quiet().Regime with { DetectionDecay = 0 },
        };
        long first = 0, later = 0, laterWithNoise = 0;
        var fixedOnly = new SanctionsModel(WithGrievance(still, 0.8, 0));
        var withNoise = new SanctionsModel(WithGrievance(still, 0.8, 1));
        for (long r = 0; r < 20; r++)
        {
            RunResult a = fixedOnly.RunSingle(31, r);
            a.NewDefectorsPath.Count.ShouldBeGreaterThan(1, "the run outlives week 0");
            first += a.NewDefectorsPath[0];
            later += a.NewDefectorsPath.Skip(1).Sum();
            laterWithNoise += withNoise.RunSingle(31, r).NewDefectorsPath.Skip(1).Sum();
        }

        first.ShouldBeGreaterThan(0);
        later.ShouldBe(0);
        laterWithNoise.ShouldBeGreaterThan(0);
    }

    [TestCase("venezuela-2019")]
    [TestCase("venezuela-2019-all")]
    public void WithGrievancesAndWeeklyNoise_VectorAndScalarKernels_AreBitIdentical(string preset)
    {
        Scenario s = WithGrievance(Presets.Get(preset), 0.3, 0.6);
        var scalar = Run(s, 60, 17, DecisionKernelMode.Scalar);
        var vector = Run(s, 60, 17, DecisionKernelMode.Vector);
        vector.ExactlyEquals(scalar).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(vector).ShouldBe(AdaptiveAgentsTests.Fingerprint(scalar));

        // the weekly multiplier 0 is the deterministic rule Δ_i + g_i ≥ 0, in both kernels
        Scenario zero = WithGrievance(Presets.Get(preset), 0.3, 0);
        Run(zero, 20, 17, DecisionKernelMode.Vector).ExactlyEquals(Run(zero, 20, 17, DecisionKernelMode.Scalar)).ShouldBeTrue();
    }

    [Test]
    public void WeeklyNoiseScale_ActsAsTauTimesIt()
    {
        // τ_w = τ · w: a multiplier of 0.5 on τ is τ/2 with a multiplier of 1, bit for bit (τ/2 and τ·0.5 are the same double)
        Scenario venezuela = Presets.Get("venezuela-2019");
        var half = Run(venezuela with { Decision = venezuela.Decision with { WeeklyNoiseScale = 0.5 } }, 80, 7);
        var tauHalved = Run(venezuela with { Decision = venezuela.Decision with { NoiseScale = venezuela.Decision.NoiseScale / 2 } }, 80, 7);
        half.ExactlyEquals(tauHalved).ShouldBeTrue();
    }

    [Test]
    public void Worker_WithGrievances_AllocatesNothingPerReplication()
    {
        var model = new SanctionsModel(WithGrievance(Presets.Get("venezuela-2019"), 0.3, 0.6));
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

    [Test]
    public void ScenarioFiles_ReadTheNewFields_AndReportABadOneByItsPath()
    {
        const string Json = """
            {
              "schemaVersion": 1,
              "name": "officers-who-differ",
              "factions": [
                { "name": "army", "generals": 10, "troops": 1000,
                  "identities": [ { "name": "sunni", "officerShare": 0.6, "troopShare": 0.8, "loyaltyShift": -0.4, "generalLoyaltyShift": 0.2 },
                                  { "name": "alawite", "officerShare": 0.4, "troopShare": 0.2, "seniorLoyaltyShift": 0.9 } ] }
              ],
              "decision": { "grievanceSd": 0.12, "weeklyNoiseScale": 0.7 }
            }
            """;
        Scenario s = ScenarioJson.Read(Json);
        s.Decision.GrievanceSd.ShouldBe(0.12);
        s.Decision.WeeklyNoiseScale.ShouldBe(0.7);
        s.Factions[0].Identities[0].GeneralLoyaltyShift.ShouldBe(0.2);
        s.Factions[0].Identities[0].SeniorLoyaltyShift.ShouldBeNull();
        s.Factions[0].Identities[1].SeniorLoyaltyShift.ShouldBe(0.9);
        string json = ScenarioJson.Write(s);
        ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json);

        var errors = ScenarioJson.TryRead(Encoding.UTF8.GetBytes(Json.Replace("\"grievanceSd\": 0.12", "\"grievanceSd\": -3", StringComparison.Ordinal)), out _);
        errors.Single().Path.ShouldBe("$.decision.grievanceSd");
    }

    [Test]
    public void Calibration_MayNameSigmaAndTheWeeklyMultiplier_TheShippedSetIsUnchanged()
    {
        StructuralParameters.Names.ShouldNotContain("grievanceSd");
        StructuralParameters.Optional.Select(p => p.Name).ShouldBe(["grievanceSd", "weeklyNoiseScale"]);
        Scenario venezuela = Presets.Get("venezuela-2019");
        foreach (StructuralParameter p in StructuralParameters.Optional)
        {
            StructuralParameters.Get(p.Name).ShouldBeSameAs(p);
            double v = p.Prior.FromUnit(0.37);
            p.Read(p.Apply(venezuela, v)).ShouldBe(v, p.Name);
            p.Apply(venezuela, v).Validate();
        }

        StructuralParameters.Get("grievanceSd").Read(venezuela).ShouldBe(0, "off in every preset");
        Should.Throw<ArgumentException>(() => StructuralParameters.Get("grievanceSD")).Message.ShouldContain("Did you mean 'grievanceSd'?");
    }

    [TestCase(double.NaN)]
    [TestCase(-0.1)]
    [TestCase(100.5)]
    public void Validate_NewFields_NamePathValueAndRange(double bad)
    {
        Scenario s = TwoGroups() with { Decision = TestScenarios.Quiet().Decision with { GrievanceSd = bad, WeeklyNoiseScale = bad } };
        s = s with
        {
            Factions =
            [
                s.Factions[0] with { Identities = [s.Factions[0].Identities[0] with { GeneralLoyaltyShift = bad * 2000, SeniorLoyaltyShift = double.IsNaN(bad) ? bad : -bad * 2000 }, s.Factions[0].Identities[1]] },
                s.Factions[1],
            ],
        };
        var errors = ScenarioValidator.Validate(s);
        string value = bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        foreach (string path in new[] { "$.decision.grievanceSd", "$.decision.weeklyNoiseScale" })
        {
            var e = errors.Single(e => e.Path == path);
            e.Value.ShouldBe(value);
            e.Message.ShouldContain("[0, 100]");
        }

        foreach (string field in new[] { "generalLoyaltyShift", "seniorLoyaltyShift" })
        {
            var e = errors.Single(e => e.Path == "$.factions[0].identities[0]." + field);
            e.Message.ShouldContain("[-100, 100]");
            if (double.IsNaN(bad))
            {
                e.Value.ShouldBe("NaN");
            }
        }

        ScenarioValidator.Validate(WithGrievance(TwoGroups(1.0, -1.0), 0.5, 0.0)).ShouldBeEmpty("in range, including a weekly multiplier of 0");
    }
}
