using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Inputs;
using SanctionsSim.IO.Jobs;
using SanctionsSim.IO.Results;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Batches;

/// <summary>
/// The jobs of a sharded batch, for any front end (#28 item 3): writing a plan, running one of its shards, listing
/// the shards not done and merging them into the single machine's result, written to the plan folder as the
/// single-machine command writes it. What is left to the caller is printing the merged result (<see cref="MergedPlan"/>).
/// </summary>
internal static class PlanJobs
{
    /// <summary>Plans a batch whose shards are ranges of replications (<c>run</c>, or <c>compare</c> of several arms on the same replications).</summary>
    /// <param name="kind">"run" or "compare".</param>
    /// <param name="scenarios">The scenario, or the compared arms (the first is the reference).</param>
    /// <param name="options">Valid Monte Carlo options: the replications, seed and confidence.</param>
    /// <param name="shards">The shards: 1 to min(100,000, replications).</param>
    /// <param name="folder">The plan folder.</param>
    /// <param name="structure">The structure every replication runs under (recorded in the plan: <see cref="ShardPlan.StructureJson"/>).</param>
    /// <param name="facts">For a <c>run</c> of a case of the case base whose uncertain facts are drawn within their ranges (<c>--facts ranges</c>): the case's name and its ranges; null for none.</param>
    /// <returns>The line that says what was planned and what to run next.</returns>
    public static string PlanReplications(string kind, Scenario[] scenarios, MonteCarloOptions options, int shards, string folder, StructureChoice structure, (string Case, IReadOnlyList<Scenarios.Cases.FactRange> Ranges)? facts = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (shards < 1 || shards > 100_000 || shards > options.Replications)
        {
            throw new UserInputException($"--shards must be in [1, min(100000, --runs)]; got {shards} for {options.Replications} runs.");
        }

        (string, JsonNode?)[] arms = kind == "compare"
            ? [("arms", new JsonArray(scenarios.Select(x => (JsonNode)new JsonObject { ["scenarioHash"] = ScenarioJson.Hash(x), ["scenario"] = JsonNode.Parse(ScenarioJson.Write(x)) }).ToArray()))]
            : facts is { Ranges.Count: > 0 } f ? [("facts", new JsonObject { ["case"] = f.Case, ["drawn"] = "within their ranges", ["uncertainFacts"] = f.Ranges.Count })]
            : [];
        string what = kind == "compare" ? $"paired runs of {scenarios.Length} arms ({string.Join(", ", scenarios.Select(x => x.Name))})" : $"runs of {scenarios[0].Name}";
        ShardPlan.Create(folder, kind, scenarios[0], options.Seed, [("runs", options.Replications), ("confidence", options.Confidence)], ("firstReplication", "replications"), options.Replications, shards, arms, structure: ShardPlan.StructureJson(structure));
        string under = structure.IsPosterior ? $"each run's structure drawn from the posterior {(structure.Name == "default" ? "shipped with the package" : structure.Name)} (SHA-256 {structure.Posterior!.Hash[..12]}…)" : "at the posterior medians (--structure medians)";
        return $"planned {options.Replications:N0} {what}, {under}, in {shards} shards in {folder}: run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {shards - 1} (or as a Slurm or Kubernetes array), then 'sanctionssim merge {folder}'.";
    }

