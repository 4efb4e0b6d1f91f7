using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>sanctionssim calibrate</c> and <c>--posterior</c>, end to end in-process on small, fast cases.</summary>
public class CalibrateCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sanctionssim-calibrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }

    private static readonly string[] Small = ["calibrate", "--case", "zimbabwe-2017", "--case", "libya-2011", "--particles", "20", "--seed", "3"];

    [Test]
    public async Task Calibrate_WritesThePosterior_ItsSummaries_PredictiveChecks_AndCharts()
    {
        string dir = Path.Combine(_folder, "cal");
        var (code, output, error) = await Run([.. Small, "--generations", "3", "--predictive", "10", "--out", dir, "--format", "json"]);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["cases"]!.AsArray().Select(c => (string)c!).ShouldBe(["zimbabwe-2017", "libya-2011"]);
        json["parameters"]!.AsArray().Count.ShouldBe(StructuralParameters.All.Count);
        json["generations"]!.AsArray().Count.ShouldBe(3);
        json["predictive"]!.AsArray().Select(p => (string)p!["case"]!).ShouldBe(["zimbabwe-2017", "libya-2011"]);
        File.ReadAllLines(Path.Combine(dir, "posterior-summary.csv")).Length.ShouldBe(StructuralParameters.All.Count + 1);
        foreach (string f in new[] { "posterior.json", "particles.csv", "posterior-summary.csv", "calibration.json", "predictive.csv", "charts/predictive.png", "charts/marginal-noiseScale.png", "generations/generation-002.json" })
        {
            File.Exists(Path.Combine(dir, f)).ShouldBeTrue(f);
        }

        File.ReadAllLines(Path.Combine(dir, "particles.csv")).Length.ShouldBe(21);
        using var stream = File.OpenRead(Path.Combine(dir, "posterior.json"));
        var posterior = AbcPopulation.ReadFrom(stream);
        posterior.Generation.ShouldBe(2);
        posterior.Count.ShouldBe(20);
        double median = json["parameters"]![2]!["median"]!.GetValue<double>();
        median.ShouldBe(posterior.Summarize()[2].Median);

        // --posterior takes the file: run and compare under it.
        var (runCode, runOut, runErr) = await Run("run", "--preset", "zimbabwe-2017", "--runs", "40", "--posterior", Path.Combine(dir, "posterior.json"), "--format", "json");
        runCode.ShouldBe(0, runErr);
        var run = JsonNode.Parse(runOut)!;
        run["runs"]!.GetValue<long>().ShouldBe(40);
        run["posterior"]!["particles"]!.GetValue<int>().ShouldBe(20);
        run["posterior"]!["hash"]!.GetValue<string>().ShouldBe(new Posterior(posterior).Hash);
        var (tableCode, table, _) = await Run("run", "--preset", "zimbabwe-2017", "--runs", "20", "--posterior", Path.Combine(dir, "posterior.json"));
        tableCode.ShouldBe(0);
        table.ShouldContain("drawn per run from a posterior of 20 particles (generation 2");
    }

    [Test]
    public async Task Calibrate_Resumes_FromTheLastGeneration_ToTheUninterruptedResult()
    {
        string whole = Path.Combine(_folder, "whole"), parts = Path.Combine(_folder, "parts");
        (await Run([.. Small, "--generations", "3", "--out", whole, "--predictive", "0"])).Code.ShouldBe(0);
        (await Run([.. Small, "--generations", "2", "--out", parts, "--predictive", "0"])).Code.ShouldBe(0);
        var again = await Run([.. Small, "--generations", "3", "--out", parts, "--predictive", "0"]);
        again.Code.ShouldBe(2);
        again.Error.ShouldContain("pass --resume");
        (await Run([.. Small, "--generations", "3", "--out", parts, "--predictive", "0", "--resume"])).Code.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(parts, "posterior.json")).ShouldBe(File.ReadAllBytes(Path.Combine(whole, "posterior.json")));
    }

    [Test]
    public async Task Distance_IsAnOption_RecordedInTheOutput()
    {
        string mean = Path.Combine(_folder, "mean"), probability = Path.Combine(_folder, "probability");
        var (code, output, error) = await Run([.. Small, "--generations", "2", "--predictive", "0", "--out", probability, "--distance", "outcome-probability", "--format", "json"]);
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["distance"]!.GetValue<string>().ShouldBe("outcome-probability");
        var (meanCode, meanOutput, meanError) = await Run([.. Small, "--generations", "2", "--predictive", "0", "--out", mean, "--format", "json"]);
        meanCode.ShouldBe(0, meanError);
        JsonNode.Parse(meanOutput)!["distance"]!.GetValue<string>().ShouldBe(CalibrationDefaults.Distance);
        File.ReadAllBytes(Path.Combine(mean, "posterior.json")).ShouldNotBe(File.ReadAllBytes(Path.Combine(probability, "posterior.json")));
    }

    [TestCase("--distance", "median", "median")]
    [TestCase("--case", "egypt-2012", "Did you mean 'egypt-2011'?")]
    [TestCase("--prior", "noiseScale=0.2:0.2", "upper > lower")]
    [TestCase("--prior", "noiseScal=0.1:0.2", "names no calibrated parameter")]
    [TestCase("--parameter", "fallSteepnes", "Did you mean 'fallSteepness'?")]
    [TestCase("--particles", "3", "--particles must be in [10, 10000000]; got 3")]
    [TestCase("--quantile", "1", "--quantile must be in (0, 1); got 1")]
    public async Task BadInput_ExitsWithCode2_NamingIt(string option, string value, string message)
    {
        var (code, _, error) = await Run("calibrate", option, value, "--out", Path.Combine(_folder, "x"));
        code.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Test]
    public async Task YourOwnCase_FromACaseFile_IsCalibrated_AndBadObservationsAreRefusedWithTheirPath()
    {
        string file = Path.Combine(_folder, "my-case.json");
        File.WriteAllText(file, """{"name": "my-zimbabwe", "outcome": "falls fast", "scenario": "zimbabwe-2017", "observation": {"collapsed": true, "collapseWeek": 1, "source": "a test"}}""");
        var (code, output, error) = await Run("calibrate", "--case-file", file, "--case", "libya-2011", "--particles", "20", "--generations", "2", "--predictive", "10", "--out", Path.Combine(_folder, "own"), "--format", "json");
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["cases"]!.AsArray().Select(c => (string)c!).ShouldBe(["libya-2011", "my-zimbabwe"]);

        File.WriteAllText(file, """{"name": "bad", "scenario": "zimbabwe-2017", "observation": {"collapsed": true, "collapseWeek": 60}}""");
        (code, _, error) = await Run("calibrate", "--case-file", file, "--out", Path.Combine(_folder, "bad"));
        code.ShouldBe(2);
        error.ShouldContain("$.observation.collapseWeek is 60; the scenario's horizon allows 0 to 51.");
        File.WriteAllText(file, """{"name": "bad", "scenario": "zimbabwe-2017", "observation": {"collapsed": false, "generalsDefected": 5000}}""");
        (code, _, error) = await Run("calibrate", "--case-file", file, "--out", Path.Combine(_folder, "bad"));
        code.ShouldBe(2);
        error.ShouldContain("$.observation.generalsDefected is 5000; the model can produce 0 to 106");
        File.WriteAllText(file, """{"name": "inline", "scenario": {"name": "x", "horizonWeeks": -3}, "observation": {"collapsed": false}}""");
        (code, _, error) = await Run("calibrate", "--case-file", file, "--out", Path.Combine(_folder, "bad"));
        code.ShouldBe(2);
        error.ShouldContain("$.scenario.");
        File.WriteAllText(file, """{"name": "bad", "scenario": "zimbabwe-2017", "observation": {"colapsed": false}}""");
        (code, _, error) = await Run("calibrate", "--case-file", file, "--out", Path.Combine(_folder, "bad"));
        code.ShouldBe(2);
        error.ShouldContain("$.observation.colapsed: unknown field; did you mean 'collapsed'?");
    }

    [Test]
    public async Task Posterior_BadFile_ExitsWithCode2()
    {
        var (code, _, error) = await Run("run", "--runs", "10", "--posterior", Path.Combine(_folder, "missing.json"));
        code.ShouldBe(2);
        error.ShouldContain("no such file");
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{\"parameters\":[\"noSuch\"],\"values\":[1],\"weights\":[1],\"distances\":[0]}");
        (code, _, error) = await Run("run", "--runs", "10", "--posterior", Path.Combine(_folder, "bad.json"));
        code.ShouldBe(2);
        error.ShouldContain("Unknown structural parameter 'noSuch'");
        (code, _, error) = await Run("sensitivity", "--function", "ishigami", "--posterior", "default");
        code.ShouldBe(2);
        error.ShouldContain("--posterior applies to scenarios");
    }
}

/// <summary>The default of <c>calibrate --distance</c>, as the tests expect it.</summary>
internal static class CalibrationDefaults
{
    public const string Distance = "mean";
}
