using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests;

/// <summary>
/// The structure the mechanism tests run at, pinned so that they test a mechanism and not the shipped posterior.
/// </summary>
/// <remarks>
/// A test of how a mechanism moves the model (the high command's moves, the amnesty's credibility, a rare event's
/// estimator, the optimizer reaching a target) needs a structure at which cascades happen; whether the shipped
/// posterior is such a structure is a finding of the calibration, not a property of the mechanism. These tests
/// therefore run at the <b>six-case structure</b>: the medians of the six-case ABC posterior that were the library's
/// defaults up to the 0.2.0 development line (calibrated on the six cases with the mean distance), and, for the
/// command line, that posterior itself (<see cref="SixCasePosteriorFile"/>, passed with <c>--posterior</c>). The
/// preset band tests, the goldens and the docs' results use the shipped defaults.
/// </remarks>
internal static class TestStructure
{
    /// <summary>The six-case medians of the eight structural parameters, by name.</summary>
    public static readonly IReadOnlyDictionary<string, double> SixCase = new Dictionary<string, double>
    {
        ["generalLoyalty"] = 0.8464,
        ["seniorLoyalty"] = -0.9293,
        ["noiseScale"] = 0.08658,
        ["publicNewsWeight"] = 0.5647,
        ["fallSteepness"] = 9.893,
        ["fallMidpoint"] = 0.3329,
        ["detectionDecay"] = 6.495,
        ["lowRankDefectionRate"] = 9.437E-5,
    };

    /// <summary>The scenario with its eight structural parameters at the six-case medians (its facts unchanged).</summary>
    public static Scenario Pin(Scenario scenario)
    {
        foreach (var p in StructuralParameters.All)
        {
            scenario = p.Apply(scenario, SixCase[p.Name]);
        }

        return scenario;
    }

    /// <summary>A preset at the six-case structure.</summary>
    public static Scenario Preset(string name) => Pin(Presets.Get(name));

    /// <summary>A case of the case base with its scenario at the six-case structure.</summary>
    public static HistoricalCase Case(string name) => HistoricalCases.Get(name).WithScenario(Pin);

    /// <summary>The six-case posterior itself, read from <see cref="SixCasePosteriorFile"/>.</summary>
    public static Posterior SixCasePosterior()
    {
        using var stream = File.OpenRead(SixCasePosteriorFile);
        return new Posterior(AbcPopulation.ReadFrom(stream));
    }

    /// <summary>Writes the preset at the six-case structure to <paramref name="folder"/> as <c>NAME.json</c> and returns its path (for <c>--structure medians</c>, which runs a file as written).</summary>
    public static string PresetFile(string folder, string name)
    {
        string path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, SanctionsSim.Scenarios.ScenarioJson.Write(Preset(name)));
        return path;
    }

    private static readonly Lock FilesLock = new();
    private static readonly Dictionary<string, string> Files = [];

    /// <summary>The preset at the six-case structure in a file of this process's temporary folder, written once (tests run in parallel).</summary>
    public static string PresetFile(string name)
    {
        lock (FilesLock)
        {
            if (!Files.TryGetValue(name, out string? path))
            {
                string folder = Path.Combine(Path.GetTempPath(), $"sanctionssim-six-case-{Environment.ProcessId}");
                Directory.CreateDirectory(folder);
                path = PresetFile(folder, name);
                Files[name] = path;
            }

            return path;
        }
    }

    /// <summary>A command line with <c>--posterior</c> naming the six-case posterior.</summary>
    public static string[] Cli(params string[] args) => [.. args, "--posterior", SixCasePosteriorFile];

    /// <summary>The six-case posterior (2,000 particles), for the command line's <c>--posterior</c>.</summary>
    public static string SixCasePosteriorFile => Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Fixtures", "six-case-posterior.json");
}
