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
            string line = PlanJobs.PlanCalibration(spec.Resolve(parse), parse.GetValue(shards), parse.GetValue(output)!.FullName);
            await context.Output.WriteLineAsync(line).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}
