using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Policy;

/// <summary>Instruments as effects: a user's effect is as good as a built-in one, and a wrong one fails loudly.</summary>
public class InstrumentEffectTests
{
    /// <summary>The oil embargo and the amnesty written as user code, the way docs/extending.md shows.</summary>
    private sealed class MyEmbargo(double bite) : InstrumentEffect
    {
        public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
            => economy.CutOilRevenue(Math.Min(1.0, bite * week.Strength * week.AllianceMultiplier));
    }

    private sealed class MyAmnesty(double value) : InstrumentEffect
    {
        public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
            => offers.OfferValue(value * week.Strength * week.Credibility, isPublic: true);
    }

    private sealed class Broken : InstrumentEffect
    {
        public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy) => economy.BlockReserves(double.NaN);
    }

    /// <summary>The preset with every oil embargo and amnesty replaced by the user-code versions above.</summary>
    private static Scenario Rewritten(Scenario s) => s with
    {
        Coalition = [.. s.Coalition.Select(sender => sender with
        {
            Instruments = [.. sender.Instruments.Select(i => i.Kind switch
            {
                InstrumentKind.OilEmbargo => i with { Kind = InstrumentKind.Custom, Effect = new MyEmbargo(i.Bite) },
                InstrumentKind.Amnesty when i.Public => i with { Kind = InstrumentKind.Custom, Effect = new MyAmnesty(i.Value) },
                _ => i,
            })],
        })],
    };

    [TestCase("venezuela-2019")]
    [TestCase("venezuela-2019-amnesty")]
    [TestCase("venezuela-2019-eu-oil")]
    public void CustomEffects_WrittenLikeTheBuiltIns_GiveBitIdenticalResults(string preset)
    {
        Scenario builtIn = Presets.Get(preset);
        Scenario custom = Rewritten(builtIn);
        custom.Coalition.SelectMany(s => s.Instruments).Count(i => i.Kind == InstrumentKind.Custom).ShouldBeGreaterThan(0);
        var options = new MonteCarloOptions { Replications = 80, Seed = 9 };
        new SanctionsModel(custom).Simulate(options).Summary.ExactlyEquals(new SanctionsModel(builtIn).Simulate(options).Summary).ShouldBeTrue();
    }

    [Test]
    public void CustomKindAndEffect_GoTogether_OrValidationNamesThePath()
    {
        var scenario = Presets.Get("venezuela-2019");
        Scenario Only(Instrument i) => scenario with { Coalition = [scenario.Coalition[0] with { Instruments = [i] }] };
        var missing = Should.Throw<ScenarioValidationException>(() => Only(new Instrument { Kind = InstrumentKind.Custom }).Validate());
        missing.Errors.Single().Path.ShouldBe("$.coalition[0].instruments[0].kind");
        missing.Errors.Single().Message.ShouldContain("needs its effect");
        var stray = Should.Throw<ScenarioValidationException>(() => Only(new Instrument { Kind = InstrumentKind.Amnesty, Effect = new MyAmnesty(1) }).Validate());
        stray.Errors.Single().Message.ShouldContain("must be of kind Custom");
    }

    [Test]
    public void ScenarioFiles_CannotHoldCode_TheEffectIsLeftOut_AndReadingBackSaysSo()
    {
        var scenario = Rewritten(Presets.Get("venezuela-2019"));
        string json = ScenarioJson.Write(scenario);
        json.ShouldContain("\"custom\"");
        json.ShouldNotContain("MyEmbargo");
        var errors = ScenarioJson.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out _);
        errors.ShouldContain(e => e.Path.EndsWith(".kind", StringComparison.Ordinal) && e.Message.Contains("needs its effect", StringComparison.Ordinal));
    }

    [Test]
    public void AnEffectGivingNaN_FailsAtOnce_NamingTheArgument()
    {
        var scenario = Presets.Get("venezuela-2019");
        var broken = scenario with { Coalition = [scenario.Coalition[0] with { Instruments = [new Instrument { Kind = InstrumentKind.Custom, Effect = new Broken() }] }] };
        var model = new SanctionsModel(broken);
        var e = Should.Throw<ArgumentOutOfRangeException>(() => model.RunSingle(1));
        e.ParamName.ShouldBe("share");
    }

    [Test]
    public void OfferChannels_RejectValuesOutsideTheirRanges()
    {
        var effect = new MyAmnesty(double.PositiveInfinity);
        var scenario = Presets.Get("venezuela-2019");
        var model = new SanctionsModel(scenario with { Coalition = [scenario.Coalition[0] with { Instruments = [new Instrument { Kind = InstrumentKind.Custom, Effect = effect }] }] });
        Should.Throw<ArgumentOutOfRangeException>(() => model.RunSingle(1)).ParamName.ShouldBe("value");
    }
}
