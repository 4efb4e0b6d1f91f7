using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>plan</c>, <c>run-shard</c> and <c>merge</c>: a batch of <c>run</c> split into shards that run anywhere (Slurm job
/// arrays, Kubernetes indexed jobs, HTCondor), each writing its summary atomically, merged into the single-machine
/// result bit for bit. A shard is a pure function of (scenario, seed, replication range), and summaries merge exactly.
/// The plans, shard files and merges are <see cref="ShardPlan"/>'s (SanctionsSim.IO); this parses the command lines
/// and prints the merged results as the single-machine commands do.
/// </summary>
internal static partial class ShardCommands
{
    public static Command Plan(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to plan a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default})." };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the replications into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder: plan.json now, shards/ as they finish, the merged result at the end.", Required = true };
        var command = new Command("plan", "Split a batch of 'run' into shards for a cluster: writes the plan (scenario, its hash, seed, each shard's replications, package version). Then 'run-shard' each index, and 'merge'.")
        {
            file, preset, runs, seed, confidence, shards, output,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = InputFiles.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            await WritePlan(context, "run", [scenario], parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(shards), parse.GetValue(output)!.FullName).ConfigureAwait(false);
            return CliApp.Success;
        });
        command.Subcommands.Add(PlanCompare(context));
        command.Subcommands.Add(PlanSweep(context));
        command.Subcommands.Add(PlanSensitivity(context));
        command.Subcommands.Add(PlanCalibrate(context));
        return command;
    }

    public static Command RunShard(CliContext context)
    {
        var planFolder = new Option<DirectoryInfo>("--plan") { Description = "The plan folder written by 'sanctionssim plan'.", Required = true };
        var index = new Option<int?>("--index", "-i") { Description = "The shard to run; when omitted, from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX (Kubernetes indexed jobs)." };
        var threads = Common.Threads();
        var command = new Command("run-shard", "Run one shard of a plan and write its summary atomically (shards/shard-NNNNN.bin); a shard already written is not run again.")
        {
            planFolder, index, threads,
        };
        command.SetAction(async (parse, token) =>
        {
            string folder = parse.GetValue(planFolder)!.FullName;
            int i = parse.GetValue(index) ?? IndexFromEnvironment();
            var plan = ShardPlan.Read(folder);
            if (plan.Command == "calibrate")
            {
                return await RunCalibrationShard(context, plan, i, parse.GetValue(threads), token).ConfigureAwait(false);
            }

            if (i < 0 || i >= plan.Shards)
            {
                throw new UserInputException($"--index must be in [0, {plan.Shards - 1}] for this plan; got {i}.");
            }

            int t = parse.GetValue(threads);
            var (outcome, unit) = plan.Command switch
            {
                "run" => (plan.RunShard(plan.RunBatch(), i, t, token), "replications"),
                "compare" => (plan.RunShard(plan.CompareBatch(), i, t, token), "replications"),
                "sweep" => (plan.RunShard(plan.Sweep().Batch(), i, t, token), "points"),
                "sensitivity" => (plan.RunShard(plan.Sensitivity().Batch(), i, t, token), "points"),
                _ => throw Unknown(plan),
            };
            var (first, count) = plan.Range(i);
            string path = plan.ShardPath(i);
            await context.Error.WriteLineAsync(outcome switch
            {
                ShardOutcome.AlreadyDone => $"shard {i} is already done ({path}); nothing to run",
                ShardOutcome.Cancelled => $"shard {i} cancelled; nothing written",
                _ => $"shard {i}: {unit} {first} to {first + count - 1} written to {path}",
            }).ConfigureAwait(false);
            return outcome == ShardOutcome.Cancelled ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    public static Command Merge(CliContext context)
    {
        var planFolder = new Argument<DirectoryInfo>("PLAN") { Description = "The plan folder." };
        var missing = new Option<bool>("--missing") { Description = "Only list the shards not yet done (one index a line, for resubmitting them)." };
        var format = Common.Format();
        var command = new Command("merge", "Check that every shard of a plan is done and merge them: the same output as 'run' on one machine, bit for bit (also written to the plan folder as summary.json).")
        {
            planFolder, missing, format,
        };
        command.SetAction(async (parse, token) =>
        {
            var plan = ShardPlan.Read(parse.GetValue(planFolder)!.FullName);
            string? f = parse.GetValue(format);
            if (plan.Command == "calibrate")
            {
                return await MergeCalibration(context, plan, parse.GetValue(missing), f).ConfigureAwait(false);
            }

            if (plan.Command is not ("run" or "compare" or "sweep" or "sensitivity"))
            {
                throw Unknown(plan);
            }

            List<int> absent = plan.Missing();
            if (parse.GetValue(missing))
            {
                foreach (int i in absent)
                {
                    await context.Output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }

                return CliApp.Success;
            }

            if (absent.Count > 0)
            {
                throw new UserInputException($"{absent.Count} of {plan.Shards} shards are not done: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")}; run them ('sanctionssim merge {plan.Folder} --missing' lists them all).");
            }

            switch (plan.Command)
            {
                case "run":
                    var run = plan.RunBatch();
                    await FinishRun(context, plan, run.Result(plan.Merge(run)), f).ConfigureAwait(false);
                    break;
                case "compare":
                    var compare = plan.CompareBatch();
                    await FinishCompare(context, plan, compare.Result(plan.Merge(compare)), f).ConfigureAwait(false);
                    break;
                case "sweep":
                    var sweep = plan.Sweep();
                    await FinishSweep(context, plan, sweep, plan.Merge(sweep.Batch()), f).ConfigureAwait(false);
                    break;
                default:
                    var sensitivity = plan.Sensitivity();
                    await FinishSensitivity(context, plan, sensitivity, plan.Merge(sensitivity.Batch()), f).ConfigureAwait(false);
                    break;
            }

            return CliApp.Success;
        });
        return command;
    }

    private static UserInputException Unknown(ShardPlan plan)
        => new(plan.Command is string other ? $"{plan.PlanPath} plans '{other}', which this version cannot run." : $"{plan.PlanPath} names no command.");

    /// <summary>A merged <c>run</c>, written to the plan folder and printed as <c>run</c> prints it.</summary>
    private static async Task FinishRun(CliContext context, ShardPlan plan, MonteCarloResult<SanctionsSummary> result, string? format)
    {
        var json = SummaryJson.Summary(result.Summary, plan.Scenario(), result);
        json["structure"] = StructureChoice.Medians.Json(); // shards run at the medians (#27 item 1: not yet under the posterior)
        AtomicFile.WriteAllText(Path.Combine(plan.Folder, "summary.json"), SummaryJson.ToText(json));
        await PrintRun(context, format, json, result).ConfigureAwait(false);
    }

    /// <summary>A merged or remote batch printed as <c>run</c> prints it: JSON, CSV, or the verdict in words.</summary>
    internal static Task PrintRun(CliContext context, string? format, JsonObject json, MonteCarloResult<SanctionsSummary> result)
        => Emit.Result(context, OutputFormats.Parse(format), () => json, () => SummaryJson.SummaryCsv(json), () => context.Output.WriteLineAsync(Readable.Verdict(result.Summary, result.Replications, result.Confidence)));

    /// <summary>A merged <c>compare</c>, written to the plan folder and printed as <c>compare</c> prints it.</summary>
    private static async Task FinishCompare(CliContext context, ShardPlan plan, MonteCarloResult<ComparisonSummary> result, string? format)
    {
        ComparisonSummary total = result.Summary;
        var json = SummaryJson.Comparison(total, result);
        json["structure"] = StructureChoice.Medians.Json(); // shards run at the medians (#27 item 1: not yet under the posterior)
        AtomicFile.WriteAllText(Path.Combine(plan.Folder, "comparison.json"), SummaryJson.ToText(json));
        await Emit.Result(context, OutputFormats.Parse(format), () => json, () => ResultsCsv.Comparison(total, result.Confidence), async () =>
        {
            CompareCommand.PrintTable(context, total, result.Confidence, total.Replications, explain: false);
            await context.Output.WriteLineAsync(StructureChoice.Medians.Line()).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>A merged <c>sweep</c>: the points committed in index order to a sweep folder, as <c>sweep --out</c> writes it.</summary>
    private static async Task FinishSweep(CliContext context, ShardPlan plan, SweepDefinition definition, SweepPointSet points, string? format)
    {
        var sweep = definition.Build(1);
        string output = Path.Combine(plan.Folder, "sweep");
        await points.WriteFolderAsync(sweep, output).ConfigureAwait(false);
        string line = $"merged {points.Replications:N0} points of {definition.Scenario.Name} ({sweep.Design.Description}) into {output}: manifest.json, points.csv and parquet/, as 'sweep --out' writes them";
        await (format == "json" ? context.Output.WriteAsync(SummaryJson.ToText(new JsonObject { ["points"] = points.Replications, ["out"] = output })) : context.Output.WriteLineAsync(line)).ConfigureAwait(false);
    }

    /// <summary>A merged <c>sensitivity</c> analysis: the sweep folder, then the indices computed from it, as <c>sensitivity --out</c> does.</summary>
    private static async Task FinishSensitivity(CliContext context, ShardPlan plan, SensitivityDefinition definition, SweepPointSet points, string? format)
    {
        var analysis = definition.Build(1);
        string output = Path.Combine(plan.Folder, "sensitivity");
        Directory.CreateDirectory(output);
        await points.WriteFolderAsync(analysis.Sweep, Path.Combine(output, "sweep")).ConfigureAwait(false);
        using var store = new SweepDirectory(Path.Combine(output, "sweep"));
        var result = await analysis.RunAsync(store, resume: true).ConfigureAwait(false); // every point is read back: nothing runs
        await SensitivityCommand.Report(context, definition, result, format ?? "table", output).ConfigureAwait(false);
    }

    private static int IndexFromEnvironment()
    {
        foreach (string name in (ReadOnlySpan<string>)["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"])
        {
            if (Environment.GetEnvironmentVariable(name) is string value)
            {
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
                    ? i
                    : throw new UserInputException($"{name}='{value}' is not a shard index.");
            }
        }

        throw new UserInputException("--index is required outside a Slurm job array (SLURM_ARRAY_TASK_ID) or a Kubernetes indexed job (JOB_COMPLETION_INDEX).");
    }
}
