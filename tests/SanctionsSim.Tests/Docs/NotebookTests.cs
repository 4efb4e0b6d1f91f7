using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SanctionsSim.Tests.Docs;

/// <summary>
/// The notebooks of docs/notebooks: stored with their outputs and without build paths, versions or checks in their
/// cells; and executed headless (dotnet-repl, by docs/notebooks/regenerate.sh) against this tree's packages, every
/// cell running without error and showing what the notebook is about.
/// </summary>
public class NotebookTests
{
    private static readonly string Folder = Path.Combine(SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "notebooks");
    private string? _executed;

    /// <summary>Each notebook and a text its executed outputs must show.</summary>
    private static IEnumerable<TestCaseData> Notebooks()
    {
        yield return new TestCaseData("quick-start", "P(collapse");
        yield return new TestCaseData("venezuela-2019", "venezuela-2019-amnesty");
        yield return new TestCaseData("compare-policies", "venezuela-2019-amnesty");
        yield return new TestCaseData("custom-scenario", "P(collapse");
        yield return new TestCaseData("watts-cascade", "global");
        yield return new TestCaseData("levers", "crosses 50 %");
        yield return new TestCaseData("adaptive-agents", "commitment/eu");
    }

    [Test]
    public void EveryNotebook_IsListedHere()
        => Directory.GetFiles(Folder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order().ShouldBe(Notebooks().Select(n => (string)n.Arguments[0]!).Order());

    [TestCaseSource(nameof(Notebooks))]
    public void Stored_WithOutputs_WithoutBuildPathsVersionsOrChecks(string name, string expected)
    {
        JsonNode notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".ipynb")))!;
        var code = notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToArray();
        code.ShouldNotBeEmpty();
        foreach (var cell in code)
        {
            string source = string.Concat(cell!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
            source.ShouldNotContain("bin/Release");
            source.ShouldNotContain("throw new Exception"); // checks live in the tests and samples, not in the reader's cells
            foreach (string line in source.Split('\n').Where(l => l.StartsWith("#r \"nuget:", StringComparison.Ordinal)))
            {
                line.ShouldBe("#r \"nuget: SanctionsSim.Plotting, *-*\""); // no pinned versions repeated from Directory.Packages.props
            }

            var outputs = cell["outputs"]!.AsArray();
            outputs.Count.ShouldBeGreaterThan(0, $"{name}: a cell is stored without its output (run docs/notebooks/regenerate.sh)");
            outputs.ShouldAllBe(o => o!["output_type"]!.GetValue<string>() != "error");
        }

        notebook.ToJsonString().ShouldContain(expected);
        notebook.ToJsonString().ShouldNotContain("/root/");
    }

    [TestCaseSource(nameof(Notebooks))]
    public void Executed_Headless_EveryCellRuns_AndShowsItsSubject(string name, string expected)
    {
        string executed = ExecuteAll();
        string path = Path.Combine(executed, name + ".ipynb");
        File.Exists(path).ShouldBeTrue($"{name} did not run (see the regenerate.sh output above)");
        JsonNode notebook = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var cell in notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"))
        {
            var outputs = cell!["outputs"]!.AsArray();
            outputs.ShouldAllBe(o => o!["output_type"]!.GetValue<string>() != "error", $"{name}: {outputs.ToJsonString()}");
            outputs.Count.ShouldBeGreaterThan(0);
        }

        notebook.ToJsonString().ShouldContain(expected);
    }

    /// <summary>Runs every notebook once (about three minutes), into a temporary folder.</summary>
    private string ExecuteAll()
    {
        if (_executed is not null)
        {
            return _executed;
        }

        string repository = SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot();
        if (Environment.GetEnvironmentVariable("CI") != "true" && Environment.GetEnvironmentVariable("SANCTIONSSIM_NOTEBOOKS") != "1")
        {
            Assert.Ignore("executing the notebooks takes minutes: CI does it; set SANCTIONSSIM_NOTEBOOKS=1 to run it here");
        }

        string output = Directory.CreateTempSubdirectory("sanctionssim-notebooks-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        start.ArgumentList.Add(Path.Combine(repository, "docs", "notebooks", "regenerate.sh"));
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the notebooks did not finish within 20 minutes");
        }

        TestContext.Out.WriteLine(stdout.Result + stderr.Result);
        _executed = output;
        return output;
    }
}
