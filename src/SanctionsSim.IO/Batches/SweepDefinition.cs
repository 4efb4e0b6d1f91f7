using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>A resolved sweep: enough to build it again anywhere (a plan stores it as JSON).</summary>
internal sealed record SweepDefinition
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The base scenario.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The levers.</summary>
    public required IReadOnlyList<ExperimentParameter> Levers { get; init; }

    /// <summary>The design: factorial, sobol or lhs.</summary>
    public required string Kind { get; init; }

    /// <summary>Points of an lhs or sobol design.</summary>
    public required int Points { get; init; }

    /// <summary>Levels per lever of a factorial design.</summary>
    public required int Levels { get; init; }

    /// <summary>Replications per point.</summary>
    public required int Runs { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The confidence level.</summary>
    public required double Confidence { get; init; }

    /// <summary>The posterior each run draws its structure from, or null at the medians.</summary>
    public Calibration.Posterior? Posterior { get; init; }

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
        return new()
        {
            Scenario = scenario, Levers = sweep["levers"].Deserialize<ExperimentParameter[]>(Exact)!, Kind = sweep["design"]!.GetValue<string>(), Points = sweep["points"]!.GetValue<int>(),
            Levels = sweep["levels"]!.GetValue<int>(), Runs = sweep["runsPerPoint"]!.GetValue<int>(), Seed = seed, Confidence = confidence,
        };
    }
}
