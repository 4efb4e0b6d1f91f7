using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.IO.Batches;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Cli.Commands;

/// <summary>The plans of <c>compare</c>, <c>sweep</c> and <c>sensitivity</c> (<c>plan compare|sweep|sensitivity</c>), and the plan writers.</summary>
internal static partial class ShardCommands
{
    /// <summary><c>plan compare ARM ARM… --shards N --out DIR</c>: a comparison on common random numbers, split by replications.</summary>
    private static Command PlanCompare(CliContext context)
    {
        var arms = new Argument<string[]>("ARM") { Description = "Two or more presets or scenario files; the first is the reference.", Arity = new ArgumentArity(2, 100) };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the paired replications into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var command = new Command("compare", "Split a batch of 'compare' into shards: each shard runs every arm on the same replications; 'merge' gives the comparison of one machine, bit for bit.")
        {
            arms, runs, seed, confidence, shards, output,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario[] scenarios = parse.GetValue(arms)!.Select(InputFiles.LoadScenario).ToArray();
            CompareCommand.CheckDistinctNames(scenarios);

            await WritePlan(context, "compare", scenarios, parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(shards), parse.GetValue(output)!.FullName).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary><c>plan sweep … --shards N --out DIR</c>: a sweep's design points split into ranges.</summary>
    private static Command PlanSweep(CliContext context)
    {
        var spec = new SweepSpec();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the design points into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var command = new Command("sweep", "Split a 'sweep' into shards of design points; 'merge' writes the sweep folder (manifest.json, points.csv, parquet/) as 'sweep --out' does on one machine.");
        spec.AddTo(command);
        command.Options.Add(shards);
        command.Options.Add(output);
        command.SetAction(async (parse, token) =>
        {
            SweepDefinition definition = spec.Resolve(parse);
            ExperimentOptions.CheckCommon(definition.Runs, 1, definition.Confidence);
            await WritePointPlan(context, "sweep", definition.ToJson(), definition.Scenario, definition.Seed, definition.Confidence, definition.Design().Count, parse.GetValue(shards), parse.GetValue(output)!.FullName,
                $"design points of {definition.Scenario.Name} ({definition.Runs} replications each)").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary><c>plan sensitivity … --shards N --out DIR</c>: a sensitivity analysis's design points split into ranges.</summary>
    private static Command PlanSensitivity(CliContext context)
    {
        var file = ExperimentOptions.ScenarioFile();
        var preset = ExperimentOptions.Preset();
        var param = ExperimentOptions.Param();
        var experiment = ExperimentOptions.ExperimentFileOption();
        var (method, samples, metric, runs, levels, bootstrap) = SensitivityCommand.AnalysisOptions();
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the design points into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var command = new Command("sensitivity", "Split a scenario's 'sensitivity' analysis into shards of design points; 'merge' computes the indices and writes sensitivity.json, the tornado chart and the sweep as 'sensitivity --out' does.")
        {
            file, preset, param, experiment, method, samples, metric, runs, levels, bootstrap, seed, confidence, shards, output,
        };
        command.SetAction(async (parse, token) =>
        {
            double c = parse.GetValue(confidence);
            int b = parse.GetValue(bootstrap);
            if (b is < 0 or > 100_000 || !(c > 0 && c < 1))
            {
                throw new UserInputException($"--bootstrap must be in [0, 100000] and --confidence strictly between 0 and 1; got {b} and {c}.");
            }

            SensitivityDefinition definition = SensitivityCommand.Resolve(parse, (file, preset, param, experiment), parse.GetValue(method)!, b, c, samples, metric, runs, levels, seed);
            ExperimentOptions.CheckCommon(definition.Runs, 1, c);
            await WritePointPlan(context, "sensitivity", definition.ToJson(), definition.Scenario, definition.Seed, c, definition.Build(1).Points, parse.GetValue(shards), parse.GetValue(output)!.FullName,
                $"design points of a {definition.Method} analysis of {definition.Scenario.Name} ({definition.Runs} replications each)").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>A plan whose shards are ranges of replications (run, compare).</summary>
    private static async Task WritePlan(CliContext context, string kind, Scenario[] scenarios, long runs, ulong seed, double confidence, int k, string folder)
    {
        var options = Common.MonteCarlo(runs, seed, 1, confidence);
        if (k < 1 || k > 100_000 || k > options.Replications)
        {
            throw new UserInputException($"--shards must be in [1, min(100000, --runs)]; got {k} for {options.Replications} runs.");
        }

        (string, JsonNode?)[] arms = kind == "compare"
            ? [("arms", new JsonArray(scenarios.Select(x => (JsonNode)new JsonObject { ["scenarioHash"] = ScenarioJson.Hash(x), ["scenario"] = JsonNode.Parse(ScenarioJson.Write(x)) }).ToArray()))]
            : [];
        string what = kind == "compare" ? $"paired runs of {scenarios.Length} arms ({string.Join(", ", scenarios.Select(x => x.Name))})" : $"runs of {scenarios[0].Name}";
        ShardPlan.Create(folder, kind, scenarios[0], options.Seed, [("runs", options.Replications), ("confidence", options.Confidence)], ("firstReplication", "replications"), options.Replications, k, arms);
        await context.Output.WriteLineAsync(
            $"planned {options.Replications:N0} {what} in {k} shards in {folder}: run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {k - 1} (or as a Slurm or Kubernetes array), then 'sanctionssim merge {folder}'.").ConfigureAwait(false);
    }

    /// <summary>A plan whose shards are ranges of design points (sweep, sensitivity).</summary>
    private static async Task WritePointPlan(CliContext context, string kind, JsonObject definition, Scenario scenario, ulong seed, double confidence, long points, int k, string folder, string what)
    {
        if (k < 1 || k > 100_000 || k > points)
        {
            throw new UserInputException($"--shards must be in [1, min(100000, design points)]; got {k} for {points} points.");
        }

        ShardPlan.Create(folder, kind, scenario, seed, [("confidence", confidence), (kind, definition)], ("firstPoint", "points"), points, k);
        await context.Output.WriteLineAsync(
            $"planned {points:N0} {what} in {k} shards in {folder}: run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {k - 1}, then 'sanctionssim merge {folder}'.").ConfigureAwait(false);
    }
}
