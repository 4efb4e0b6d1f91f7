using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>A resolved sensitivity analysis of a scenario: enough to build it again anywhere (a plan stores it as JSON).</summary>
internal sealed record SensitivityDefinition
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The base scenario.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The levers.</summary>
    public required IReadOnlyList<ExperimentParameter> Levers { get; init; }

    /// <summary>morris or sobol.</summary>
    public required string Method { get; init; }

    /// <summary>Trajectories (Morris) or the base sample (Sobol).</summary>
    public required int Samples { get; init; }

    /// <summary>The output: collapse, weeks, share, generals or humanitarian.</summary>
    public required string Metric { get; init; }

    /// <summary>Morris levels.</summary>
    public required int Levels { get; init; }

    /// <summary>Bootstrap resamples of the indices' intervals.</summary>
    public required int Bootstrap { get; init; }

    /// <summary>Replications per point.</summary>
    public required int Runs { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The confidence level.</summary>
    public required double Confidence { get; init; }

    /// <summary>The posterior each run draws its structure from, or null at the medians.</summary>
    public Calibration.Posterior? Posterior { get; init; }

    /// <summary>Morris grid levels as the command line allows them: an even number in [4, 100] (narrower than the library's [2, 1000]).</summary>
    /// <param name="levels">The levels.</param>
    /// <returns><paramref name="levels"/>.</returns>
    /// <exception cref="UserInputException">Not an even number in [4, 100].</exception>
    public static int CheckLevels(int levels)
        => levels is >= 4 and <= 100 && levels % 2 == 0 ? levels : throw new UserInputException($"--levels must be an even number in [4, 100]; got {levels}.");

    /// <summary>The analysis, on <paramref name="threads"/> threads (validated by the library).</summary>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>The analysis.</returns>
    public Analysis.ScenarioSensitivity Build(int threads) => new(Scenario, Levers, Options(threads));

    /// <summary>The library's options of the analysis, on <paramref name="threads"/> threads: what <see cref="Analysis.SensitivityOptions.Validate"/> checks (the command line calls it first, to name each problem by its flag).</summary>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>The options.</returns>
    public Analysis.SensitivityOptions Options(int threads) => new()
    {
        Method = Method == "morris" ? Analysis.SensitivityMethod.Morris : Analysis.SensitivityMethod.Sobol,
        Samples = Samples,
        Metric = Metric switch
        {
            "weeks" => SweepMetric.WeeksSurvived,
            "share" => SweepMetric.FinalDefectedShare,
            "generals" => SweepMetric.EarlyGeneralDefections,
            "humanitarian" => SweepMetric.HumanitarianBurden,
            _ => SweepMetric.CollapseProbability,
        },
        MorrisLevels = Levels,
        Bootstrap = Bootstrap,
        MonteCarlo = new MonteCarloOptions { Replications = Runs, Seed = Seed, Confidence = Confidence, MaxDegreeOfParallelism = threads },
        Posterior = Posterior,
    };

    /// <summary>The analysis's design points, sharded as a sweep's.</summary>
    /// <returns>The batch.</returns>
    public SweepBatch Batch() => new(threads => Build(threads).Sweep);

    /// <summary>The definition as a plan records it (the scenario, seed and confidence are recorded beside it).</summary>
    /// <returns>The JSON.</returns>
    public JsonObject ToJson() => new()
    {
        ["levers"] = JsonSerializer.SerializeToNode(Levers.ToArray(), Exact),
        ["method"] = Method,
        ["samples"] = Samples,
        ["output"] = Metric,
        ["levels"] = Levels,
        ["bootstrap"] = Bootstrap,
        ["runsPerPoint"] = Runs,
    };

    /// <summary>Reads a definition written by <see cref="ToJson"/>.</summary>
    /// <param name="node">The JSON.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The definition.</returns>
    public static SensitivityDefinition FromJson(JsonNode node, Scenario scenario, ulong seed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new()
        {
            Scenario = scenario, Levers = node["levers"].Deserialize<ExperimentParameter[]>(Exact)!, Method = node["method"]!.GetValue<string>(), Samples = node["samples"]!.GetValue<int>(),
            Metric = node["output"]!.GetValue<string>(), Levels = node["levels"]!.GetValue<int>(), Bootstrap = node["bootstrap"]!.GetValue<int>(), Runs = node["runsPerPoint"]!.GetValue<int>(),
            Seed = seed, Confidence = confidence,
        };
    }
}
