using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

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
        Scenario amnesty = HighCommandOn(Presets.Get("venezuela-2019-amnesty"));
        var reference = Run(amnesty, 120, 19);
        var other = Run(Typed(amnesty, RegimeType.Unspecified, Wild), 120, 19);
        other.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(other).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));
        reference.OutcomeProbability(OutcomeType.RemovedByHighCommand).Successes.ShouldBeGreaterThan(0); // the high command's multipliers had something to change
    }

    /// <summary>A type whose multipliers are all 1 (the defaults of single-party and mixed regimes) is the model without types, bit for bit: the multiplications by 1 and the pass-through at 1 are exact.</summary>
    [TestCase(RegimeType.SingleParty)]
    [TestCase(RegimeType.Mixed)]
    public void AType_WithEveryMultiplierOne_IsTheModelWithoutTypes_BitForBit(RegimeType type)
    {
        new RegimeTypeEffects().For(type).ShouldBe(RegimeTypeEffect.Neutral);
        Scenario venezuela = HighCommandOn(Presets.Get("venezuela-2019-amnesty"));
        var reference = Run(venezuela, 120, 23);
        var typed = Run(Typed(venezuela, type), 120, 23);
        typed.ExactlyEquals(reference).ShouldBeTrue();
        AdaptiveAgentsTests.Fingerprint(typed).ShouldBe(AdaptiveAgentsTests.Fingerprint(reference));
    }

    /// <summary>The plan reads the type's multipliers: λ_G on G and B, λ_π on the shortfall, λ_κ on κ capped at 1.</summary>
    [Test]
    public void Plan_ReadsTheTypesMultipliers_AndCapsTheMovesThresholdAtOne()
    {
        Scenario venezuela = HighCommandOn(Presets.Get("venezuela-2019"));
        var military = new SimulationPlan(Typed(venezuela, RegimeType.Military));
        military.Regime.FallGainFactor.ShouldBe(1.5);
        military.Regime.SanctionPassThrough.ShouldBe(1.0);
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
}
