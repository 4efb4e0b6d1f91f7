using System.Text.RegularExpressions;
using SanctionsSim.Calibration;
using SanctionsSim.Cli;
using SanctionsSim.Cli.Commands;
using SanctionsSim.Tests.Simulation;

namespace SanctionsSim.Tests.Cli;

/// <summary>Issue #29's defects of a student's first hour (D1–D8) and set-up gaps, one regression test each.</summary>
public partial class FirstHourDefectTests : CliFolderTest
{
    private static string Reproduce(string html) => System.Net.WebUtility.HtmlDecode(ReproduceLine().Match(html).Groups[1].Value);

    private static string HashOf(string html) => ScenarioHash().Match(html).Groups[1].Value;

    [Test]
    public async Task D1_TheReportsReproduceLine_NamesThePresetAsAPreset_AndAnEditedFileByItsPath_AndRunsAgain()
    {
        string report = Path.Combine(Folder, "r.html");
        (await Run("run", "--preset", "venezuela-2019", "--runs", "20", "--report", report)).Code.ShouldBe(0);
        string html = await File.ReadAllTextAsync(report);
        string line = Reproduce(html);
        line.ShouldStartWith("sanctionssim run --preset venezuela-2019 --runs 20 --seed 1");

        // run the line as printed (but write the report into the test's folder): it works and cites the same scenario
        string again = Path.Combine(Folder, "again.html");
        string[] args = line.Split(' ')[1..].Select(a => a == "report.html" ? again : a).ToArray();
        (await Run(args)).Code.ShouldBe(0);
        HashOf(await File.ReadAllTextAsync(again)).ShouldBe(HashOf(html));

        // an edited file that keeps the preset's name is cited by its path, not as the preset
        string edited = Path.Combine(Folder, "edited.json");
        (await Run("init", "--preset", "venezuela-2019", "--full", edited)).Code.ShouldBe(0);
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(edited)).Replace("\"weeks\": 52", "\"weeks\": 30", StringComparison.Ordinal));
        (await Run("run", edited, "--runs", "10", "--report", report)).Code.ShouldBe(0);
        string editedHtml = await File.ReadAllTextAsync(report);
        Reproduce(editedHtml).ShouldStartWith($"sanctionssim run {edited} --runs 10");
        HashOf(editedHtml).ShouldNotBe(HashOf(html));
    }

    [Test]
    public async Task D2_TheComparisonReport_HasTheSurvivalCurves_AndItsChartsCaptionsDescribeThem()
    {
        string report = Path.Combine(Folder, "c.html");
        (await Run("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "40", "--report", report)).Code.ShouldBe(0);
        string html = await File.ReadAllTextAsync(report);
        Regex.Count(html, "<svg").ShouldBe(2);
        html.ShouldContain("survival of the regime by policy"); // the survival chart's title
        html.ShouldContain("The share of runs in which the regime still stood, week by week, for each policy");
        html.ShouldContain("in percentage points"); // the first chart shows paired differences, and its caption says so
        html.ShouldNotContain("Each scenario&#39;s probability of collapse with its interval.");
        Reproduce(html).ShouldStartWith("sanctionssim compare venezuela-2019 venezuela-2019-amnesty --runs 40");
    }

    [Test]
    public async Task D3_TheTraceChartInTheDocs_ShowsTheWeekTheCommandReports()
    {
        string doc = await File.ReadAllTextAsync(Path.Combine(VenezuelaPresetTests.RepositoryRoot(), "docs", "cli.md"));
        Match caption = Regex.Match(doc, @"!\[[^\]]*the regime fell in week (\d+)\]\(images/trace-amnesty-run-2\.png\)");
        caption.Success.ShouldBeTrue("docs/cli.md's trace chart states the week of collapse in its caption");
        var (code, output, _) = await Run("trace", "--preset", "venezuela-2019-amnesty", "--replication", "2");
        code.ShouldBe(0);
        output.ShouldContain($"the regime fell in week {caption.Groups[1].Value};");
        File.Exists(Path.Combine(VenezuelaPresetTests.RepositoryRoot(), "docs", "images", "trace-amnesty-run-2.png")).ShouldBeTrue();
    }

    [Test]
    public async Task D4_SweepWithALeverOutOfRange_NamesTheLever_NotACSharpParameter()
    {
        var (code, _, error) = await Run("sweep", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.1:1.9", "--points", "2", "--runs", "2", "--out", Path.Combine(Folder, "s"));
        code.ShouldBe(CliApp.BadInput, error);
        error.ShouldContain("regime.reprisalProbability");
        error.ShouldContain("[0, 1]");
        error.ShouldNotContain("(Parameter");
    }

    [Test]
    public async Task D4_AnEmptyScenarioFile_IsCalledEmpty()
    {
        string empty = Path.Combine(Folder, "empty.json");
        await File.WriteAllTextAsync(empty, "  \n");
        var (code, _, error) = await Run("run", empty);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("an empty file");
        error.ShouldContain("sanctionssim init");
        error.ShouldNotContain("isFinalBlock");
    }

    [Test]
    public async Task D4_AScenarioGivenAsPosterior_IsCalledAScenario()
    {
        string scenario = Path.Combine(Folder, "v.json");
        (await Run("init", scenario)).Code.ShouldBe(0);
        var (code, _, error) = await Run("run", "--runs", "5", "--posterior", scenario);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("is a scenario file, not a posterior");
        error.ShouldNotContain("0 particles");
    }

    [Test]
    public async Task D4_ABadPrior_BlamesPrior()
    {
        var (code, _, error) = await Run("calibrate", "--prior", "noiseScale=0.2:0.2", "--out", Path.Combine(Folder, "c"));
        code.ShouldBe(CliApp.BadInput);
        error.ShouldStartWith("error: --prior 'noiseScale=0.2:0.2'");
        error.ShouldNotContain("--param");
    }

    [Test]
    public async Task D4_AHugeWholeNumber_IsCalledTooLarge()
    {
        string path = Path.Combine(Folder, "big.json");
        await File.WriteAllTextAsync(path, """{ "schemaVersion": 1, "name": "big", "weeks": 1000000000000, "factions": [ { "name": "a", "generals": 5, "troops": 100 } ] }""");
        var (code, _, error) = await Run("validate", path);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("$.weeks");
        error.ShouldContain("too large");
        error.ShouldNotContain("must be a whole number;");
    }

    [Test]
    public async Task D4_AnOutFolderThatCannotBeWritten_IsBadInput_SaidBeforeTheBatch()
    {
        var (code, _, error) = await Run("run", "--runs", "5", "--out", "/proc/sanctionssim-cannot-be-here");
        code.ShouldBe(CliApp.BadInput, error);
        error.ShouldContain("--out: cannot write to the folder '/proc/sanctionssim-cannot-be-here'");
    }

    [Test]
    public async Task D4_CheckingAnOutFolder_LeavesNoTrace()
    {
        string folder = Path.Combine(Folder, "never");
        (await Run("run", "--runs", "100000000", "--out", folder)).Code.ShouldBe(CliApp.BadInput);
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Test]
    public async Task D5_DiscoverWhereEveryPointIsACase_SaysSo_InsteadOfAnEmptyBox()
    {
        string csv = Path.Combine(Folder, "points.csv");
        await File.WriteAllTextAsync(csv, "point,lever,collapseProbability\n0,0.1,0.04\n1,0.5,0.02\n2,0.9,0.01\n3,0.3,0.03\n");
        var (code, _, error) = await Run("discover", csv, "--where", "collapseProbability<0.5");
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("every point is a case of interest (all 4)");
        error.ShouldContain("ranges over [0.01, 0.04]");
    }

    [Test]
    public void D5_TheReadmesDiscoverExample_AsksForARegionTheSweepHas()
    {
        // the README's sweep of regime.reprisalProbability over [0.1, 0.9] (32 points x 100 runs) ran from 0 % to 7 %:
        // '< 0.5' held everywhere; '< 0.02' holds at high reprisal only (box 21 of 25, 34 % of the points)
        string readme = File.ReadAllText(Path.Combine(VenezuelaPresetTests.RepositoryRoot(), "README.md"));
        readme.ShouldContain("discover out/sweep1 --where \"collapseProbability<0.02\"");
        readme.ShouldNotContain("collapseProbability<0.5");
    }

    [Test]
    public async Task D6_CompareGivesDifferencesInPercentagePoints()
    {
        var (code, output, _) = await Run(TestStructure.Cli("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "40")); // the six-case structure: a difference to print
        code.ShouldBe(0);
        output.ShouldContain(" pp");
        string results = string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("pp: ", StringComparison.Ordinal))); // the note explaining pp contrasts it with a relative change in %
        SignedPercent().IsMatch(results).ShouldBeFalse(output); // never "+98.6 %" for a difference
        output.ShouldStartWith("Verdict: 'venezuela-2019-amnesty' raises the probability of collapse");
    }

    [Test]
    public async Task D7_RunHelp_NamesImportanceSamplingAsTheRareEventDefault()
    {
        var (_, output, _) = await Run("run", "--help");
        string help = Regex.Replace(output, @"\s+", " ");
        help.ShouldContain("by default importance sampling");
        help.ShouldNotContain("probability by multilevel splitting (score");
    }

    [TestCase(AbcStopReason.Generations)]
    [TestCase(AbcStopReason.AcceptanceRate)]
    [TestCase(AbcStopReason.Exhausted)]
    public void D8_TheCalibrationSaysWhyItStopped_InWords(AbcStopReason reason)
    {
        string words = SanctionsSim.IO.Results.CalibrationText.StopReason(reason);
        words.ShouldNotContain(reason.ToString());
        words.ShouldContain(" ");
    }

    [Test]
    public void SetUp_TheReadmesOutputsGoToAFolderGitIgnores_AndItSaysReleaseAndPath()
    {
        string root = VenezuelaPresetTests.RepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        File.ReadAllLines(Path.Combine(root, ".gitignore")).ShouldContain("/out/");
        foreach (Match m in OutputArgument().Matches(readme))
        {
            m.Groups[2].Value.ShouldStartWith("out/", customMessage: m.Value);
        }

        foreach (Match m in InitArgument().Matches(readme))
        {
            m.Groups[1].Value.ShouldStartWith("out/", customMessage: m.Value);
        }

        readme.ShouldContain("dotnet run -c Release samples/NAME.cs");
        readme.ShouldNotContain("(`dotnet run samples/NAME.cs`)");
        readme.ShouldContain("$HOME/.dotnet/tools");
        File.ReadAllText(Path.Combine(root, "docs", "getting-started.md")).ShouldContain("export PATH=\"$PATH:$HOME/.dotnet/tools\"");
    }

    [GeneratedRegex("To reproduce: <code>([^<]*)</code>")]
    private static partial Regex ReproduceLine();

    [GeneratedRegex("SHA-256 of its canonical JSON <code>([0-9a-f]+)</code>")]
    private static partial Regex ScenarioHash();

    [GeneratedRegex(@"[+-]\d+(\.\d+)? ?%")]
    private static partial Regex SignedPercent();

    [GeneratedRegex(@"(--out|--report) ([^\s`]+)")]
    private static partial Regex OutputArgument();

    [GeneratedRegex(@"-- init (?:--preset \S+ )?(?:--full )?(\S+)")]
    private static partial Regex InitArgument();
}