    /// <summary>Plans a batch whose shards are ranges of design points (<c>sweep</c>, <c>sensitivity</c>).</summary>
    /// <param name="kind">"sweep" or "sensitivity".</param>
    /// <param name="definition">The sweep's or the analysis's definition (<see cref="SweepDefinition.ToJson"/>, <see cref="SensitivityDefinition.ToJson"/>).</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <param name="points">The design points.</param>
    /// <param name="shards">The shards: 1 to min(100,000, points).</param>
    /// <param name="folder">The plan folder.</param>
    /// <param name="what">What the points are, for the line ("design points of …").</param>
    /// <returns>The line that says what was planned and what to run next.</returns>
    public static string PlanPoints(string kind, JsonObject definition, Scenario scenario, ulong seed, double confidence, long points, int shards, string folder, string what)
    {
        if (shards < 1 || shards > 100_000 || shards > points)
        {
            throw new UserInputException($"--shards must be in [1, min(100000, design points)]; got {shards} for {points} points.");
        }

        ShardPlan.Create(folder, kind, scenario, seed, [("confidence", confidence), (kind, definition)], ("firstPoint", "points"), points, shards, structure: ShardPlan.StructureJson(StructureChoice.Medians)); // a planned sweep or sensitivity analysis runs at the medians (#27 item 1: not yet under a posterior)
        return $"planned {points:N0} {what} in {shards} shards in {folder}: run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {shards - 1}, then 'sanctionssim merge {folder}'.";
    }

    /// <summary>Plans a calibration whose generations' particle slots are split into shards (<see cref="CalibrationShards"/>).</summary>
    /// <param name="definition">The calibration.</param>
    /// <param name="shards">The shards: 1 to the particles.</param>
    /// <param name="folder">The plan folder, holding no plan or calibration yet.</param>
    /// <returns>The line that says what was planned and what to run next.</returns>
    public static string PlanCalibration(CalibrationDefinition definition, int shards, string folder)
    {
        int n = definition.Options.Particles;
        if (shards < 1 || shards > n)
        {
            throw new UserInputException($"--shards must be in [1, --particles]; got {shards} for {n} particles.");
        }

        if (File.Exists(Path.Combine(folder, ShardPlan.FileName)) || Directory.Exists(Path.Combine(folder, "generations")))
        {
            throw new UserInputException($"{folder} already holds a plan or a calibration: choose another folder.");
        }

        ShardPlan.Create(folder, "calibrate", null, definition.Options.Seed, [("calibrate", definition.ToJson())], ("firstSlot", "slots"), n, shards, withScenario: false);
        return $"planned a calibration on {string.Join(", ", definition.Cases.Select(c => c.Name))} ({n:N0} particles, at most {definition.Options.Generations} generations) in {shards} shards in {folder}: "
            + $"for each generation, run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {shards - 1}, then 'sanctionssim merge {folder}'; repeat until {Path.Combine(folder, "calibration.json")} exists.";
    }

    /// <summary>Runs shard <paramref name="index"/> of a plan into its file (a shard already written is not run again).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="index">The shard.</param>
    /// <param name="threads">Worker threads (−1: one per core).</param>
    /// <param name="token">Stops the shard; nothing is then written.</param>
    /// <returns>Whether the shard is done (false: cancelled) and the line to report.</returns>
    public static async Task<(bool Done, string Message)> RunShardAsync(ShardPlan plan, int index, int threads, CancellationToken token)
    {
        if (plan.Command == "calibrate")
        {
            return await CalibrationShards.RunShardAsync(plan, index, threads, token).ConfigureAwait(false);
        }

        if (index < 0 || index >= plan.Shards)
        {
            throw new UserInputException($"--index must be in [0, {plan.Shards - 1}] for this plan; got {index}.");
        }

        var (outcome, unit) = plan.Command switch
        {
            "run" => (plan.RunShard(plan.RunBatch(), index, threads, token), "replications"),
            "compare" => (plan.RunShard(plan.CompareBatch(), index, threads, token), "replications"),
            "sweep" => (plan.RunShard(plan.Sweep().Batch(), index, threads, token), "points"),
            "sensitivity" => (plan.RunShard(plan.Sensitivity().Batch(), index, threads, token), "points"),
            _ => throw Unknown(plan),
        };
        var (first, count) = plan.Range(index);
        string path = plan.ShardPath(index);
        return (outcome != ShardOutcome.Cancelled, outcome switch
        {
            ShardOutcome.AlreadyDone => $"shard {index} is already done ({path}); nothing to run",
            ShardOutcome.Cancelled => $"shard {index} cancelled; nothing written",
            _ => $"shard {index}: {unit} {first} to {first + count - 1} written to {path}",
        } + UnrecordedStructure(plan));
    }

