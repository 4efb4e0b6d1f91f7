using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// The regime type (docs/model.md, §2f, Eq. 26–28; issue #24, item 4): unspecified by default and then inert, bit for
/// bit, whatever the multipliers; a type whose multipliers are 1 is the model without types, bit for bit; each
/// multiplier moves the outcome in its documented direction, and a military regime, other inputs equal, loses more
/// officers and more often its ruler than a personalist one, by more than three standard errors of the difference.
/// </summary>
public class RegimeTypeTests
{
    private static Scenario Typed(Scenario s, RegimeType type, RegimeTypeEffects? effects = null)
        => s with { Regime = s.Regime with { Type = type, TypeEffects = effects ?? s.Regime.TypeEffects } };

    private static Scenario HighCommandOn(Scenario s) => s with { HighCommand = s.HighCommand with { Enabled = true } };

    private static SanctionsSummary Run(Scenario s, long runs, ulong seed)
        => new SanctionsModel(s).Simulate(new MonteCarloOptions { Replications = runs, Seed = seed }).Summary;

    /// <summary>The quiet test force facing a public amnesty and an oil embargo that cuts its patronage to about a third.</summary>
    private static Scenario Squeezed()
    {
        Scenario s = TestScenarios.WithAmnesty(0.5, name: "squeezed");
        Sender us = s.Coalition[0];
        return s with { Coalition = [us with { Instruments = [us.Instruments[0], us.Instruments[1] with { Bite = 0.8 }] }] };
    }

    private static readonly RegimeTypeEffects Wild = new()
    {
        Personalist = new RegimeTypeEffect { FallGain = 0.1, SanctionPassThrough = 0, MoveThreshold = 9 },
        Military = new RegimeTypeEffect { FallGain = 9, SanctionPassThrough = 5, MoveThreshold = 0.1 },
        SingleParty = new RegimeTypeEffect { FallGain = 3, SanctionPassThrough = 0.2, MoveThreshold = 0.3 },
        Mixed = new RegimeTypeEffect { FallGain = 0, SanctionPassThrough = 2, MoveThreshold = 50 },
    };

