using System.Text.Json.Nodes;
using SanctionsSim.Cli;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Cli;

/// <summary>The command line, end to end and in-process: parsing, exit codes, files written, JSON shape, bad input.</summary>
public class CliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sanctionssim-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args) => await Run(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> Run(CancellationToken token, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error, interactive: false, token);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Run_PresetAsJson_HasTheDocumentedShape()
    {
        var (code, output, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "40", "--seed", "7", "--format", "json");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["scenario"]!.GetValue<string>().ShouldBe("venezuela-2019");
        json["runs"]!.GetValue<long>().ShouldBe(40);
        json["seed"]!.GetValue<ulong>().ShouldBe(7UL);
        foreach (string key in new[] { "estimate", "lower", "upper", "confidence" })
        {
            json["collapseProbability"]![key].ShouldNotBeNull(key);
        }

        json["timeToCollapseWeeks"]!.AsObject().ContainsKey("mean").ShouldBeTrue();
        json["timeToCollapseWeeks"]!.AsObject().ContainsKey("p50").ShouldBeTrue();
        foreach (string key in new[] { "mean", "p05", "p50", "p95" })
        {
            json["finalDefectedShare"]![key].ShouldNotBeNull(key);
        }

        json["scenarioHash"]!.GetValue<string>().Length.ShouldBe(64);
        json["package"]!["version"].ShouldNotBeNull();
        json["factions"]!.AsArray().Count.ShouldBe(5);
    }

    [Test]
    public async Task Run_SameSeed_SameJson_WhateverTheThreads()
    {
        var one = await Run("run", "--preset", "venezuela-2019-amnesty", "--runs", "30", "--threads", "1", "--format", "json");
        var two = await Run("run", "--preset", "venezuela-2019-amnesty", "--runs", "30", "--threads", "2", "--format", "json");
        two.Output.ShouldBe(one.Output);
    }

    [Test]
    public async Task Run_Table_PrintsTheSummary()
    {
        var (code, output, _) = await Run("run", "--runs", "20", "--detail");
        code.ShouldBe(0);
        output.ShouldContain("P(collapse within 52 weeks)");
        output.ShouldContain("venezuela-2019");
        output.ShouldContain("national-guard");
    }

    [Test]
    public async Task Run_WithOut_WritesSummaryRunsPathsAndPlots()
    {
        string dir = Path.Combine(_folder, "out");
        var (code, _, error) = await Run("run", "--preset", "venezuela-2019-amnesty", "--runs", "30", "--out", dir);
        code.ShouldBe(0, error);
        error.ShouldContain("plots");
        foreach (string file in new[] { "summary.json", "runs.csv", "paths.csv", "scenario.json", "fan-chart.png", "fan-chart.svg", "survival.png", "final-share.png", "cascade-ccdf.png", "factions.png" })
        {
            File.Exists(Path.Combine(dir, file)).ShouldBeTrue(file);
        }

        File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length.ShouldBe(31);
        File.ReadAllLines(Path.Combine(dir, "paths.csv")).Length.ShouldBe(53);
        File.ReadAllBytes(Path.Combine(dir, "fan-chart.png"))[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        ScenarioJson.ReadFile(Path.Combine(dir, "scenario.json")).Name.ShouldBe("venezuela-2019-amnesty");
        Directory.GetFiles(dir, "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public async Task Run_OfAPresetWithAgents_ReportsThemInTheTable_PathsCsv_SummaryJson_AndCharts()
    {
        string dir = Path.Combine(_folder, "agents");
        var (code, output, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "20", "--out", dir, "--detail");
        code.ShouldBe(0, error);
        output.ShouldContain("adaptive agents (per run)");
        output.ShouldContain("pre-emptive arrests (officers)");
        output.ShouldContain("commitment of eu, week 52");
        string header = File.ReadLines(Path.Combine(dir, "paths.csv")).First();
        header.ShouldContain("commitment/eu:p50");
        header.ShouldContain("offset/russia:mean");
        header.ShouldContain("regime/arrests:p95");
        string[] second = File.ReadLines(Path.Combine(dir, "paths.csv")).Skip(1).First().Split(',');
        second.Length.ShouldBe(header.Split(',').Length);
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        summary["agentTotals"]!["regime/arrests"]!["mean"]!.GetValue<double>().ShouldBeGreaterThan(0);
        summary["agentTotals"]!["cost/russia"]!["standardError"].ShouldNotBeNull();
        foreach (string chart in new[] { "commitments.png", "regime-actions.svg", "patron-offsets.png" })
        {
            File.Exists(Path.Combine(dir, chart)).ShouldBeTrue(chart);
        }
    }

    [Test]
    public async Task Run_Csv_HasAHeaderAndMetrics()
    {
        var (code, output, _) = await Run("run", "--runs", "10", "--format", "csv");
        code.ShouldBe(0);
        output.ShouldStartWith("metric,estimate,lower,upper,standardError");
        output.ShouldContain("collapseProbability,");
    }

    [Test]
    public async Task Run_Cancelled_ReportsPartialAndExitsOne()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var (code, output, error) = await Run(cts.Token, "run", "--runs", "100", "--format", "json");
        code.ShouldBe(1);
        error.ShouldContain("partial");
        JsonNode.Parse(output)!["partial"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Test]
    public async Task CascadeWatts_Json_HasFrequencyAndAnalytic()
    {
        var (code, output, error) = await Run("cascade", "watts", "--nodes", "3000", "--mean-degree", "4", "--threshold", "0.18", "--runs", "100", "--seed", "1", "--format", "json");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["runs"]!.GetValue<long>().ShouldBe(100);
        foreach (string key in new[] { "estimate", "lower", "upper" })
        {
            json["globalCascadeFrequency"]![key].ShouldNotBeNull(key);
        }

        json["meanGlobalCascadeSize"].ShouldNotBeNull();
        json["analytic"]!["globalCascadeProbability"]!.GetValue<double>().ShouldBeInRange(0.5, 1.0);
        json["analytic"]!["meanGlobalCascadeSize"].ShouldNotBeNull();
        json["analytic"]!["inCascadeWindow"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Test]
    public async Task CascadeGranovetterAndKuran_PublishedNumbers()
    {
        var granovetter = await Run("cascade", "granovetter", "--uniform", "100", "--format", "json");
        JsonNode.Parse(granovetter.Output)!["equilibrium"]!.GetValue<int>().ShouldBe(100);
        var normal = await Run("cascade", "granovetter", "--population", "100", "--mean", "25", "--sd", "12.2", "--format", "json");
        JsonNode.Parse(normal.Output)!["equilibrium"]!.GetValue<double>().ShouldBe(5.479, 0.001);
        var kuran = await Run("cascade", "kuran", "--thresholds", "0,20,20,30,40,50,50,60,70,100", "--format", "json");
        JsonNode.Parse(kuran.Output)!["equilibriumPercent"]!.GetValue<double>().ShouldBe(10.0);
        (await Run("cascade", "kuran", "--thresholds", "0,x")).Code.ShouldBe(2);
    }

    [Test]
    public async Task Compare_TwoPresets_ReportsPairedEffects()
    {
        var (code, output, error) = await Run(TestStructure.Cli("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "40", "--format", "json")); // the six-case structure: the amnesty must move the estimate
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["commonRandomNumbers"]!.GetValue<bool>().ShouldBeTrue();
        var arms = json["arms"]!.AsArray();
        arms.Count.ShouldBe(2);
        arms[1]!["effect"]!["collapseProbabilityDifference"]!["estimate"]!.GetValue<double>().ShouldBeGreaterThan(0.2);
    }

    [Test]
    public async Task Compare_WithOut_WritesChart()
    {
        string dir = Path.Combine(_folder, "cmp");
        var (code, _, error) = await Run("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "20", "--out", dir);
        code.ShouldBe(0, error);
        File.Exists(Path.Combine(dir, "comparison.png")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "comparison.json")).ShouldBeTrue();
    }

    [Test]
    public async Task InitThenValidateThenRun_AFile()
    {
        string path = Path.Combine(_folder, "s.json");
        (await Run("init", "--preset", "venezuela-2019-contact", path)).Code.ShouldBe(0);
        (await Run("init", path)).Code.ShouldBe(2); // exists
        var validate = await Run("validate", path);
        validate.Code.ShouldBe(0);
        validate.Output.ShouldContain("valid scenario 'venezuela-2019-contact'");
        (await Run("run", path, "--runs", "10", "--format", "json")).Code.ShouldBe(0);
    }

    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5""", "malformed JSON")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": "five", "troops": 100 } ] }""", "$.factions[0].generals")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100, "staffShare": NaN } ] }""", "malformed JSON")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": -100 } ] }""", "$.factions[0].troops")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100, "loyalty": 1 } ] }""", "$.factions[0].loyalty")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "coalition": [ { "name": "us", "instruments": [ { "kind": "amnesty", "factions": [ "b" ] } ] } ] }""", "$.coalition[0].instruments[0].factions[0]")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "highCommand": { "enabled": true, "deliberationWeeks": 99 } }""", "$.highCommand.deliberationWeeks")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "highCommand": { "signalNoise": 5 } }""", "$.highCommand.signalNoise")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "collapse": { "splitShare": 2 } }""", "$.collapse.splitShare")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "conditionalAmnesty": { "enabled": true, "priorStrength": 0 } }""", "$.conditionalAmnesty.priorStrength")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "repressionBackfire": { "outGroupFactor": -1 } }""", "$.repressionBackfire.outGroupFactor")]
    [TestCase("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ], "events": [ { "name": "p", "participants": 5000 } ] }""", "$.events[0].participants")]
    public async Task ValidateAndRun_BadFiles_ExitTwoNamingTheField(string json, string expected)
    {
        string path = WriteFile("bad.json", json);
        var validate = await Run("validate", path);
        validate.Code.ShouldBe(2);
        validate.Error.ShouldContain(expected);
        validate.Error.ShouldNotContain("   at "); // never a stack trace
        var run = await Run("run", path, "--runs", "5");
        run.Code.ShouldBe(2);
        run.Error.ShouldContain(expected);
        run.Error.ShouldNotContain("   at ");
    }

    [TestCase("run", "--runs", "-5")]
    [TestCase("run", "--runs", "many")]
    [TestCase("run", "--threads", "0")]
    [TestCase("run", "--confidence", "1.5")]
    [TestCase("run", "--preset", "venezuela-2020")]
    [TestCase("run", "--format", "xml")]
    [TestCase("run", "--weeks", "0")]
    [TestCase("run", "--unknown")]
    [TestCase("cascade", "watts", "--threshold", "NaN")]
    [TestCase("cascade", "watts", "--nodes", "1")]
    [TestCase("compare", "venezuela-2019")]
    [TestCase("compare", "venezuela-2019", "nope.json")]
    [TestCase("frobnicate")]
    [TestCase("cascade", "watts", "--nodes", "2000000000", "--mean-degree", "1")]
    [TestCase("run", "--runs", "100000000", "--out", "/tmp/sanctionssim-never-written")]
    public async Task BadArguments_ExitTwo_WithoutStackTrace(params string[] args)
    {
        var (code, _, error) = await Run(args);
        code.ShouldBe(2, error);
        error.ShouldStartWith("error");
        error.ShouldNotContain("   at ");
    }

    [Test]
    public async Task Run_FileAndPreset_IsAnError()
    {
        string path = Path.Combine(_folder, "s.json");
        await Run("init", path);
        var (code, _, error) = await Run("run", path, "--preset", "venezuela-2019");
        code.ShouldBe(2);
        error.ShouldContain("not both");
    }

    [Test]
    public async Task PresetsAndSchema_List()
    {
        var presets = await Run("presets");
        presets.Code.ShouldBe(0);
        foreach (string name in Presets.Names)
        {
            presets.Output.ShouldContain(name);
        }

        var schema = await Run("schema");
        JsonNode.Parse(schema.Output)!["title"]!.GetValue<string>().ShouldBe("SanctionsSim scenario");
    }
}