    /// <summary>What a plan that records no structure (written before 0.2.0 recorded it) is run under: the medians, said once per message; "" for any other plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The sentence, after a line.</returns>
    public static string UnrecordedStructure(ShardPlan plan)
        => plan.RecordsStructure || plan.Command == "calibrate" ? "" : $"\n{plan.PlanPath} records no structure (planned before 0.2.0 recorded it): its shards run at the posterior medians, as it was planned; plan again for the posterior.";

    /// <summary>The shards of a plan not yet done (of a calibration: of its next generation; none when it is finished).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>Their indices, in order.</returns>
    public static IReadOnlyList<int> Missing(ShardPlan plan)
        => plan.Command == "calibrate" ? CalibrationShards.Merge(plan, missing: true).Absent : Known(plan).Missing();

    /// <summary>
    /// Checks that every shard is done and merges them into the single machine's result, written to the plan folder
    /// (summary.json, comparison.json, sweep/, sensitivity/sweep/, a calibration's generation or its outputs).
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <returns>What was merged, for the caller to print.</returns>
    /// <exception cref="UserInputException">Shards are missing, or the plan names a command this version cannot run.</exception>
    public static async Task<MergedPlan> MergeAsync(ShardPlan plan)
    {
        if (plan.Command == "calibrate")
        {
            return MergeCalibration(plan);
        }

        List<int> absent = Known(plan).Missing();
        if (absent.Count > 0)
        {
            throw new UserInputException($"{absent.Count} of {plan.Shards} shards are not done: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")}; run them ('sanctionssim merge {plan.Folder} --missing' lists them all).");
        }

        switch (plan.Command)
        {
            case "run":
            {
                var run = plan.RunBatch();
                var result = run.Result(plan.Merge(run));
                var json = RunJob.Summary(result, plan.Scenario(), plan.Structure(), drawnFacts: plan.FactRanges().Count);
                AtomicFile.WriteAllText(Path.Combine(plan.Folder, "summary.json"), SummaryJson.ToText(json));
                return new MergedRun(json, result);
            }

            case "compare":
            {
                var compare = plan.CompareBatch();
                var result = compare.Result(plan.Merge(compare));
                var json = CompareText.Json(result, plan.Structure(), plan.Structure().Posterior);
                AtomicFile.WriteAllText(Path.Combine(plan.Folder, "comparison.json"), SummaryJson.ToText(json));
                return new MergedComparison(json, result);
            }

            case "sweep":
            {
                // the points committed in index order to a sweep folder, as 'sweep --out' writes it
                var definition = plan.Sweep();
                var points = plan.Merge(definition.Batch());
                var sweep = definition.Build(1);
                string output = Path.Combine(plan.Folder, "sweep");
                await points.WriteFolderAsync(sweep, output).ConfigureAwait(false);
                string line = $"merged {points.Replications:N0} points of {definition.Scenario.Name} ({sweep.Design.Description}) into {output}: manifest.json, points.csv and parquet/, as 'sweep --out' writes them";
                return new MergedSweep(new JsonObject { ["points"] = points.Replications, ["out"] = output }, line);
            }

            default:
            {
                // the sweep folder, then the indices computed from it, as 'sensitivity --out' does
                var definition = plan.Sensitivity();
                var points = plan.Merge(definition.Batch());
                var analysis = definition.Build(1);
                string output = Path.Combine(plan.Folder, "sensitivity");
                Directory.CreateDirectory(output);
                await points.WriteFolderAsync(analysis.Sweep, Path.Combine(output, "sweep")).ConfigureAwait(false);
                using var store = new SweepDirectory(Path.Combine(output, "sweep"));
                var result = await analysis.RunAsync(store, resume: true).ConfigureAwait(false); // every point is read back: nothing runs
                return new MergedSensitivity(definition, result, output);
            }
        }
    }

    /// <summary>A calibration's merge: the next generation weighed, or, after the last, the outputs of <c>calibrate --out</c> written (the charts are the caller's).</summary>
    private static MergedPlan MergeCalibration(ShardPlan plan)
    {
        var merged = CalibrationShards.Merge(plan, missing: false);
        if (merged.Stop is AbcStopReason stop)
        {
            var result = new AbcResult(merged.Population!, CalibrationJob.History(plan.Folder, merged.Population!), stop);
            var (predictions, json) = CalibrationJob.Predict(merged.Definition, merged.Options, result);
            CalibrationJob.WriteFiles(plan.Folder, result, json);
            return new MergedCalibration(merged.Definition, result, predictions, json, plan.Folder);
        }

        return new MergedGeneration(merged.Generation, plan.Shards, merged.Population!);
    }

    /// <summary>The plan, when its command is one this version runs by ranges (run, compare, sweep, sensitivity).</summary>
    private static ShardPlan Known(ShardPlan plan)
        => plan.Command is "run" or "compare" or "sweep" or "sensitivity" ? plan : throw Unknown(plan);

    private static UserInputException Unknown(ShardPlan plan)
        => new(plan.Command is string other ? $"{plan.PlanPath} plans '{other}', which this version cannot run." : $"{plan.PlanPath} names no command.");
}

