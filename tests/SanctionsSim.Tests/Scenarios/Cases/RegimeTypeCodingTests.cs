using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Scenarios.Cases;

/// <summary>
/// The regime-type fact and the scenario (rule E2; docs/model.md, §2f): the shipped rules (v1, v2) do not code it, so
/// every coded case keeps an unspecified type; <see cref="CaseCoder.WithRegimeType(CodedCase, JsonObject)"/> maps it on
/// request; a rules version whose E2 names <c>$.regime.type</c> codes it.
/// </summary>
public class RegimeTypeCodingTests
{
    private static string RulesText(string version)
    {
        using var stream = typeof(CodingRules).Assembly.GetManifestResourceStream($"SanctionsSim.Cases.coding-rules.v{version}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Version 2 with rule E2 mapping the fact to the scenario, as a version 3 would.</summary>
    private static CodingRules Adopting()
    {
        var root = JsonNode.Parse(RulesText("2"))!.AsObject();
        root["version"] = "3";
        var e2 = root["rules"]!.AsArray().Single(r => (string?)r!["id"] == "E2")!.AsObject();
        e2["field"] = "$.regime.type";
        return CodingRules.Parse(root.ToJsonString());
    }

    [TestCase("1")]
    [TestCase("2")]
    public void TheShippedRules_DoNotCodeTheRegimeType(string version)
    {
        CaseCoder.CodesRegimeType(CodingRules.Get(version)).ShouldBeFalse();
        CaseCoder.Code(CaseCoderTests.Facts(), CodingRules.Get(version)).Scenario.Regime.Type.ShouldBe(RegimeType.Unspecified);
    }

    [Test]
    public void EveryCaseOfTheBase_KeepsAnUnspecifiedType_AndRecordsAFactThatMaps()
    {
        foreach (CaseFile c in CaseBase.All)
        {
            c.Scenario.Regime.Type.ShouldBe(RegimeType.Unspecified, c.Name);
            if (c.Facts is JsonObject facts)
            {
                CaseCoder.WithRegimeType(c.Scenario, facts).Regime.Type.ShouldBe(CaseCoder.RegimeTypeOf(c.RegimeType!), c.Name);
            }
        }
    }

    [Test]
    public void AHistoricalCase_WithCodedRegimeType_TakesItsFactsType_AndKeepsEverythingElse()
    {
        foreach (var name in new[] { "venezuela-2019", "egypt-2011", "myanmar-2021", "china-1989" })
        {
            var plain = SanctionsSim.Calibration.HistoricalCases.Get(name);
            var typed = plain.WithCodedRegimeType();
            typed.Scenario.Regime.Type.ShouldBe(CaseCoder.RegimeTypeOf(CaseBase.Get(name).RegimeType!), name);
            typed.Scenario.Regime.Type.ShouldNotBe(RegimeType.Unspecified, name);
            ScenarioJson.Write(typed.Scenario with { Regime = typed.Scenario.Regime with { Type = RegimeType.Unspecified } }).ShouldBe(ScenarioJson.Write(plain.Scenario), name);
            typed.Observation.ShouldBe(plain.Observation);
            typed.Ranges.ShouldBe(plain.Ranges);
        }

        var inCode = new SanctionsSim.Calibration.HistoricalCase("built", "", () => new Scenario { Name = "built", Factions = [new Faction { Name = "army", Generals = 10, Troops = 1_000 }] }, new CaseObservation { Collapsed = false });
        Should.Throw<InvalidOperationException>(() => inCode.WithCodedRegimeType()).Message.ShouldContain("no facts");
    }

    [TestCase("personalist", RegimeType.Personalist)]
    [TestCase("military", RegimeType.Military)]
    [TestCase("single-party", RegimeType.SingleParty)]
    [TestCase("mixed", RegimeType.Mixed)]
    public void WithRegimeType_SetsTheFactsType_AndNothingElse(string fact, RegimeType type)
    {
        JsonObject facts = CaseCoderTests.Facts();
        facts["regimeType"]!["value"] = fact;
        CodedCase coded = CaseCoder.Code(facts, CodingRules.Get("2"));
        CodedCase typed = CaseCoder.WithRegimeType(coded, facts);
        typed.Scenario.Regime.Type.ShouldBe(type);
        ScenarioJson.Write(typed.Scenario with { Regime = typed.Scenario.Regime with { Type = RegimeType.Unspecified } }).ShouldBe(ScenarioJson.Write(coded.Scenario));
        typed.Ranges.ShouldBe(coded.Ranges);
        typed.Observation.ShouldBe(coded.Observation);
    }

    [Test]
    public void WithRegimeType_WithoutTheFact_OrAnUnknownCategory_Throws()
    {
        JsonObject facts = CaseCoderTests.Facts();
        CodedCase coded = CaseCoder.Code(facts, CodingRules.Get("2"));
        facts.Remove("regimeType");
        Should.Throw<ArgumentException>(() => CaseCoder.WithRegimeType(coded, facts)).Message.ShouldContain("no regimeType");
        Should.Throw<ArgumentException>(() => CaseCoder.RegimeTypeOf("personal")).Message.ShouldContain("personalist, military, single-party or mixed");
    }

    [Test]
    public void ARulesVersionWhoseE2NamesTheField_CodesTheType_AndReportsABadOne()
    {
        CodingRules v3 = Adopting();
        CaseCoder.CodesRegimeType(v3).ShouldBeTrue();
        JsonObject facts = CaseCoderTests.Facts();
        CaseCoder.Code(facts, v3).Scenario.Regime.Type.ShouldBe(RegimeType.Personalist);
        facts["regimeType"]!["value"] = "single-party";
        CaseCoder.Code(facts, v3).Scenario.Regime.Type.ShouldBe(RegimeType.SingleParty);
        facts["regimeType"]!["value"] = "theocracy";
        var error = Should.Throw<ScenarioValidationException>(() => CaseCoder.Code(facts, v3)).Errors.Single();
        error.Path.ShouldBe("$.facts.regimeType.value");
        error.Message.ShouldContain("rule E2");
    }
}
