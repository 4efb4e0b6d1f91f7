using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Scenarios.Cases;

/// <summary>The coding rules applied to small sets of facts: each rule's code, the ranges, and errors with JSON paths.</summary>
public class CaseCoderTests
{
    /// <summary>A small, complete set of facts; tests change one thing at a time.</summary>
    internal static JsonObject Facts() => JsonNode.Parse("""
        {
          "name": "testland-2000", "title": "Testland, 2000", "weekZero": "2000-01-03",
          "population": { "value": 10000000, "low": 9000000, "high": 11000000, "sources": ["s1"] },
          "regimeType": { "value": "personalist", "gwf": "personal", "sources": ["s1"] },
          "ruler": { "name": "R", "commandsArmy": false, "sources": ["s1"] },
          "economy": {
            "governmentRevenueUsdBnPerYear": { "value": 5.2, "low": 4.16, "high": 6.24, "sources": ["s1"] },
            "oilGasRevenueUsdBnPerYear": { "value": 2.6, "sources": ["s1"] },
            "reservesAbroadUsdBn": { "value": 2, "sources": ["s1"] }
          },
          "branches": [
            { "name": "Army (land forces)", "troops": { "value": 20004, "low": 15000, "high": 25000, "sources": ["s1"] },
              "traits": { "corporateInterestsThreatened": { "value": true, "sources": ["s1"] } } },
            { "name": "presidential-guard", "troops": { "value": 2000, "sources": ["s1"] }, "generals": { "value": 9, "low": 8, "high": 12, "sources": ["s1"] },
              "traits": { "rulerFamilyOrGroup": { "value": true, "sources": ["s1"] }, "regimeProtection": { "value": true, "sources": ["s1"] },
                          "eliteGuardingCapital": { "value": true, "sources": ["s1"] }, "familiesInCantonments": { "value": true, "sources": ["s1"] } } }
          ],
          "identity": [],
          "pressure": [
            { "sender": "us", "kind": "asset-freeze", "date": "2000-01-20", "assetsFrozenUsdBn": { "value": 1, "sources": ["s1"] }, "description": "freeze", "sources": ["s1"] },
            { "sender": "eu", "kind": "arms-embargo", "date": "2000-02-01", "description": "no instrument in the model", "sources": ["s1"] }
          ],
          "patrons": [],
          "protests": [
            { "date": "2000-01-10", "participants": { "value": 100000, "low": 10000, "high": 1000000, "sources": ["s1"] }, "description": "a large march", "sources": ["s1"] },
            { "date": "2000-01-12", "participants": { "value": 50000, "sources": ["s1"] }, "description": "a smaller one the same week", "sources": ["s1"] }
          ],
          "repression": [ { "date": "2000-01-11", "kind": "orders-to-fire", "description": "troops fire", "sources": ["s1"] } ],
          "reprisalsAgainstFamilies": { "value": true, "sources": ["s1"] },
          "forceAbleToArrestHighCommand": { "value": false, "sources": ["s1"] },
          "defectors": [
            { "rank": "general", "count": { "value": 2, "low": 1, "high": 4, "sources": ["s1"] }, "byDate": "2000-01-24" },
            { "rank": "general", "count": { "value": 5, "sources": ["s1"] }, "byDate": "2000-06-01" }
          ],
          "outcome": { "type": "removed-by-high-command", "date": "2000-01-25", "weekRange": [3, 4], "description": "The generals remove the ruler.", "sources": ["s1"] },
          "sources": [ { "id": "s1", "citation": "A test source" } ],
          "unverified": []
        }
        """)!.AsObject();

    [Test]
    public void TheRules_CodeEachFact_AsWritten()
    {
        var coded = CaseFile.Code(Facts(), CodingRules.Get("2"));
        var s = coded.Scenario;
        s.Weeks.ShouldBe(52, "rule T2");
        var army = s.Factions[0];
        army.Name.ShouldBe("army", "rule F1 (v2): a slug without the parenthesis");
        army.Troops.ShouldBe(20_000, "rule F2: rounded to 10");
        army.Generals.ShouldBe(40, "rule F3: troops / 500");
        army.LoyaltyShift.ShouldBe(-0.5, "rule L4");
        army.CollapseImportance.ShouldBe(1, "rule C1");
        army.FamilyExposureMean.ShouldBe(0.8, "rule X1");
        var guard = s.Factions[1];
        guard.Generals.ShouldBe(9, "rule F3: the sourced count");
        guard.LoyaltyShift.ShouldBe(1.4, 1e-12, "rules L1 + L2");
        guard.CollapseImportance.ShouldBe(3, "rule C1");
        guard.FamilyExposureMean.ShouldBe(0.95, "rule X1");
        s.Regime.ReprisalProbability.ShouldBe(0.8, "rule X2");
        s.Regime.DetectionProbability.ShouldBe(0.1, "rule X3");
        s.Regime.OilRevenuePerWeek.ShouldBe(0.05, 1e-12, "rule E1: 2.6 / 52");
        s.Regime.OtherRevenuePerWeek.ShouldBe(0.05, 1e-12, "rule E1: (5.2 - 2.6) / 52");
        var freeze = s.Coalition.Single(c => c.Name == "us").Instruments.Single();
        freeze.Kind.ShouldBe(SanctionsSim.Policy.InstrumentKind.AssetFreeze);
        freeze.StartWeek.ShouldBe(2, "rule T1: 17 days after week 0");
        freeze.Bite.ShouldBe(0.5, "rule P5: 1 of 2 bn");
        s.Coalition.ShouldNotContain(c => c.Name == "eu", "rule P10: an arms embargo has no instrument");
        var protest = s.Events.Single(e => e.Kind == EventKind.MassProtest);
        protest.Week.ShouldBe(1);
        protest.PerceivedShareShock.ShouldBe(0.05, "rule PR1: 1 % of the population is a tenfold above 0.1 %; the week's largest protest");
        var crackdown = s.Events.Single(e => e.Kind == EventKind.Crackdown);
        (crackdown.Week, crackdown.DurationWeeks, crackdown.CoercionShock).ShouldBe((1, 4, 0.1), "rule PR2");
        var o = coded.Observation;
        (o.Outcome, o.Collapsed, o.CollapseWeek, o.OutcomeWeek).ShouldBe((OutcomeType.RemovedByHighCommand, true, 3, 3), "rule O1");
        o.Ranges["outcomeWeek"].ShouldBe(new ObservedRange { Low = 3, High = 4 });
        (o.EarlyGeneralDefections, o.GeneralsDefected).ShouldBe((2, 5), "rule O2: the latest counts by week 11 and by the horizon");
        o.Ranges["earlyGeneralDefections"].ShouldBe(new ObservedRange { Low = 1, High = 4 });
    }

