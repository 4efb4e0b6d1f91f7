using System.CommandLine;
using System.Globalization;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Batches;

namespace SanctionsSim.Cli.Commands;

/// <summary>Sharded calibration (<c>plan calibrate</c>); the job is <see cref="CalibrationShards"/> in SanctionsSim.IO.</summary>
internal static partial class ShardCommands
{
    /// <summary><c>plan calibrate … --shards N --out DIR</c>.</summary>
    private static Command PlanCalibrate(CliContext context)
    {
        var spec = new CalibrationSpec();
        var shards = new Option<int>("--shards") { Description = "How many shards to split each generation's particles into (1 to the number of particles).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder: plan.json now, then generations/, and the outputs of 'calibrate --out' after the last merge.", Required = true };
        var command = new Command("calibrate", "Split a calibration's generations into shards of particle slots: run every shard, merge, and repeat until the folder holds calibration.json; the result is that of 'calibrate --out', bit for bit.");
        spec.AddTo(command);
        command.Options.Add(shards);
        command.Options.Add(output);
        command.SetAction(async (parse, token) =>
        {
            var definition = spec.Resolve(parse);
            int k = parse.GetValue(shards);
            int n = definition.Options.Particles;
            if (k < 1 || k > n)
            {
                throw new UserInputException($"--shards must be in [1, --particles]; got {k} for {n} particles.");
            }

            string folder = parse.GetValue(output)!.FullName;
            if (File.Exists(Path.Combine(folder, ShardPlan.FileName)) || Directory.Exists(Path.Combine(folder, "generations")))
            {
                throw new UserInputException($"{folder} already holds a plan or a calibration: choose another folder.");
            }

            ShardPlan.Create(folder, "calibrate", null, definition.Options.Seed, [("calibrate", definition.ToJson())], ("firstSlot", "slots"), n, k, withScenario: false);
            await context.Output.WriteLineAsync(
                $"planned a calibration on {string.Join(", ", definition.Cases.Select(c => c.Name))} ({n:N0} particles, at most {definition.Options.Generations} generations) in {k} shards in {folder}: "
                + $"for each generation, run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {k - 1}, then 'sanctionssim merge {folder}'; repeat until {Path.Combine(folder, "calibration.json")} exists.").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static async Task<int> RunCalibrationShard(CliContext context, ShardPlan plan, int index, int threads, CancellationToken token)
    {
        var (done, message) = await CalibrationShards.RunShardAsync(plan, index, threads, token).ConfigureAwait(false);
        await context.Error.WriteLineAsync(message).ConfigureAwait(false);
        return done ? CliApp.Success : CliApp.Failure;
    }

    private static async Task<int> MergeCalibration(CliContext context, ShardPlan plan, bool missing, string? format)
    {
        var merged = CalibrationShards.Merge(plan, missing);
        if (merged.Stop is AbcStopReason stop)
        {
            await CalibrateCommand.Finish(context, merged.Definition, merged.Options, plan.Folder, merged.Population!, stop, format).ConfigureAwait(false);
            return CliApp.Success;
        }

        if (merged.Population is null)
        {
            foreach (int i in merged.Absent)
            {
                await context.Output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }

            return CliApp.Success;
        }

        var population = merged.Population;
        await Emit.Result(context, OutputFormats.Parse(format), () => CalibrationText.Merged(merged.Generation, population), null, async () =>
            await context.Output.WriteLineAsync(CalibrationText.MergedLine(merged.Generation, plan.Shards, population)).ConfigureAwait(false)).ConfigureAwait(false);
        return CliApp.Success;
    }
}
