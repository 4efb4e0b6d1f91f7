using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// The revised mechanisms of docs/model.md, §2c–2e (issue #24, items 2 and 3): off by default and then inert (the
/// goldens of <see cref="VenezuelaPresetTests"/> cover the presets bit for bit; here their parameters and the events'
/// new facts change nothing while the switches are off); on, the kernels match the payoffs written term by term,
/// the amnesty replaces the prosecution term, credibility and value act separately, orders to repress raise the
/// defection of the units ordered (more for out-groups), participation shocks by coding rule PR1 and mobilises
/// with defections and repression, and a replication with every switch on allocates nothing.
/// </summary>
public class MechanismsTests
{
    private static Scenario AllOn(Scenario s) => s with
    {
        ConditionalAmnesty = s.ConditionalAmnesty with { Enabled = true },
        RepressionBackfire = s.RepressionBackfire with { Enabled = true },
        Mobilisation = s.Mobilisation with { Enabled = true },
    };

    private static SanctionsSummary Run(Scenario s, long runs, ulong seed)
        => new SanctionsModel(s).Simulate(new MonteCarloOptions { Replications = runs, Seed = seed }).Summary;

    /// <summary>A quiet force whose army has two identity groups (the ruler's and another), with a crackdown ordering the army in weeks 4–19.</summary>
    private static Scenario Crackdown() => TestScenarios.Quiet() with
    {
        Name = "crackdown",
        Factions =
        [
            TestScenarios.Quiet().Factions[0] with
            {
                Identities =
                [
                    new IdentityGroup { Name = "ruling", OfficerShare = 0.3, TroopShare = 0.3 },
                    new IdentityGroup { Name = "other", OfficerShare = 0.7, TroopShare = 0.7 },
                ],
            },
            TestScenarios.Quiet().Factions[1],
        ],
        Events = [new ExogenousEvent { Name = "order to fire", Kind = EventKind.Crackdown, Week = 4, DurationWeeks = 16, PerceivedShareShock = -0.02, CoercionShock = 0.1, OrderedFactions = ["army"] }],
        RepressionBackfire = new RepressionBackfire { RulerIdentities = ["ruling"] },
    };

