using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Cli;
using SanctionsSim.IO;
using SanctionsSim.IO.Pages;
using SanctionsSim.Model;

namespace SanctionsSim.Tests.Docs;

/// <summary>
/// No number in the docs typed by hand (#27 item 4): the pages of docs/templates render to the committed docs/*.md
/// from the recorded results files of docs/results, those files are of the current model (its fingerprint), and
/// <c>sanctionssim docs render --check</c> fails on a stale page or a stale results file, naming it.
/// </summary>
public class DocsNumbersTests
{
    private string _folder = "";

    private static string Docs => Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs");

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-docs-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void EveryPageWithATemplate_IsWhatItsTemplateRenders()
    {
        var pages = DocTemplates.RenderAll(Docs);
        pages.Keys.Select(Path.GetFileName).ShouldContain("analysis.md");
        foreach (var (path, text) in pages)
        {
            if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, text);
            }

            File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(text, $"docs/{Path.GetFileName(path)} is not what docs/templates/{Path.GetFileName(path)} renders: edit the template, then run 'sanctionssim docs render' (or these tests with SANCTIONSSIM_UPDATE_DOCS=1)");
        }
    }

    [Test]
    public void EveryRecordedResultsFile_IsOfTheCurrentModel()
    {
        var notRecorded = new List<string>();
        var problems = DocTemplates.StaleResults(Docs, ModelFingerprint.Compute(), notRecorded);
        problems.ShouldBeEmpty("the model changed since these numbers were recorded: regenerate each file with the command given, then 'sanctionssim docs render' (docs/results.md)");
        Directory.GetFiles(Path.Combine(Docs, "results"), "analysis-*.json").Length.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task Check_FailsOnAResultsFileOfAnotherModel_NamingItAndItsCommand()
    {
        string docs = CopyDocs();
        var (code, output, error) = await Run("docs", "render", "--check", "--docs", docs);
        code.ShouldBe(CliApp.Success, output + error);

        string file = Path.Combine(docs, "results", "analysis-tipping.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["modelHash"] = new string('0', 64);
        File.WriteAllText(file, json.ToJsonString());
        (code, output, error) = await Run("docs", "render", "--check", "--docs", docs);
        code.ShouldBe(CliApp.Failure, error);
        output.ShouldContain("stale results: docs/results/analysis-tipping.json: its model fingerprint 000000000000 is not the model's");
        output.ShouldContain("regenerate with: sanctionssim docs record docs/results/analysis-tipping.json --scale full");
        output.ShouldNotContain("analysis-levers.json");
    }

    [Test]
    public async Task Check_FailsOnAPageThatIsNotWhatItsTemplateRenders_AndRenderRewritesIt()
    {
        string docs = CopyDocs();
        string page = Path.Combine(docs, "analysis.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("0.38", "0.67", StringComparison.Ordinal));
        var (code, output, _) = await Run("docs", "render", "--check", "--docs", docs);
        code.ShouldBe(CliApp.Failure);
        output.ShouldContain("stale page: docs/analysis.md is not what docs/templates/analysis.md renders");

        (code, _, _) = await Run("docs", "render", "--docs", docs);
        code.ShouldBe(CliApp.Success);
        File.ReadAllText(page).ShouldBe(File.ReadAllText(Path.Combine(Docs, "analysis.md")));
        (code, _, _) = await Run("docs", "render", "--check", "--docs", docs);
        code.ShouldBe(CliApp.Success);
    }

    [Test]
    public async Task Record_ReRunsTheStoredCommand_KeepsItVerbatim_AndAFailedRunLeavesTheFileAsItWas()
    {
        string docs = CopyDocs();
        string file = Path.Combine(docs, "results", "analysis-tipping.json");
        var before = JsonNode.Parse(File.ReadAllText(file))!;
        var (code, _, error) = await Run("docs", "record", file, "--scale", "ci", "--docs", docs);
        code.ShouldBe(CliApp.Success, error);
        var after = JsonNode.Parse(File.ReadAllText(file))!;
        after["command"]!.GetValue<string>().ShouldBe(before["command"]!.GetValue<string>());
        after["scale"]!.GetValue<string>().ShouldBe("ci");
        after["modelHash"]!.GetValue<string>().ShouldBe(ModelFingerprint.Compute());
        after["results"]!["replicationsPerPoint"]!.GetValue<int>().ShouldBe(40);
        after["settings"]!["points"]!.GetValue<string>().ShouldBe("9");
        after["seed"]!.GetValue<ulong>().ShouldBe(2019UL);
        after["scenarioHashes"]!["venezuela-2019-amnesty"]!.GetValue<string>().Length.ShouldBe(64);

        string output;
        (code, output, _) = await Run("docs", "render", "--check", "--docs", docs);
        code.ShouldBe(CliApp.Failure);
        output.ShouldContain("analysis-tipping.json: it was recorded at the small CI scale");
        output.ShouldContain("cannot render: docs/templates/analysis.md, line"); // the small scan has fewer points than the page cites

        // a command that fails writes nothing
        string bytes = File.ReadAllText(file);
        (code, _, error) = await Run("docs", "record", file, "--scale", "ci", "--ci-command", "sanctionssim tipping --preset venezuela-2019-amnesty --param coalition.us.amnesty.credibility=0.2:1 --points 2 --format json", "--docs", docs);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("--points must be in [3, 10001]");
        File.ReadAllText(file).ShouldBe(bytes);
        Directory.GetFiles(Path.Combine(docs, "results"), "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public async Task Record_RunsTheStepsBefore_InASharedWorkFolder_AndCopiesTheCharts()
    {
        string docs = CopyDocs();
        string file = Path.Combine(docs, "results", "policy-prim.json");
        var (code, _, error) = await Run("docs", "record", file, "--scale", "ci", "--docs", docs);
        code.ShouldBe(CliApp.Success, error);
        var after = JsonNode.Parse(File.ReadAllText(file))!;
        after["command"]!.GetValue<string>().ShouldContain("discover {work}/sweep");
        after["results"]!["points"]!.GetValue<int>().ShouldBe(40); // the sweep of ciBefore
        after["seed"]!.GetValue<ulong>().ShouldBe(2019UL);
        File.Exists(Path.Combine(docs, "images", "policy-prim-amnesty.png")).ShouldBeTrue();
    }

    [Test]
    public void TheFingerprint_ChangesWithAModelConstant_AndNotWithTheThreadCount()
    {
        string model = ModelFingerprint.Compute(Presets.Get, Posterior.Default, 1);
        ModelFingerprint.Compute(Presets.Get, Posterior.Default, 2).ShouldBe(model);
        ModelFingerprint.Compute().ShouldBe(model);

        // one structural constant of the decision model, nudged in the presets it reads
        static Scenario Nudged(string name)
        {
            var s = Presets.Get(name);
            return s with { Decision = s.Decision with { PublicNewsWeight = s.Decision.PublicNewsWeight + 0.05 } };
        }

        ModelFingerprint.Compute(Nudged, Posterior.Default, -1).ShouldNotBe(model);

        // a fact of one preset
        static Scenario Detected(string name) => name == "egypt-2011" ? Presets.Get(name) with { Regime = Presets.Get(name).Regime with { DetectionProbability = Presets.Get(name).Regime.DetectionProbability + 0.1 } } : Presets.Get(name);
        ModelFingerprint.Compute(Detected, Posterior.Default, -1).ShouldNotBe(model);
    }

    [Test]
    public void Placeholders_FollowPathsAndSelectors_AndFormatNumbers()
    {
        var root = JsonNode.Parse("""{ "results": { "indices": [ { "name": "a.b", "total": -0.0123 }, { "name": "c", "total": 0.5 } ], "n": 196608, "t": 553.2, "s": "text" } }""")!;
        DocTemplates.Navigate(root, "results.indices[name=a.b].total")!.GetValue<double>().ShouldBe(-0.0123);
        DocTemplates.Navigate(root, "results.indices[1].name")!.GetValue<string>().ShouldBe("c");
        DocTemplates.Navigate(root, "results.indices[name=zz].total").ShouldBeNull();
        DocTemplates.Navigate(JsonNode.Parse("""{ "levers": { "a.b": 2 } }"""), "levers['a.b']")!.GetValue<double>().ShouldBe(2);
        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[0].total")!, "0.000", "x").ShouldBe("\u22120.012");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.n")!, "#,0", "x").ShouldBe("196,608");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.t")!, "duration", "x").ShouldBe("9 min 13 s");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[1].total")!, "0.0 %", "x").ShouldBe("50.0 %");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.s")!, null, "x").ShouldBe("text");

        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[*].total")!, "count", "x").ShouldBe("2");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[?total>0].total")!, "count", "x").ShouldBe("1");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[*].total")!, "min 0.0000", "x").ShouldBe("\u22120.0123");
        DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[?name=c].total")!, "max 0.0", "x").ShouldBe("0.5");
        Should.Throw<UserInputException>(() => DocTemplates.Format(DocTemplates.Navigate(root, "results.indices[?total>1].total")!, "min 0.0", "x")).Message.ShouldContain("selects nothing");

        File.WriteAllText(Path.Combine(_folder, "r.json"), root.ToJsonString());
        var files = new Dictionary<string, JsonNode>();
        DocTemplates.Render(_folder, "p.md", "# T\nn = {{ r.json : results.n | #,0 }} runs", files).ShouldBe($"# T\n\n{DocTemplates.Banner("p.md")}\nn = 196,608 runs");
        Should.Throw<UserInputException>(() => DocTemplates.Render(_folder, "p.md", "# T\n\nx {{ r.json : results.missing | 0.0 }}", files))
            .Message.ShouldBe("docs/templates/p.md, line 3: 'r.json' has no value at 'results.missing'.");
    }

    /// <summary>A copy of docs/templates, docs/results and the pages they render, in a folder named docs (as in the repository).</summary>
    private string CopyDocs()
    {
        string docs = Path.Combine(_folder, "docs");
        foreach (string sub in new[] { "templates", "results", "examples" })
        {
            Directory.CreateDirectory(Path.Combine(docs, sub));
            foreach (string f in Directory.GetFiles(Path.Combine(Docs, sub)))
            {
                File.Copy(f, Path.Combine(docs, sub, Path.GetFileName(f)));
            }
        }

        foreach (string t in Directory.GetFiles(Path.Combine(Docs, "templates"), "*.md"))
        {
            File.Copy(Path.Combine(Docs, Path.GetFileName(t)), Path.Combine(docs, Path.GetFileName(t)));
        }

        return docs;
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
