using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>A resolved sweep: enough to build it again anywhere (a plan stores it as JSON).</summary>
/// <param name="Scenario">The base scenario.</param>
/// <param name="Levers">The levers.</param>
/// <param name="Kind">The design: factorial, sobol or lhs.</param>
/// <param name="Points">Points of an lhs or sobol design.</param>
/// <param name="Levels">Levels per lever of a factorial design.</param>
/// <param name="Runs">Replications per point.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Confidence">The confidence level.</param>
/// <param name="Posterior">The posterior each run draws its structure from, or null at the medians.</param>
public sealed record SweepDefinition(Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, string Kind, int Points, int Levels, int Runs, ulong Seed, double Confidence, Calibration.Posterior? Posterior = null)
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The design.</summary>
    /// <returns>A new design.</returns>
    public ExperimentDesign Design() => Kind switch
    {
        "factorial" => new FullFactorialDesign(Enumerable.Repeat(Levels, Levers.Count).ToArray()),
        "sobol" => new SobolSequenceDesign(Points, Levers.Count, Seed),
        _ => new LatinHypercubeDesign(Points, Levers.Count, Seed),
    };

    /// <summary>The sweep, on <paramref name="threads"/> threads (validated by the library).</summary>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>The sweep.</returns>
    public Sweep Build(int threads) => new(Scenario, Levers, Design(), new SweepOptions
    {
        MonteCarlo = new MonteCarloOptions { Replications = Runs, Seed = Seed, MaxDegreeOfParallelism = threads, Confidence = Confidence },
        Posterior = Posterior,
    });

    /// <summary>The sweep sharded by design points.</summary>
    /// <returns>The batch.</returns>
    public SweepBatch Batch() => new(Build);

    /// <summary>The definition as a plan records it (the scenario, seed and confidence are recorded beside it).</summary>
    /// <returns>The JSON.</returns>
    public JsonObject ToJson() => new()
    {
        ["levers"] = JsonSerializer.SerializeToNode(Levers.ToArray(), Exact),
        ["design"] = Kind,
        ["points"] = Points,
        ["levels"] = Levels,
        ["runsPerPoint"] = Runs,
    };

    /// <summary>Reads a definition written by <see cref="ToJson"/>.</summary>
    /// <param name="sweep">The JSON.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The definition.</returns>
    public static SweepDefinition FromJson(JsonNode sweep, Scenario scenario, ulong seed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new(scenario, sweep["levers"].Deserialize<ExperimentParameter[]>(Exact)!, sweep["design"]!.GetValue<string>(), sweep["points"]!.GetValue<int>(),
            sweep["levels"]!.GetValue<int>(), sweep["runsPerPoint"]!.GetValue<int>(), seed, confidence);
    }
}

/// <summary>A resolved sensitivity analysis of a scenario: enough to build it again anywhere (a plan stores it as JSON).</summary>
/// <param name="Scenario">The base scenario.</param>
/// <param name="Levers">The levers.</param>
/// <param name="Method">morris or sobol.</param>
/// <param name="Samples">Trajectories (Morris) or the base sample (Sobol).</param>
/// <param name="Metric">The output: collapse, weeks, share, generals or humanitarian.</param>
/// <param name="Levels">Morris levels.</param>
/// <param name="Bootstrap">Bootstrap resamples of the indices' intervals.</param>
/// <param name="Runs">Replications per point.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Confidence">The confidence level.</param>
/// <param name="Posterior">The posterior each run draws its structure from, or null at the medians.</param>
public sealed record SensitivityDefinition(Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, string Method, int Samples, string Metric, int Levels, int Bootstrap, int Runs, ulong Seed, double Confidence, Calibration.Posterior? Posterior = null)
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The analysis, on <paramref name="threads"/> threads (validated by the library).</summary>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>The analysis.</returns>
    public Analysis.ScenarioSensitivity Build(int threads) => new(Scenario, Levers, new Analysis.SensitivityOptions
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
    });

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
        return new(scenario, node["levers"].Deserialize<ExperimentParameter[]>(Exact)!, node["method"]!.GetValue<string>(), node["samples"]!.GetValue<int>(), node["output"]!.GetValue<string>(),
            node["levels"]!.GetValue<int>(), node["bootstrap"]!.GetValue<int>(), node["runsPerPoint"]!.GetValue<int>(), seed, confidence);
    }
}