    [Test]
    public void UncertainFacts_BecomeRanges_OfTheFieldsTheyCode()
    {
        var ranges = CaseFile.Code(Facts()).Ranges.ToDictionary(r => r.Path);
        ranges["$.factions[0].troops"].ShouldBe(new FactRange { Path = "$.factions[0].troops", Low = 15_000, Mode = 20_000, High = 25_000, Rule = "F2" });
        ranges["$.factions[1].generals"].ShouldBe(new FactRange { Path = "$.factions[1].generals", Low = 8, Mode = 9, High = 12, Rule = "F3" });
        var shock = ranges["$.events[0].perceivedShareShock"];
        (shock.Low, shock.Mode, shock.High).ShouldBe((0.0, 0.05, 0.1), "rule PR1 at 0.1 %, 1 % and 10 % of the population");
        ranges.ShouldContainKey("$.regime.otherRevenuePerWeek");
        ranges.ShouldNotContainKey("$.regime.oilRevenuePerWeek", "a fact without a range is a point");
    }

    [Test]
    public void Version1_KeepsItsOwnCodes()
    {
        var facts = Facts();
        facts["economy"]!["oilGasRevenueUsdBnPerYear"] = 9.0;
        Should.Throw<ScenarioValidationException>(() => CaseFile.Code(facts, CodingRules.Get("1"))).Errors.ShouldContain(e => e.Path == "$.facts.economy.oilGasRevenueUsdBnPerYear");
        CaseFile.Code(facts, CodingRules.Get("2")).Scenario.Regime.OilRevenuePerWeek.ShouldBe(0.1, 1e-12, "v2 caps oil revenue at the government revenue");
        CaseFile.Code(Facts(), CodingRules.Get("1")).Scenario.Factions[0].Name.ShouldBe("Army (land forces)", "v1 names factions as the branch");
    }

    [Test]
    public void BadFacts_AreAllReported_WithTheirJsonPaths()
    {
        var facts = Facts();
        facts.Remove("population");
        facts["branches"]![0]!["troops"] = JsonNode.Parse("""{"value": 100, "low": 200, "high": 300}""");
        facts["outcome"]!["type"] = "coup";
        facts["outcome"]!["weekRange"] = new JsonArray(60, 61);
        facts["reprisalsAgainstFamilies"] = JsonNode.Parse("""{"value": "often"}""");
        var errors = Should.Throw<ScenarioValidationException>(() => CaseFile.Code(facts)).Errors;
        errors.Select(e => e.Path).ShouldBe(["$.facts.population", "$.facts.branches[0].troops", "$.facts.reprisalsAgainstFamilies.value", "$.facts.reprisalsAgainstFamilies", "$.facts.outcome.type"], ignoreOrder: true);
        errors.Single(e => e.Path == "$.facts.branches[0].troops").Message.ShouldContain("low ≤ value ≤ high");
        errors.Single(e => e.Path == "$.facts.outcome.type").Message.ShouldContain("removedByHighCommand");

        var late = Facts();
        late["outcome"]!["weekRange"] = new JsonArray(60, 61);
        Should.Throw<ScenarioValidationException>(() => CaseFile.Code(late)).Errors.Single().Message.ShouldContain("within the horizon");
    }

    [Test]
    public void CaseFiles_AreValidated_WithJsonPaths()
    {
        string good = CaseFile.Code(Facts()).ToJson();
        CaseFile.Parse(good).CheckAgainstRules().ShouldBeEmpty();
        var json = JsonNode.Parse(good)!.AsObject();
        json["observaton"] = 1;
        json["observation"]!["outcomeType"] = "survive";
        json["observation"]!["collapsed"] = false;
        json["ranges"]![0]!["path"] = "$.factions[0].generals";
        var errors = Should.Throw<ScenarioValidationException>(() => CaseFile.FromJson(json)).Errors;
        errors.ShouldContain(e => e.Path == "$.observaton" && e.Message.Contains("did you mean 'observation'?"));
        errors.ShouldContain(e => e.Path == "$.observation.outcomeType" && e.Message.Contains("did you mean 'survived'?"));
        errors.ShouldContain(e => e.Path == "$.ranges[0].path" && e.Message.Contains("holds the range's mode"));
        var contradiction = JsonNode.Parse(good)!.AsObject();
        contradiction["observation"]!["collapsed"] = false;
        Should.Throw<ScenarioValidationException>(() => CaseFile.FromJson(contradiction)).Errors.Single().Path.ShouldBe("$.observation.collapsed");
        Should.Throw<ScenarioValidationException>(() => CaseFile.Parse("{ \"name\": ")).Errors.Single().Message.ShouldContain("not valid JSON");
    }
}
