using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim tipping</c>: where along one lever the collapse probability crosses a level.</summary>
internal static class TippingCommand
{
    public static Command Create(CliContext context)
    {
        var file = ExperimentOptions.ScenarioFile();
        var preset = ExperimentOptions.Preset();
        var param = ExperimentOptions.Param();
        param.Description = "The lever: PATH=LOWER:UPPER, for example coalition.us.amnesty.credibility=0:1 (exactly one).";
        var experiment = ExperimentOptions.ExperimentFileOption();
        var points = new Option<int>("--points") { Description = "Grid points along the lever.", DefaultValueFactory = _ => 21 };
        var level = new Option<double>("--level") { Description = "The collapse-probability level whose crossing is sought.", DefaultValueFactory = _ => 0.5 };
        var runs = ExperimentOptions.RunsPerPoint(400);
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the crossing's interval.", DefaultValueFactory = _ => 1000 };
        var seed = Common.Seed();
        var threads = Common.Threads();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "A folder for the streamed scan (resumable), tipping.json and the chart." };
        var resume = ExperimentOptions.Resume();
        var format = Common.Format();
        var confidence = Common.Confidence();
        var structureOption = Common.Structure();
        var posterior = Common.Posterior();
        var command = new Command("tipping", "Locate a tipping point: where along one lever the collapse probability crosses a level, with a bootstrap interval, on common random numbers along the scan.")
        {
            file, preset, param, experiment, points, level, runs, bootstrap, seed, threads, output, resume, format, confidence, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            var (scenario, levers, ef) = ExperimentOptions.Load(parse, file, preset, param, experiment);
            var structure = Common.Structure(parse, structureOption, posterior);
            if (levers.Count != 1)
            {
                throw new UserInputException($"A tipping scan takes exactly one lever; got {levers.Count} ({string.Join(", ", levers.Select(l => l.Name))}).");
            }

            int r = parse.GetResult(runs) is not { Implicit: false } && ef?.ReplicationsPerPoint is int rr ? rr : parse.GetValue(runs), g = parse.GetValue(points), b = parse.GetValue(bootstrap);
            ulong sd = parse.GetResult(seed) is not { Implicit: false } && ef?.Seed is ulong es ? es : parse.GetValue(seed);
            double lv = parse.GetValue(level), c = parse.GetValue(confidence);
            var options = new TippingOptions { Points = g, Level = lv, Bootstrap = b, MonteCarlo = new MonteCarloOptions { Replications = r, Seed = sd, Confidence = c, MaxDegreeOfParallelism = parse.GetValue(threads) }, Posterior = structure.Posterior };

            // what is allowed is said once, by the library's TippingOptions.Validate (#28 item 3): the points' batch as
            // every sweep's (--runs, --threads, --confidence), then the scan's own options, each named by its flag
            ExperimentOptions.CheckCommon(r, parse.GetValue(threads), c);
            Common.Validate(options.Validate, ("Points must", "--points must"), ("Level must", "--level must"), ("Bootstrap must", "--bootstrap must"));

            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            if (parse.GetValue(resume) && folder is null)
            {
                throw new UserInputException("--resume needs --out DIR: the scan's manifest lives in that folder.");
            }

            var scan = new TippingScan(scenario, levers[0], options);
            using SweepDirectory? store = folder is null ? null : new SweepDirectory(Path.Combine(folder.FullName, "sweep"));
            var result = await ExperimentOptions.WithProgressAsync(context with { Cancellation = token }, $"tipping {levers[0].Name}", g, (progress, ct) => scan.RunAsync(store, parse.GetValue(resume), progress, ct)).ConfigureAwait(false);
            if (!result.Completed)
            {
                await context.Error.WriteLineAsync(ExperimentOptions.Partial(result.Sweep, folder)).ConfigureAwait(false);
                return CliApp.Failure;
            }

            var json = TippingText.Json(scenario.Name, result, lv, r, sd, c, structure.Json());
            await Emit.Result(context, parse.Format(format), () => json, () => ResultsCsv.TippingCurve(result), () =>
            {
                var console = Common.Console(context.Output, context.Interactive);
                context.Output.WriteLine(TippingText.Verdict(result, c));
                console.WriteLine();
                console.Write(Common.Draw(TippingText.Table(scenario.Name, result, r, c)));
                context.Output.WriteLine(structure.Line());
            }).ConfigureAwait(false);

            if (folder is not null)
            {
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "tipping.json"), SummaryJson.ToText(json));
                Charts.Save(Charts.TippingCurve(result), Path.Combine(folder.FullName, "tipping"));
                await context.Error.WriteLineAsync($"wrote {folder.FullName}: tipping.json, tipping.png, tipping.svg, sweep/ ({result.Sweep})").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
