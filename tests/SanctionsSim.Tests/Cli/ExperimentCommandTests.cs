using System.Text.Json.Nodes;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary>sweep, sensitivity (scenario levers) and tipping, in-process: JSON shape, files, resume, bad input.</summary>
public class ExperimentCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-cli-exp-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error, interactive: false, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Sweep_WritesTheFolder_AndResumingAFinishedSweepReadsItBack()
    {
        string dir = Path.Combine(_folder, "sweep");
        string[] args = ["sweep", "--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.2:1", "--param", "regime.reservesAbroad=1:16~log",
            "--design", "sobol", "--points", "4", "--runs", "10", "--seed", "2", "--out", dir, "--format", "json"];
        var (code, output, error) = await Run(args);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["design"]!.GetValue<string>().ShouldStartWith("sobol(points=4, dimensions=2, seed=2");
        json["pointsDone"]!.GetValue<long>().ShouldBe(4);
        var results = json["results"]!.AsArray();
        results.Count.ShouldBe(4);
        results[0]!["values"]!["regime.reservesAbroad"]!.GetValue<double>().ShouldBeInRange(1, 16);
        results[0]!["collapseProbability"]!["estimate"].ShouldNotBeNull();
        File.Exists(Path.Combine(dir, "manifest.json")).ShouldBeTrue();
        File.ReadAllLines(Path.Combine(dir, "points.csv")).Length.ShouldBe(5);
        Directory.GetFiles(Path.Combine(dir, "parquet")).Length.ShouldBe(1);

        var again = await Run([.. args, "--resume"]);
        again.Code.ShouldBe(0, again.Error);
        var second = JsonNode.Parse(again.Output)!;
        second["pointsResumed"]!.GetValue<long>().ShouldBe(4);
        second["results"]!.ToJsonString().ShouldBe(results.ToJsonString());

        var refused = await Run([.. args.Select(a => a == "2" ? "3" : a), "--resume"]);
        refused.Code.ShouldBe(2);
        refused.Error.ShouldContain("Cannot resume");
    }

    [Test]
    public async Task Sweep_Csv_StreamsOneRowPerPoint()
    {
        var (code, output, error) = await Run("sweep", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.1:0.9", "--design", "factorial", "--levels", "3", "--runs", "5", "--format", "csv");
        code.ShouldBe(0, error);
        var lines = output.Trim().Split('\n');
        lines[0].ShouldStartWith("point,regime.reprisalProbability,replications,collapseProbability");
        lines.Length.ShouldBe(4);
        lines[2].Split(',')[1].ShouldBe("0.5");
    }

    [Test]
    public async Task Sensitivity_OfScenarioLevers_WritesIndicesNoiseShareAndTornado()
    {
        string experiment = Path.Combine(_folder, "levers.json");
        await File.WriteAllTextAsync(experiment, """
            {
              "scenario": "venezuela-2019-amnesty",
              "parameters": [
                { "path": "coalition.us.amnesty.credibility", "lower": 0.2, "upper": 1 },
                { "path": "regime.reprisalProbability", "lower": 0.1, "upper": 0.9 }
              ],
              "replicationsPerPoint": 6
            }
            """);
        string dir = Path.Combine(_folder, "gsa");
        var (code, output, error) = await Run("sensitivity", "--experiment", experiment, "--method", "morris", "--samples", "4", "--output", "share", "--format", "json", "--out", dir);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["method"]!.GetValue<string>().ShouldBe("morris");
        json["replicationsPerPoint"]!.GetValue<int>().ShouldBe(6);
        json["points"]!.GetValue<long>().ShouldBe(12);
        json["noiseShare"]!.GetValue<double>().ShouldBeGreaterThan(0);
        json["indices"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["coalition.us.amnesty.credibility", "regime.reprisalProbability"]);
        json["indices"]![0]!["muStar"].ShouldNotBeNull();
        File.Exists(Path.Combine(dir, "tornado.png")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "sensitivity.json")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "sweep", "manifest.json")).ShouldBeTrue();
    }

    [TestCase("morris", "3", "muStar")]
    [TestCase("sobol", "4", "first")]
    public async Task Sensitivity_Json_OfAnOutputThatDoesNotVary_WritesNullForTheUndefinedNoiseShare(string method, string samples, string index)
    {
        // Regression: with the collapse threshold out of reach every point's collapse probability is 0, the output variance is 0 and
        // the noise share 0/0 = NaN; System.Text.Json refused it ("infinity cannot be written as valid JSON") and the command crashed.
        var (code, output, error) = await Run("sensitivity", "--preset", "venezuela-2019", "--structure", "medians", "--method", method, "--samples", samples,
            "--runs", "2", "--bootstrap", "20", "--output", "collapse", "--param", "collapse.criticalShare=0.99:1", "--format", "json");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["outputVariance"]!.GetValue<double>().ShouldBe(0);
        json["noiseShare"].ShouldBeNull();
        json["indices"]!.AsArray().Count.ShouldBe(1);
        json["indices"]![0]!.AsObject().ContainsKey(index).ShouldBeTrue();
    }

    [Test]
    public async Task Tipping_Json_HasTheCurveAndTheCrossing()
    {
        var (code, output, error) = await Run("tipping", TestStructure.PresetFile(_folder, "venezuela-2019-amnesty"), "--param", "coalition.us.amnesty.credibility=0.2:1", "--points", "5", "--runs", "40", "--bootstrap", "100", "--format", "json", "--structure", "medians"); // at the six-case medians (TestStructure), where the crossing this test reads lies (#27 item 1)
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["curve"]!.AsArray().Count.ShouldBe(5);
        json["level"]!.GetValue<double>().ShouldBe(0.5);
        json["direction"]!.GetValue<string>().ShouldBe("rising");
        double crossing = json["crossing"]!.GetValue<double>();
        crossing.ShouldBeInRange(json["crossingLower"]!.GetValue<double>(), json["crossingUpper"]!.GetValue<double>());
    }

    [TestCase("sweep", "--param", "regime.reprisalProbability")]
    [TestCase("sweep", "--param", "regime.reprisalProbability=0.9:0.1")]
    [TestCase("sweep", "--param", "regime.reprisalProbabilty=0:1")]
    [TestCase("sweep", "--param", "regime.reprisalProbability=0:2")]
    [TestCase("sweep", "--param", "regime.reservesAbroad=0:5~log")]
    [TestCase("sweep", "--param", "regime.reservesAbroad=1:5~cauchy")]
    [TestCase("sweep", "--resume", "--param", "regime.reservesAbroad=1:5")]
    [TestCase("sweep", "--points", "0", "--param", "regime.reservesAbroad=1:5")]
    [TestCase("sensitivity", "--preset", "venezuela-2019")]
    [TestCase("sensitivity", "--param", "regime.reservesAbroad=1:5", "--levels", "5", "--method", "morris")]
    [TestCase("tipping", "--param", "regime.reservesAbroad=1:5", "--param", "regime.purgeCost=1:5")]
    [TestCase("tipping", "--param", "regime.reservesAbroad=1:5", "--level", "1")]
    [TestCase("sweep", "--experiment", "/no/such/file.json")]
    public async Task BadInput_ExitsTwo_WithOneMessage(params string[] args)
    {
        var (code, _, error) = await Run(args);
        code.ShouldBe(2, error);
        error.ShouldStartWith("error: ");
        error.ShouldNotContain("   at ");
    }
}
