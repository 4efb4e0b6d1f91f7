using System.Text.Json.Nodes;
using SanctionsSim.Cli;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Tests.Scenarios.Cases;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>sanctionssim cases</c> and running a case with its facts drawn within their ranges.</summary>
public class CasesCommandTests : CliFolderTest
{
    [Test]
    public async Task Cases_ListsEveryCase_WithItsOutcomeType()
    {
        var (code, output, _) = await Run("cases");
        code.ShouldBe(0);
        output.ShouldContain("egypt-2011");
        output.ShouldContain("removedByHighCommand, week 2");
        output.ShouldContain($"{CaseBase.All.Count} cases, coded under the coding rules v2");
        var (jsonCode, json, _) = await Run("cases", "--format", "json");
        jsonCode.ShouldBe(0);
        var list = JsonNode.Parse(json)!.AsArray();
        list.Count.ShouldBe(CaseBase.All.Count);
        list.Single(c => (string)c!["name"]! == "libya-2011")!["outcomeType"]!.GetValue<string>().ShouldBe("split");
        var (showCode, show, _) = await Run("cases", "show", "syria-2011");
        showCode.ShouldBe(0);
        show.ShouldContain("drawn per run:");
    }

    [Test]
    public async Task Check_PassesTheShippedBase_AndFailsAFileCodedAgainstItsRules()
    {
        (await Run("cases", "check")).Code.ShouldBe(0);
        var json = JsonNode.Parse(CaseBase.Get("zimbabwe-2017").ToJson())!.AsObject();
        json["scenario"]!["regime"]!["reprisalProbability"] = 0.9;
        string file = Path.Combine(Folder, "edited.case.json");
        await File.WriteAllTextAsync(file, json.ToJsonString());
        var (code, _, error) = await Run("cases", "check", file);
        code.ShouldBe(2);
        error.ShouldContain("$.scenario.regime.reprisalProbability: recorded 0.9, the rules make 0.2");
    }

    [Test]
    public async Task Code_TurnsFactsIntoACaseFile_AndBadFactsExit2WithTheirPaths()
    {
        string facts = Path.Combine(Folder, "testland.facts.json");
        await File.WriteAllTextAsync(facts, CaseCoderTests.Facts().ToJsonString());
        string output = Path.Combine(Folder, "testland.case.json");
        var (code, text, _) = await Run("cases", "code", facts, "--out", output);
        code.ShouldBe(0, text);
        text.ShouldContain("outcome removedByHighCommand, week 3-4");
        (await Run("cases", "check", output)).Code.ShouldBe(0);
        (await Run("cases", "code", facts, "--out", output)).Error.ShouldContain("exists; pass --force");

        var bad = CaseCoderTests.Facts();
        bad["branches"]![0]!["troops"] = -5;
        await File.WriteAllTextAsync(facts, bad.ToJsonString());
        var (badCode, _, error) = await Run("cases", "code", facts);
        badCode.ShouldBe(2);
        error.ShouldContain("$.facts.branches[0].troops");
        File.Exists(Path.Combine(Folder, "nothing.json")).ShouldBeFalse();
        (await Run("cases", "code", Path.Combine(Folder, "missing.json"))).Error.ShouldContain("no such file");
        (await Run("cases", "code", output, "--rules", "7")).Error.ShouldContain("--rules");
    }

    [Test]
    public async Task RunningACase_DrawsItsFacts_AndSaysSo()
    {
        var (code, json, _) = await Run("run", "--preset", "zimbabwe-2017", "--runs", "30", "--weeks", "4", "--format", "json");
        code.ShouldBe(0);
        var summary = JsonNode.Parse(json)!;
        summary["facts"]!["uncertainFacts"]!.GetValue<int>().ShouldBe(CaseBase.Get("zimbabwe-2017").Ranges.Count);
        var (fixedCode, fixedJson, _) = await Run("run", "--preset", "zimbabwe-2017", "--runs", "30", "--weeks", "4", "--format", "json", "--facts", "fixed");
        fixedCode.ShouldBe(0);
        JsonNode.Parse(fixedJson)!["facts"].ShouldBeNull();
        var (tableCode, table, _) = await Run("run", "--preset", "zimbabwe-2017", "--runs", "20", "--weeks", "4");
        tableCode.ShouldBe(0);
        table.ShouldContain("uncertain facts of the case drawn within their sourced ranges");
        var (analysisCode, analysis, _) = await Run("run", "--preset", "venezuela-2019", "--runs", "20", "--weeks", "4", "--format", "json");
        analysisCode.ShouldBe(0);
        JsonNode.Parse(analysis)!["facts"].ShouldBeNull("the built-in analysis scenario has no ranges");
    }
}