    [Test]
    public void Off_ByDefault_AndThenTheirParametersAndTheEventsNewFactsChangeNothing()
    {
        var s = new Scenario { Name = "x", Factions = [new Faction { Name = "a", Generals = 5, Troops = 100 }] };
        s.ConditionalAmnesty.Enabled.ShouldBeFalse();
        s.RepressionBackfire.Enabled.ShouldBeFalse();
        s.Mobilisation.Enabled.ShouldBeFalse();

        Scenario amnesty = TestStructure.Preset("venezuela-2019-amnesty");
        Scenario inert = amnesty with
        {
            ConditionalAmnesty = new ConditionalAmnesty { PriorStrength = 0.5, ProtectionAbroad = 1 },
            RepressionBackfire = new RepressionBackfire { OrderCost = 50, OutGroupFactor = 9 },
            Mobilisation = new Mobilisation { Population = 28_500_000, ShockPerTenfold = 0.5, DefectionFeedback = 50 },
            Events = amnesty.Events.Select(e => e.Kind == EventKind.Crackdown ? e with { OrderedFactions = ["army"] } : e with { Participants = 1_000_000 }).ToArray(),
        };
        var reference = Run(amnesty, 120, 19);
        var other = Run(inert, 120, 19);
        other.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(other).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));
    }

    [Test]
    public void Kernel_WithEveryMechanismOn_IsThePayoffsTermByTerm()
    {
        var plan = new SimulationPlan(AllOn(Crackdown()) with { ConditionalAmnesty = new ConditionalAmnesty { Enabled = true, PriorStrength = 3, ProtectionAbroad = 0.2 } });
        var w = new WeekTerms
        {
            Detection = 0.3, Reprisal = 0.6, Patronage = 0.8, Omega = 0.3, Steepness = 10, Midpoint = 1.0 / 3, Gain = 1.5, Prosecution = 1.0,
            SanctionedProsecution = 0.7, PurgeCost = 4, Severity = 2, Tau = 0.15, PublicShare = 0.1,
        };
        var offers = new FactionOffers[2];
        offers[0] = new FactionOffers { PublicOffer = 0.1, PrivateOffer = 0.2, PublicProtection = 0.3, AmnestyPublicValue = 1.5, AmnestyPublicCredited = 1.2, AmnestyPrivateValue = 1, AmnestyPrivateCredited = 0.25, Delisting = 0.5, Freeze = 0.4 };
        offers[1] = new FactionOffers { AmnestyPublicValue = 2, AmnestyPublicCredited = 0.5 };
        var c = new DecisionCoefficients(plan.ClassFaction, plan.ClassFate);
        c.Configure(plan.Mechanisms);
        c.HasOfficerTerms.ShouldBeTrue();
        c.SetOrders([true, false], plan.ClassFaction, plan.Mechanisms.ClassOrderCost);
        c.Set(in w, offers);
        plan.Mechanisms.ClassOrderCost.ShouldBe([0.5 * 0.25, 0.5 * 2, 0.5]); // army/ruling, army/other, guard (no identities)
        for (int k = 0; k < plan.ClassCount; k++)
        {
            foreach (bool reached in new[] { false, true })
            {
                foreach (bool sanctioned in new[] { false, true })
                {
                    foreach ((double fall, double honoured, double punished) in new[] { (0.05, 0.0, 0.0), (0.4, 2.5, 1.0), (0.9, 0.0, 6.0) })
                    {
                        int g = DecisionRule.Group(k, reached, sanctioned);
                        double kernel = c.DeltaAt(g, 1.3, 0.6, 0.9, fall) + c.AmnestyTerm(g, fall, honoured, punished);
                        double order = k < 2 ? plan.Mechanisms.ClassOrderCost[k] : 0; // the guard is not ordered
                        double reference = ReferenceDelta.EvaluateRevised(1.3, 0.6, 0.9, reached, sanctioned, in offers[plan.ClassFaction[k]], in w, fall, plan.ClassFate[k], 3, 0.2, honoured, punished, order);
                        kernel.ShouldBe(reference, 1e-12, $"class {k}, reached {reached}, sanctioned {sanctioned}, P {fall}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The amnesty replaces the prosecution term: an amnesty worth J, believed fully (c = 1) and protecting only if the
    /// regime falls (h = 0, no asset protection), gives exactly the Δ of the model without the mechanism and without an
    /// amnesty, where every defector escaped P·J for free; the model without the mechanism adds the amnesty on top.
    /// </summary>
    [Test]
    public void Amnesty_WorthTheProsecutionCostAndFullyBelieved_IsTheOldFreeEscape_NotAnAddition()
    {
        var w = new WeekTerms { Detection = 0.3, Reprisal = 0.6, Patronage = 0.8, Gain = 1.5, Prosecution = 1.0, PurgeCost = 4, Severity = 2, Tau = 0.15 };
        var none = default(FactionOffers);
        var amnesty = new FactionOffers { AmnestyPublicValue = 1.0, AmnestyPublicCredited = 1.0 };
        foreach (double fall in new[] { 0.0, 0.3, 0.8 })
        {
            double old = ReferenceDelta.Evaluate(2, 0.5, 1, false, false, in none, in w, fall);
            ReferenceDelta.EvaluateRevised(2, 0.5, 1, false, false, in amnesty, in w, fall, 0, 5, 0, 0, 0, 0).ShouldBe(old, 1e-12);
            double oldWithAmnesty = ReferenceDelta.Evaluate(2, 0.5, 1, false, false, new FactionOffers { PublicOffer = 1.0 }, in w, fall);
            (oldWithAmnesty - old).ShouldBe(1.0, 1e-12); // off: counted twice (the free escape and the amnesty)
        }

        // without any amnesty the mechanism takes the free escape away: Δ falls by P·J
        ReferenceDelta.EvaluateRevised(2, 0.5, 1, false, false, in none, in w, 0.6, 0, 5, 0, 0, 0, 0)
            .ShouldBe(ReferenceDelta.Evaluate(2, 0.5, 1, false, false, in none, in w, 0.6) - 0.6, 1e-12);
    }

    [Test]
    public void Belief_StartsAtTheInstrumentsCredibility_AndLearnsFromWhatBecameOfEarlierDefectors()
    {
        var plan = new SimulationPlan(AllOn(TestScenarios.Quiet()));
        var c = new DecisionCoefficients(plan.ClassFaction, plan.ClassFate);
        c.Configure(plan.Mechanisms);
        var offers = new[] { new FactionOffers { AmnestyPublicValue = 2, AmnestyPublicCredited = 0.5 }, default };
        c.Set(new WeekTerms { Tau = 0.15 }, offers);
        int g = DecisionRule.Group(0, false, false);
        c.AmnestyTerm(g, 1.0, 0, 0).ShouldBe(0.5, 1e-12);                                // V·c̄ when the regime surely falls
        c.AmnestyTerm(g, 0.25, 0, 0).ShouldBe(0.5 * 0.25, 1e-12);                        // only if protected (h = 0)
        c.AmnestyTerm(g, 1.0, 5, 0).ShouldBe(2 * ((5 * 0.25) + 5) / 10, 1e-12);          // n₀ = 5: five seen get away
        c.AmnestyTerm(g, 1.0, 0, 5).ShouldBe(2 * (5 * 0.25) / 10, 1e-12);                // five seen purged
        c.AmnestyTerm(g, 1.0, 1e9, 0).ShouldBe(2, 1e-6);                                 // honoured always: worth its value
        c.AmnestyTerm(DecisionRule.Group(1, false, false), 1.0, 3, 0).ShouldBe(0);       // no amnesty for the guard
    }

    /// <summary>
    /// Credibility and value are separately identifiable: two amnesties with the same value × credibility (1.5 × 0.6
    /// and 3 × 0.3; with the two recognising senders' boost, 1.3, both stay below the cap of 1, so the credited values
    /// are equal) give the same defections with the mechanism off and different ones with it on, at a fixed seed, by
    /// more than four standard errors of the difference (docs/model.md, §2c: 288.4 against 437.7 generals in weeks
    /// 1–12, 300 runs, seed 11; off, 433.3 both): the officers' beliefs move the credibility, and the
    /// high-value, low-credibility amnesty gains more from each defector seen to get away.
    /// </summary>
    [Test]
    public void ValueAndCredibility_WithTheSameProduct_GiveDifferentDefectionCurves()
    {
        static Scenario Split(Scenario s, double value, double credibility) => s with
        {
            Coalition = s.Coalition.Select(x => x with
            {
                Instruments = x.Instruments.Select(i => i.Kind == InstrumentKind.Amnesty ? i with { Value = value, Credibility = credibility } : i).ToArray(),
            }).ToArray(),
        };

        Scenario amnesty = TestStructure.Preset("venezuela-2019-amnesty");
        Scenario on = amnesty with { ConditionalAmnesty = new ConditionalAmnesty { Enabled = true } };
        var a = Run(Split(on, 1.5, 0.6), 300, 11).EarlyGeneralDefections;
        var b = Run(Split(on, 3.0, 0.3), 300, 11).EarlyGeneralDefections;
        double se = Math.Sqrt((a.Variance / a.Count) + (b.Variance / b.Count));
        Math.Abs(a.Mean - b.Mean).ShouldBeGreaterThan(4 * se, $"on: {a.Mean:F1} vs {b.Mean:F1}, se {se:F1}");
        a.Mean.ShouldBe(288.43, 0.005);
        b.Mean.ShouldBe(437.72, 0.005);

        var offA = Run(Split(amnesty, 1.5, 0.6), 300, 11).EarlyGeneralDefections;
        var offB = Run(Split(amnesty, 3.0, 0.3), 300, 11).EarlyGeneralDefections;
        offA.Mean.ShouldBe(offB.Mean, 1.0, "off, only the product acts");
    }

    [Test]
    public void OrdersToRepress_RaiseTheDefectionOfTheUnitsOrdered_MoreForOutGroups()
    {
        Scenario off = Crackdown();
        Scenario on = off with { RepressionBackfire = off.RepressionBackfire with { Enabled = true, OrderCost = 1.5 } };
        var plan = new SimulationPlan(on);
        double[] offCount = new double[plan.ClassCount], onCount = new double[plan.ClassCount];
        const int runs = 200;
        foreach ((Scenario s, double[] count) in new[] { (off, offCount), (on, onCount) })
        {
            var w = new Replication(new SimulationPlan(s));
            for (int r = 0; r < runs; r++)
            {
                w.Run(7, r);
                for (int i = 0; i < plan.OfficerCount; i++)
                {
                    count[plan.ClassOf[i]] += w.Corps.DefectWeek[i] >= 0 ? 1.0 / runs : 0;
                }
            }
        }

        int[] size = new int[plan.ClassCount];
        foreach (int k in plan.ClassOf)
        {
            size[k]++;
        }

        double Rise(int k) => (onCount[k] - offCount[k]) / size[k]; // the rise in the share of the class that defected
        plan.ClassNames.ShouldBe(["army/ruling", "army/other", "guard"]);
        // at this seed: in-group +2.3 points, out-group +11.6, the guard (not ordered) +0.0; each share over 200 runs of ≥ 24 officers
        Rise(1).ShouldBeGreaterThan(0.05, $"out-group officers of the ordered army; rises {Rise(0):F4}, {Rise(1):F4}, {Rise(2):F4}");
        Rise(1).ShouldBeGreaterThan(2 * Rise(0), "out-group more than in-group");
        Rise(0).ShouldBeGreaterThan(0.005, "the in-group's order costs something too");
        Math.Abs(Rise(2)).ShouldBeLessThan(Rise(1) / 4, "the guard is not ordered");
    }

    [Test]
    public void Participation_ShocksByCodingRulePR1_AndMobilisesWithDefectionsAndRepression()
    {
        EventSchedule.ProtestShock(0.01, 0.05, 0.001).ShouldBe(0.05, 1e-15);   // 1 %: one tenfold above 0.1 %
        EventSchedule.ProtestShock(0.0009, 0.05, 0.001).ShouldBe(0);         // below the threshold: none
        EventSchedule.ProtestShock(0.035, 0.05, 0.001).ShouldBe(0.05 * Math.Log10(35), 1e-15);

        Scenario s = TestScenarios.Quiet() with
        {
            Mobilisation = new Mobilisation { Enabled = true, Population = 1_000_000, DefectionFeedback = 2, RepressionFeedback = 1 },
            Events =
            [
                new ExogenousEvent { Name = "protest", Week = 0, DurationWeeks = 5, Participants = 10_000, PerceivedShareShock = 0.3 },
                new ExogenousEvent { Name = "crackdown", Kind = EventKind.Crackdown, Week = 2, DurationWeeks = 5, CoercionShock = 0.1, PerceivedShareShock = -0.02 },
            ],
        };
        var plan = new SimulationPlan(s);
        var schedule = new EventSchedule(plan.Events, plan.FactionCount);
        schedule.Draw(new RandomStream(1));
        schedule.Week(0, 0.0, plan.Mechanisms);
        schedule.Participation.ShouldBe(0.01, 1e-15);
        schedule.Shock.ShouldBe(0.05, 1e-15); // the share's shock, not the event's own 0.3
        schedule.Week(1, 0.2, plan.Mechanisms);
        schedule.Participation.ShouldBe(0.01 * Math.Exp(2 * 0.2), 1e-15);
        schedule.Shock.ShouldBe(0.05 * Math.Log10(10 * Math.Exp(0.4)), 1e-15);
        schedule.Week(2, 0.2, plan.Mechanisms);
        schedule.Participation.ShouldBe(0.01 * Math.Exp((2 * 0.2) + 0.1), 1e-15);
        schedule.Shock.ShouldBe(-0.02 + (0.05 * Math.Log10(10 * Math.Exp(0.5))), 1e-15);
        schedule.Coercion.ShouldBe(0.1);

        // off: the event's own shock, as before
        var offPlan = new SimulationPlan(s with { Mobilisation = s.Mobilisation with { Enabled = false } });
        var offSchedule = new EventSchedule(offPlan.Events, offPlan.FactionCount);
        offSchedule.Draw(new RandomStream(1));
        offSchedule.Week(1, 0.2, offPlan.Mechanisms);
        offSchedule.Shock.ShouldBe(0.3);
    }

    /// <summary>The example file of docs/model.md, §2e is the amnesty preset with the three switches on and the 23 January protest as 300,000 of 28.5 million; at the documented seed it gives the documented figures.</summary>
    [Test]
    public void ExampleFile_IsTheAmnestyPresetWithTheSwitchesOn_AndGivesTheDocumentedFigures()
    {
        string path = Path.Combine(VenezuelaPresetTests.RepositoryRoot(), "docs", "examples", "venezuela-2019-amnesty-mechanisms.json");
        Scenario file = ScenarioJson.ReadFile(path);
        Scenario preset = AllOn(Presets.Get("venezuela-2019-amnesty"));
        Scenario expected = preset with
        {
            Mobilisation = preset.Mobilisation with { Population = 28_500_000 },
            Events = preset.Events.Select((e, i) => i == 0 ? e with { Participants = 300_000 } : e).ToArray(),
        };
        ScenarioJson.Write(file with { Name = expected.Name, Description = expected.Description }).ShouldBe(ScenarioJson.Write(expected));

        var s = Run(file, 1000, 1);
        s.Collapses.ShouldBe(998);
        s.EarlyGeneralDefections.Mean.ShouldBe(419.53, 0.005);
    }

    [Test]
    public void Worker_WithEveryMechanismOn_AllocatesNothingPerReplication()
    {
        Scenario venezuela = AllOn(TestStructure.Preset("venezuela-2019-amnesty")) with { Mobilisation = new Mobilisation { Enabled = true, Population = 28_500_000 } };
        venezuela = venezuela with { Events = venezuela.Events.Select(e => e.Kind == EventKind.MassProtest ? e with { Participants = 300_000 } : e).ToArray() };
        var model = new SanctionsModel(venezuela);
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