public class SensitivityCliTests
{
    [Test]
    public async Task SensitivityIshigami_Json_HasIndicesNearTheAnalyticValues()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["sensitivity", "--function", "ishigami", "--method", "sobol", "--samples", "4096", "--seed", "1", "--format", "json"], output, error);
        code.ShouldBe(0, error.ToString());
        var indices = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!["indices"]!.AsArray();
        indices.Count.ShouldBe(3);
        double[] first = [0.3139, 0.4424, 0.0];
        for (int i = 0; i < 3; i++)
        {
            var s = indices[i]!;
            foreach (string key in new[] { "name", "first", "firstLower", "firstUpper", "total", "totalLower", "totalUpper" })
            {
                s[key].ShouldNotBeNull(key);
            }

            double half = (s["firstUpper"]!.GetValue<double>() - s["firstLower"]!.GetValue<double>()) / 2;
            Math.Abs(s["first"]!.GetValue<double>() - first[i]).ShouldBeLessThan((2 * half) + 0.01);
        }
    }

    [Test]
    public async Task SensitivityWithoutBootstrap_Json_HasNullIntervals_NotACrash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["sensitivity", "--function", "ishigami", "--method", "sobol", "--samples", "64", "--bootstrap", "0", "--format", "json"], output, error);
        code.ShouldBe(0, error.ToString());
        var s = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!["indices"]![0]!;
        s["first"]!.GetValue<double>().ShouldBeGreaterThan(0);
        s["firstLower"].ShouldBeNull();
        s["totalUpper"].ShouldBeNull();
    }

    [TestCase("--samples", "3")]
    [TestCase("--function", "rosenbrock")]
    public async Task Sensitivity_BadOptions_ExitTwo(string option, string value)
        => (await CliApp.RunAsync(["sensitivity", option, value], TextWriter.Null, TextWriter.Null)).ShouldBe(2);

    [TestCase("run --scenario my.json", "give the scenario file itself, as in 'sanctionssim run my.json'")]
    [TestCase("run --rnus 100", "did you mean '--runs'?")]
    [TestCase("run --runs abc", "--runs: 'abc' is not a whole number; for example --runs 1000")]
    [TestCase("run --confidence high", "--confidence: 'high' is not a number")]
    [TestCase("run --preset venezuela-2091", "did you mean 'venezuela-2019'?")]
    [TestCase("compare venezuela-2019", "compare needs at least two scenarios")]
    [TestCase("rn --runs 5", "unknown command 'rn'; did you mean 'run'?")]
    [TestCase("cascade watts --nodez 100", "did you mean '--nodes'?")]
    [TestCase("cascade wats", "did you mean 'cascade watts'?")]
    public async Task BadCommandLines_SayWhatToTypeInstead_WithoutDotNetTypeNames(string line, string expected)
    {
        var (code, _, error) = await Invoke(line.Split(' '));
        code.ShouldBe(CliApp.BadInput, error);
        error.ShouldContain(expected);
        error.ShouldNotContain("System.");
    }

    [Test]
    public async Task Run_ByDefault_PrintsAOneSentenceVerdictAndFiveNumbers_OnOneScreen()
    {
        var (code, output, _) = await Invoke("run", "--preset", "venezuela-2019", "--runs", "200", "--seed", "3");
        code.ShouldBe(0);
        string[] lines = output.TrimEnd().Split('\n');
        output.ShouldStartWith("Verdict: under these assumptions, a collapse of the regime within 52 weeks is ");
        lines.Length.ShouldBeLessThanOrEqualTo(15, output); // one screen (24 lines) with room for the command
        lines.ShouldContain(l => l.Contains("chance the regime collapses within 52 weeks", StringComparison.Ordinal) && l.Contains(" %", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("generals who defected in weeks 1–12", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("cost to the population", StringComparison.Ordinal));
        output.ShouldContain("--detail");
        output.ShouldNotContain("national-guard"); // the faction table is --detail's
        output.ShouldNotContain("E-0");
        output.ShouldNotContain("E+0");
    }

    [Test]
    public async Task Run_ByDefault_WithTheHighCommandOn_SaysHowTheRunsEnded()
    {
        string example = Path.Combine(SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "examples", "zimbabwe-2017-high-command.json");
        var (code, output, _) = await Invoke(TestStructure.Cli("run", example, "--runs", "100", "--seed", "4")); // the six-case structure: both endings occur
        code.ShouldBe(0);
        output.ShouldContain("  of which: removed by the high command");
        output.ShouldContain("  of which: collapse by defection");
        output.TrimEnd().Split('\n').Length.ShouldBeLessThanOrEqualTo(17, output);
    }

    [Test]
    public async Task Run_WithDetail_StartsWithAVerdictInWords_AndExplainsItsTerms()
    {
        // golden text updated deliberately: --detail prints the tables the plain run printed before issue #29
        var (code, output, _) = await Invoke(TestStructure.Cli("run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "3", "--detail", "--explain")); // the six-case structure: the regime falls, the terms are explained
        code.ShouldBe(0);
        output.ShouldStartWith("In 60 simulated runs of 52 weeks of 'venezuela-2019-amnesty', the regime fell in ");
        output.ShouldContain("95 % interval");
        output.ShouldContain("spread across runs");
        output.ShouldContain("US cost");
        output.ShouldNotContain("us's");
        output.ShouldNotContain("commitment of us");
        output.ShouldContain("EU: 0, because no cost is set");
        output.ShouldContain("What the terms mean:");
        output.ShouldContain("- tipped first:");
    }

    [Test]
    public async Task Compare_SaysWhenNoDifferenceCanBeSeen_InsteadOfADegenerateInterval()
    {
        // two loyal forces: neither arm can collapse
        const string calm = "{\"schemaVersion\": 1, \"name\": \"NAME\", \"weeks\": 10, \"factions\": [{\"name\": \"army\", \"generals\": 20, \"troops\": 5000, \"generalLoyaltyMean\": 3, \"seniorLoyaltyMean\": 3}]}";
        string dir = Path.Combine(Path.GetTempPath(), "sanctionssim-calm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string a = Path.Combine(dir, "calm-a.json"), b = Path.Combine(dir, "calm-b.json");
        File.WriteAllText(a, calm.Replace("NAME", "calm-a", StringComparison.Ordinal));
        File.WriteAllText(b, calm.Replace("NAME", "calm-b", StringComparison.Ordinal));
        var (code, output, _) = await Invoke("compare", a, b, "--runs", "40");
        Directory.Delete(dir, recursive: true);
        code.ShouldBe(0);
        output.ShouldContain("both collapsed in none of the 40 paired runs");
        output.ShouldNotContain("variance reduction 1.0");
    }

    [Test]
    public void Glossary_InTheDocs_HasEveryTermTheCommandLineExplains()
    {
        string doc = File.ReadAllText(Path.Combine(SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "glossary.md"));
        foreach (var (term, meaning) in SanctionsSim.IO.Text.Glossary.Entries)
        {
            doc.ShouldContain($"**{term}**: {meaning}");
        }
    }

    [Test]
    public async Task Help_NamesTheToolAsInstalled_AndStatesEachDefaultOnce()
    {
        var (code, output, _) = await Invoke("run", "--help");
        code.ShouldBe(0);
        output.ShouldContain("sanctionssim run [<FILE>] [options]");
        output.ShouldNotContain("SanctionsSim.Cli");
        output.ShouldNotContain("(default 1,000)");
        output.ShouldContain("[default: 1000]");
    }

    private static async Task<(int Code, string Output, string Error)> Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