/// <summary>A plan's shards merged (<see cref="PlanJobs.MergeAsync"/>): the result to print, already written to the plan folder.</summary>
internal abstract record MergedPlan;

/// <summary>A merged <c>run</c>: its summary.json and the batch.</summary>
/// <param name="Json">The summary as summary.json holds it.</param>
/// <param name="Result">The batch.</param>
internal sealed record MergedRun(JsonObject Json, MonteCarloResult<SanctionsSummary> Result) : MergedPlan;

/// <summary>A merged <c>compare</c>: its comparison.json and the paired batch.</summary>
/// <param name="Json">The comparison as comparison.json holds it.</param>
/// <param name="Result">The paired batch.</param>
internal sealed record MergedComparison(JsonObject Json, MonteCarloResult<ComparisonSummary> Result) : MergedPlan;

/// <summary>A merged <c>sweep</c>, written as a sweep folder.</summary>
/// <param name="Json">The points and the folder, for <c>--format json</c>.</param>
/// <param name="Line">The line that says where it went.</param>
internal sealed record MergedSweep(JsonObject Json, string Line) : MergedPlan;

/// <summary>A merged <c>sensitivity</c> analysis: its indices, computed from the sweep folder written in <paramref name="Folder"/>.</summary>
/// <param name="Definition">The analysis.</param>
/// <param name="Result">The indices.</param>
/// <param name="Folder">The analysis's folder (sensitivity.json and the chart go there).</param>
internal sealed record MergedSensitivity(SensitivityDefinition Definition, SensitivityResult Result, string Folder) : MergedPlan;

/// <summary>A calibration's last merge: finished, its files written as <c>calibrate --out</c> writes them (not its charts).</summary>
/// <param name="Definition">The calibration.</param>
/// <param name="Result">The calibration's result.</param>
/// <param name="Predictions">The posterior predictive checks.</param>
/// <param name="Json">calibration.json.</param>
/// <param name="Folder">The plan folder.</param>
internal sealed record MergedCalibration(CalibrationDefinition Definition, AbcResult Result, CasePrediction[] Predictions, JsonObject Json, string Folder) : MergedPlan;

/// <summary>One generation of a calibration merged; the shards of the next are to run.</summary>
/// <param name="Generation">The generation merged.</param>
/// <param name="Shards">The plan's shards.</param>
/// <param name="Population">Its particles.</param>
internal sealed record MergedGeneration(int Generation, int Shards, AbcPopulation Population) : MergedPlan;