    /// <summary>Unspecified by default; then no multiplier, however far from 1, changes a result (the goldens of <see cref="VenezuelaPresetTests"/> cover the presets).</summary>
    [Test]
    public void Unspecified_ByDefault_AndThenTheMultipliersChangeNothing()
    {
        new Scenario { Name = "x", Factions = [new Faction { Name = "a", Generals = 5, Troops = 100 }] }.Regime.Type.ShouldBe(RegimeType.Unspecified);
        Scenario amnesty = HighCommandOn(TestStructure.Preset("venezuela-2019-amnesty"));
        var reference = Run(amnesty, 120, 19);
        var other = Run(Typed(amnesty, RegimeType.Unspecified, Wild), 120, 19);
        other.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(other).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));
        reference.OutcomeProbability(OutcomeType.RemovedByHighCommand).Successes.ShouldBeGreaterThan(0); // the high command's multipliers had something to change
    }

    /// <summary>A type whose multipliers are all 1 (the default of mixed regimes; any type set so) is the model without types, bit for bit: the multiplications by 1 and the pass-through at 1 are exact.</summary>
    [TestCase(RegimeType.Mixed)]
    [TestCase(RegimeType.Military)]
    public void AType_WithEveryMultiplierOne_IsTheModelWithoutTypes_BitForBit(RegimeType type)
    {
        new RegimeTypeEffects().Mixed.ShouldBe(RegimeTypeEffect.Neutral);
        var ones = new RegimeTypeEffects { Military = RegimeTypeEffect.Neutral };
        Scenario venezuela = HighCommandOn(TestStructure.Preset("venezuela-2019-amnesty"));
        var reference = Run(venezuela, 120, 23);
        var typed = Run(Typed(venezuela, type, ones), 120, 23);
        typed.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(typed).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));
    }

    /// <summary>The plan reads the type's multipliers: λ_G on G and B, λ_π on the shortfall, λ_κ on κ capped at 1.</summary>
    [Test]
    public void Plan_ReadsTheTypesMultipliers_AndCapsTheMovesThresholdAtOne()
    {
        Scenario venezuela = HighCommandOn(TestStructure.Preset("venezuela-2019"));
        var military = new SimulationPlan(Typed(venezuela, RegimeType.Military));
        military.Regime.FallGainFactor.ShouldBe(1.5);
        military.Regime.SanctionPassThrough.ShouldBe(0.5);
        military.HighCommand.SuccessThreshold.ShouldBe(venezuela.HighCommand.SuccessThreshold * 0.6, 1e-15);
        military.HighCommand.Gain.ShouldBe(venezuela.HighCommand.GainIfMoveSucceeds * 1.5, 1e-15);
        var personalist = new SimulationPlan(Typed(venezuela, RegimeType.Personalist, Wild));
        personalist.Regime.FallGainFactor.ShouldBe(0.1);
        personalist.Regime.SanctionPassThrough.ShouldBe(0.0);
        personalist.HighCommand.SuccessThreshold.ShouldBe(1.0); // 0.5 × 9, capped
        var none = new SimulationPlan(Typed(venezuela, RegimeType.Unspecified, Wild));
        none.Regime.FallGainFactor.ShouldBe(1.0);
        none.HighCommand.SuccessThreshold.ShouldBe(venezuela.HighCommand.SuccessThreshold);
    }

    /// <summary>
    /// Each multiplier alone, on a military regime whose other multipliers are 1, against the same scenario without a
    /// type (same seed): λ_G above 1 raises the generals' early defections on venezuela-2019-amnesty (where officers expect the
    /// fall: P·G matters), λ_π above 1 raises them and λ_π below 1 lowers them on a small force whose patronage an oil
    /// embargo cuts to about a third; λ_κ below 1 raises the removals by the high command on
    /// venezuela-2019. Each difference exceeds three standard errors of the difference (independent samples: conservative
    /// under the common seed).
    /// </summary>
    [TestCase("fallGain", 1.5, 1)]
    [TestCase("sanctionPassThrough", 1.5, 1)]
    [TestCase("sanctionPassThrough", 0.25, -1)]
    [TestCase("moveThreshold", 0.6, 1)]
    public void EachMultiplier_Alone_MovesTheOutcomeItsDocumentedWay(string multiplier, double value, int sign)
    {
        var one = new RegimeTypeEffect();
        var effect = multiplier switch
        {
            "fallGain" => one with { FallGain = value },
            "sanctionPassThrough" => one with { SanctionPassThrough = value },
            _ => one with { MoveThreshold = value },
        };
        bool command = multiplier == "moveThreshold";
        Scenario s = command ? HighCommandOn(TestStructure.Preset("venezuela-2019")) : multiplier == "fallGain" ? TestStructure.Preset("venezuela-2019-amnesty") : Squeezed();
        var reference = Run(s, 300, 31);
        var typed = Run(Typed(s, RegimeType.Military, new RegimeTypeEffects { Military = effect }), 300, 31);
        double difference, se;
        if (command)
        {
            ProportionEstimate a = typed.OutcomeProbability(OutcomeType.RemovedByHighCommand), b = reference.OutcomeProbability(OutcomeType.RemovedByHighCommand);
            (difference, se) = (a.Estimate - b.Estimate, Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError)));
        }
        else
        {
            RunningMoments a = typed.EarlyGeneralDefections, b = reference.EarlyGeneralDefections;
            (difference, se) = (a.Mean - b.Mean, Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError)));
        }

        TestContext.Out.WriteLine($"{multiplier} = {value}: difference {difference:F4}, SE {se:F4}");
        (sign * difference).ShouldBeGreaterThan(3 * se);
    }

    /// <summary>
    /// Military against personalist, every other input equal, at the default multipliers: the military regime loses more
    /// generals early (venezuela-2019-amnesty) and is more often ended by its high command (venezuela-2019 with the
    /// high command on), each by more than three standard errors of the difference.
    /// </summary>
    [Test]
    public void Military_AgainstPersonalist_LosesMoreOfficers_AndMoreOftenItsRuler()
    {
        Scenario amnesty = TestStructure.Preset("venezuela-2019-amnesty");
        RunningMoments military = Run(Typed(amnesty, RegimeType.Military), 300, 37).EarlyGeneralDefections;
        RunningMoments personalist = Run(Typed(amnesty, RegimeType.Personalist), 300, 37).EarlyGeneralDefections;
        double se = Math.Sqrt((military.StandardError * military.StandardError) + (personalist.StandardError * personalist.StandardError));
        TestContext.Out.WriteLine($"early generals: military {military.Mean:F1}, personalist {personalist.Mean:F1}, SE of the difference {se:F2}");
        (military.Mean - personalist.Mean).ShouldBeGreaterThan(3 * se);

        Scenario venezuela = HighCommandOn(TestStructure.Preset("venezuela-2019"));
        ProportionEstimate removedMilitary = Run(Typed(venezuela, RegimeType.Military), 300, 41).OutcomeProbability(OutcomeType.RemovedByHighCommand);
        ProportionEstimate removedPersonalist = Run(Typed(venezuela, RegimeType.Personalist), 300, 41).OutcomeProbability(OutcomeType.RemovedByHighCommand);
        double seRemoved = Math.Sqrt((removedMilitary.StandardError * removedMilitary.StandardError) + (removedPersonalist.StandardError * removedPersonalist.StandardError));
        TestContext.Out.WriteLine($"removed by the high command: military {removedMilitary}, personalist {removedPersonalist}, SE of the difference {seRemoved:F4}");
        (removedMilitary.Estimate - removedPersonalist.Estimate).ShouldBeGreaterThan(3 * seRemoved);
    }

    /// <summary>With a type and the high command on, a replication allocates nothing (the multipliers are read into the plans once).</summary>
    [Test]
    public void Worker_WithARegimeType_AllocatesNothingPerReplication()
    {
        var model = new SanctionsModel(Typed(HighCommandOn(TestStructure.Preset("venezuela-2019")), RegimeType.Military));
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
