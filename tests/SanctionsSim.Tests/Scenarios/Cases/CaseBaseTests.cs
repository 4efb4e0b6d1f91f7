using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Scenarios.Cases;

/// <summary>The shipped case base: every case follows its frozen coding rules, and the rules stay frozen.</summary>
public class CaseBaseTests
{
    [Test]
    public void TheBase_HasAtLeastThirtyCases_OfEveryOutcomeType_EachWithSources()
    {
        CaseBase.All.Count.ShouldBeGreaterThanOrEqualTo(30);
        CaseBase.All.Select(c => c.Observation.Outcome).Distinct().Count().ShouldBe(4, "survived, removed by the high command, collapse by defection, split");
        foreach (var c in CaseBase.All)
        {
            c.RulesVersion.ShouldNotBeNull(c.Name);
            c.SourceCount.ShouldBeGreaterThan(3, c.Name);
            c.Observation.Outcome.ShouldNotBeNull(c.Name);
            c.Scenario.Name.ShouldBe(c.Name);
            c.WeekZero.ShouldNotBeNull(c.Name);
            c.RegimeType.ShouldBeOneOf(["personalist", "military", "single-party", "mixed"], c.Name);
        }
    }

    [Test]
    public void EveryShippedCase_FollowsItsCodingRules()
    {
        foreach (var c in CaseBase.All)
        {
            c.CheckAgainstRules().ShouldBeEmpty($"{c.Name}'s coded fields must follow from its facts (sanctionssim cases check)");
        }
    }

    [Test]
    public void ACaseCodedAgainstItsRules_FailsTheCheck_NamingTheField()
    {
        var json = JsonNode.Parse(CaseBase.Get("egypt-2011").ToJson())!.AsObject();
        double shift = json["scenario"]!["factions"]![0]!["loyaltyShift"]!.GetValue<double>();
        json["scenario"]!["factions"]![0]!["loyaltyShift"] = shift + 1; // "a branch commanded by the ruler's family" coded where the facts do not say so
        var differences = CaseFile.FromJson(json).CheckAgainstRules();
        differences.ShouldHaveSingleItem().ShouldBe($"$.scenario.factions[0].loyaltyShift: recorded {shift + 1}, the rules make {shift}");

        var observed = JsonNode.Parse(CaseBase.Get("egypt-2011").ToJson())!.AsObject();
        observed["observation"]!["outcomeWeek"] = 3;
        CaseFile.FromJson(observed).CheckAgainstRules().ShouldContain(d => d.StartsWith("$.observation.outcomeWeek: recorded 3", StringComparison.Ordinal));
    }

    /// <summary>A frozen version of the rules never changes: a change is a new version.</summary>
    [TestCase("1", "coding-rules.v1.json")]
    [TestCase("2", "coding-rules.v2.json")]
    public void TheRules_AreFrozen(string version, string file)
    {
        string path = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "src", "SanctionsSim", "Scenarios", "Cases", file);
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var frozen = new Dictionary<string, string>
        {
            ["1"] = "296851e15e03837090d4e184121f00b8a716747eb4162f9e8adbfd88e8e9dfec",
            ["2"] = "78e0fd74385ad36886d4555b7566f62fe90c7544cd4b991881bc1e1551229fa9",
        };
        hash.ShouldBe(frozen[version], $"coding rules v{version} are frozen: write a new version instead of editing {file}");
        CodingRules.Get(version).Version.ShouldBe(version);
    }

    [Test]
    public void UnknownCases_AndRuleVersions_AreRefused_WithSuggestions()
    {
        Should.Throw<ArgumentException>(() => CaseBase.Get("egypt-2012")).Message.ShouldContain("Did you mean 'egypt-2011'?");
        Should.Throw<ArgumentException>(() => CodingRules.Get("9")).Message.ShouldContain("versions: 1, 2");
        Should.Throw<ArgumentException>(() => CodingRules.Latest.Constant("PR1", "perTenFold")).Message.ShouldContain("no constant 'perTenFold'");
    }
}
