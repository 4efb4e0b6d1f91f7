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
        var structure = Common.Structure();
        var posterior = Common.Posterior();
        var facts = Common.Facts();
        var command = new Command("plan", "Split a batch of 'run' into shards for a cluster: writes the plan (scenario, its hash, seed, the structure, each shard's replications, package version). Then 'run-shard' each index, and 'merge'.")
        {
            file, preset, runs, seed, confidence, shards, output, structure, posterior, facts,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = InputFiles.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), 1, parse.GetValue(confidence));
            var choice = Common.Structure(parse, structure, posterior);
            var ranges = InputFiles.FactRanges(parse.GetValue(file), parse.GetValue(preset), parse.GetValue(facts)!, scenario);
            await context.Output.WriteLineAsync(PlanJobs.PlanReplications("run", [scenario], options, parse.GetValue(shards), parse.GetValue(output)!.FullName, choice, ranges.Count > 0 ? (parse.GetValue(preset)!, ranges) : null)).ConfigureAwait(false);
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
            int i = parse.GetValue(index) ?? IndexFromEnvironment();
            var (done, message) = await PlanJobs.RunShardAsync(ShardPlan.Read(parse.GetValue(planFolder)!.FullName), i, parse.GetValue(threads), token).ConfigureAwait(false);
            await context.Error.WriteLineAsync(message).ConfigureAwait(false);
            return done ? CliApp.Success : CliApp.Failure;
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
            if (parse.GetValue(missing))
            {
                foreach (int i in PlanJobs.Missing(plan))
                {
                    await context.Output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }

                return CliApp.Success;
            }

            if (PlanJobs.UnrecordedStructure(plan) is { Length: > 0 } unrecorded)
            {
                await context.Error.WriteLineAsync(unrecorded.TrimStart('\n')).ConfigureAwait(false);
            }

            switch (await PlanJobs.MergeAsync(plan).ConfigureAwait(false))
            {
                case MergedRun run:
                    await PrintRun(context, f, run.Json, run.Result, plan.Structure(), plan.FactRanges()).ConfigureAwait(false);
                    break;
                case MergedComparison compare:
                    var total = compare.Result.Summary;
                    await Emit.Result(context, OutputFormats.Parse(f), () => compare.Json, () => ResultsCsv.Comparison(total, compare.Result.Confidence), async () =>
                    {
                        CompareCommand.PrintTable(context, total, compare.Result.Confidence, total.Replications, explain: false);
                        await context.Output.WriteLineAsync(plan.Structure().Line()).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    break;
                case MergedSweep sweep:
                    await (f == "json" ? context.Output.WriteAsync(SummaryJson.ToText(sweep.Json)) : context.Output.WriteLineAsync(sweep.Line)).ConfigureAwait(false);
                    break;
                case MergedSensitivity sensitivity:
                    await SensitivityCommand.Report(context, sensitivity.Definition, sensitivity.Result, f ?? "table", sensitivity.Folder).ConfigureAwait(false);
                    break;
                case MergedCalibration calibration:
                    await CalibrateCommand.Finish(context, calibration, f).ConfigureAwait(false);
                    break;
                case MergedGeneration generation:
                    await Emit.Result(context, OutputFormats.Parse(f), () => CalibrationText.Merged(generation.Generation, generation.Population), null, async () =>
                        await context.Output.WriteLineAsync(CalibrationText.MergedLine(generation.Generation, generation.Shards, generation.Population)).ConfigureAwait(false)).ConfigureAwait(false);
                    break;
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>A merged or remote batch printed as <c>run</c> prints it: JSON, CSV, or the verdict in words and the line naming the structure it ran under.</summary>
    internal static Task PrintRun(CliContext context, string? format, JsonObject json, MonteCarloResult<SanctionsSummary> result, StructureChoice structure, IReadOnlyList<FactRange>? ranges = null)
        => Emit.Result(context, OutputFormats.Parse(format), () => json, () => SummaryJson.SummaryCsv(json), async () =>
        {
            await context.Output.WriteLineAsync(Readable.Verdict(result.Summary, result.Replications, result.Confidence)).ConfigureAwait(false);
            await context.Output.WriteLineAsync(structure.Line()).ConfigureAwait(false);
            if (ranges is { Count: > 0 })
            {
                await context.Output.WriteLineAsync(Common.FactsLine(ranges)).ConfigureAwait(false);
            }
        });

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
