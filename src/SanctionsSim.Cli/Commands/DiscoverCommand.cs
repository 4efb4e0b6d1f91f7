using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim discover SOURCE --where COLUMN&lt;VALUE</c>: PRIM scenario discovery over a sweep's points or any CSV of results.</summary>
internal static class DiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("SOURCE") { Description = "A sweep folder (from 'sweep --out': its levers are the inputs) or a CSV file with a header (for example a robust-choice table)." };
        var where = new Option<string>("--where") { Description = "Which points are the cases of interest: COLUMN<VALUE, <=, > or >= (for example 'collapseProbability<0.5': where the policy fails).", Required = true };
        var inputs = new Option<string[]>("--input") { Description = "An input to find limits on (repeatable; default: a sweep's levers, or every other numeric column of a CSV)." };
        var peel = new Option<double>("--peel") { Description = "The share of the box's points each peel removes, α (0 < α < 0.5).", DefaultValueFactory = _ => 0.05 };
        var minMass = new Option<double>("--min-mass") { Description = "Stop before a box holds less than this share of the points (0 to 1).", DefaultValueFactory = _ => 0.05 };
        var minDensity = new Option<double>("--min-density") { Description = "Choose the box with the most coverage among those at least this dense (0 to 1).", DefaultValueFactory = _ => 0.8 };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write prim.json, trajectory.csv and trajectory.png here." };
        var format = Common.Format();
        var command = new Command("discover", "Scenario discovery by PRIM: the boxes of uncertain inputs where the cases of interest (a policy failing, or succeeding) concentrate, with coverage, density and the peeling trajectory.")
        {
            source, where, inputs, peel, minMass, minDensity, output, format,
        };
        command.SetAction(async (parse, token) =>
        {
            var input = DiscoveryInput.Read(parse.GetValue(source)!, parse.GetValue(where)!, parse.GetValue(inputs));
            double dens = parse.GetValue(minDensity);
            if (!(dens >= 0 && dens <= 1))
            {
                throw new UserInputException($"--min-density must be in [0, 1]; got {dens}.");
            }

            PrimResult result = default!;
            Common.Validate(() => result = Prim.Peel(input.Inputs, input.Rows, input.IsCase, new PrimOptions { PeelAlpha = parse.GetValue(peel), MinMass = parse.GetValue(minMass) }), ("PeelAlpha must", "--peel must"), ("MinMass must", "--min-mass must"));
            PrimBox box = result.Choose(dens);
            var json = DiscoverText.Json(result, box, parse.GetValue(where)!);
            if (parse.GetValue(output) is DirectoryInfo dir)
            {
                Directory.CreateDirectory(dir.FullName);
                AtomicFile.WriteAllText(Path.Combine(dir.FullName, "prim.json"), SummaryJson.ToText(json));
                AtomicFile.WriteAllText(Path.Combine(dir.FullName, "trajectory.csv"), ResultsCsv.PrimTrajectory(result));
                Charts.Save(Charts.PrimTrajectory(result, box), Path.Combine(dir.FullName, "trajectory"), ChartFormat.Png);
                await context.Error.WriteLineAsync($"wrote prim.json, trajectory.csv and trajectory.png to {dir.FullName}").ConfigureAwait(false);
            }

            await Emit.Result(context, parse.Format(format), () => json, () => ResultsCsv.PrimTrajectory(result), () => Print(context, result, box, parse.GetValue(where)!, dens)).ConfigureAwait(false);

            return CliApp.Success;
        });
        return command;
    }

    private static void Print(CliContext context, PrimResult result, PrimBox box, string where, double minDensity)
    {
        var console = Common.Console(context.Output, context.Interactive);
        console.Write(Common.Draw(DiscoverText.Limits(result, box, where)));
        console.Write(Common.Draw(DiscoverText.Trajectory(result, box, minDensity)));
    }
}
