using System.Text;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Scenarios;

/// <summary>The regime type and its multipliers in scenario files (docs/model.md, §2f): each bad value is one error naming its JSON path, its value and its range.</summary>
public class RegimeTypeJsonTests
{
    private const string File = """
        {
          "schemaVersion": 1,
          "name": "typed",
          "factions": [ { "name": "army", "generals": 10, "troops": 1000 } ],
          "regime": {
            "type": "singleParty",
            "typeEffects": {
              "personalist": { "fallGain": 0.4, "sanctionPassThrough": 0.6, "moveThreshold": 1.8 },
              "military": { "fallGain": 1.7, "sanctionPassThrough": 0.9, "moveThreshold": 0.5 },
              "singleParty": { "fallGain": 1.1, "sanctionPassThrough": 1.2, "moveThreshold": 0.9 },
              "mixed": { "fallGain": 0.8, "sanctionPassThrough": 1.3, "moveThreshold": 1.1 }
            }
          }
        }
        """;

    private static IReadOnlyList<SanctionsSim.Validation.InputError> Errors(string json) => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(json), out _);

    [Test]
    public void Read_EveryRegimeTypeField_RoundTrips()
    {
        Scenario s = ScenarioJson.Read(File);
        s.Regime.Type.ShouldBe(RegimeType.SingleParty);
        s.Regime.TypeEffects.ShouldBe(new RegimeTypeEffects
        {
            Personalist = new RegimeTypeEffect { FallGain = 0.4, SanctionPassThrough = 0.6, MoveThreshold = 1.8 },
            Military = new RegimeTypeEffect { FallGain = 1.7, SanctionPassThrough = 0.9, MoveThreshold = 0.5 },
            SingleParty = new RegimeTypeEffect { FallGain = 1.1, SanctionPassThrough = 1.2, MoveThreshold = 0.9 },
            Mixed = new RegimeTypeEffect { FallGain = 0.8, SanctionPassThrough = 1.3, MoveThreshold = 1.1 },
        });
        s.Regime.TypeEffects.For(s.Regime.Type).ShouldBeSameAs(s.Regime.TypeEffects.SingleParty);
        string json = ScenarioJson.Write(s);
        ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json);
        json.ShouldContain("\"singleParty\"");
    }

    [Test]
    public void Read_WithoutAType_IsUnspecified_AndItsMultipliersAreOne()
    {
        Scenario s = ScenarioJson.Read(File.Replace("\"type\": \"singleParty\",", "", StringComparison.Ordinal));
        s.Regime.Type.ShouldBe(RegimeType.Unspecified);
        s.Regime.TypeEffects.For(RegimeType.Unspecified).ShouldBe(new RegimeTypeEffect { FallGain = 1, SanctionPassThrough = 1, MoveThreshold = 1 });
        new Regime().Type.ShouldBe(RegimeType.Unspecified);
    }

    [TestCase("\"type\": \"singleParty\"", "\"type\": \"single-party\"", "$.regime.type", "")]
    [TestCase("\"type\": \"singleParty\"", "\"type\": \"theocracy\"", "$.regime.type", "")]
    [TestCase("\"fallGain\": 0.4", "\"fallGain\": -0.1", "$.regime.typeEffects.personalist.fallGain", "[0, 10]")]
    [TestCase("\"fallGain\": 1.7", "\"fallGain\": 11", "$.regime.typeEffects.military.fallGain", "[0, 10]")]
    [TestCase("\"sanctionPassThrough\": 1.2", "\"sanctionPassThrough\": -1", "$.regime.typeEffects.singleParty.sanctionPassThrough", "[0, 10]")]
    [TestCase("\"moveThreshold\": 1.1", "\"moveThreshold\": 0", "$.regime.typeEffects.mixed.moveThreshold", "(0, 100]")]
    [TestCase("\"moveThreshold\": 0.5", "\"moveThreshold\": 101", "$.regime.typeEffects.military.moveThreshold", "(0, 100]")]
    [TestCase("\"fallGain\": 0.8", "\"fallGains\": 0.8", "$.regime.typeEffects.mixed.fallGains", "did you mean \"fallGain\"?")]
    public void Read_ABadRegimeTypeField_IsOneErrorWithItsPath(string good, string bad, string path, string message)
    {
        File.ShouldContain(good);
        var errors = Errors(File.Replace(good, bad, StringComparison.Ordinal));
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Path.ShouldBe(path);
        errors[0].Message.ShouldContain(message);
    }

    [Test]
    public void Validate_NaNMultipliers_AnUndefinedTypeAndANullEffect_AreEachRejectedWithTheirPaths()
    {
        Scenario s = ScenarioJson.Read(File);
        var bad = s with
        {
            Regime = s.Regime with
            {
                Type = (RegimeType)9,
                TypeEffects = s.Regime.TypeEffects with
                {
                    Personalist = new RegimeTypeEffect { FallGain = double.NaN },
                    Military = new RegimeTypeEffect { SanctionPassThrough = double.NaN, MoveThreshold = double.PositiveInfinity },
                    Mixed = null!,
                },
            },
        };
        var errors = ScenarioValidator.Validate(bad);
        errors.Select(e => e.Path).ShouldBe(
        [
            "$.regime.type", "$.regime.typeEffects.personalist.fallGain", "$.regime.typeEffects.military.sanctionPassThrough",
            "$.regime.typeEffects.military.moveThreshold", "$.regime.typeEffects.mixed",
        ]);
        errors[0].Value.ShouldBe("9");
        errors[0].Message.ShouldContain("Personalist, Military, SingleParty, Mixed");
        errors[1].Value.ShouldBe("NaN");
        errors[1].Message.ShouldContain("[0, 10]");
        Should.Throw<ScenarioValidationException>(bad.Validate);
        ScenarioValidator.Validate(s with { Regime = s.Regime with { TypeEffects = null! } }).Single().Path.ShouldBe("$.regime.typeEffects");
    }
}
