using System.CommandLine;
using System.Globalization;
using System.Text;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Plotting;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim trace [FILE] [--preset NAME] [--replication K] [--seed S] [--out DIR]</c>: one replication's weekly story.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to trace a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default})." };
        var replication = new Option<long>("--replication", "-r") { Description = "Which replication of the batch to trace: the same run as replication K of 'run' with the same seed.", DefaultValueFactory = _ => 0 };
        var seed = Common.Seed();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "A folder to write trace.csv and the chart (trace.png, trace.svg) into." };
        var structureOption = Common.Structure();
        var posterior = Common.Posterior();
        var command = new Command("trace", "Tell one replication's story week by week: defections by faction and rank, purges, the rank and file, the regime's money and threats, the instruments and events in force.")
        {
            file, preset, replication, seed, output, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            long k = parse.GetValue(replication);
            if (k < 0)
            {
                throw new UserInputException($"--replication must be 0 or more; got {k}.");
            }

            Scenario scenario = InputFiles.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            var structure = Common.Structure(parse, structureOption, posterior);
            ulong s = parse.GetValue(seed);
            string structureLine = structure.Line();
            if (structure.Posterior is { } drawn)
            {
                // replication k of a run under the posterior: its particle, drawn from (seed, k) alone as the batch draws it
                int particle = drawn.Particle(s, k);
                scenario = drawn.Apply(scenario, particle);
                structureLine = $"Structural parameters of particle {particle} of the posterior ({drawn.Count:N0} particles, SHA-256 {drawn.Hash[..12]}…), the one replication {k} of a run with seed {s} draws; --structure medians traces it at the medians.";
            }

            ReplicationTrace trace = new SanctionsModel(scenario).Trace(s, k);
            Print(context, trace);
            await context.Output.WriteLineAsync(structureLine).ConfigureAwait(false);
            if (folder is not null)
            {
                Directory.CreateDirectory(folder.FullName);
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "trace.csv"), TraceText.Csv(trace));
                var charts = Charts.Save(Charts.Trace(trace, scenario.Collapse.CriticalShare), Path.Combine(folder.FullName, "trace"));
                await context.Error.WriteLineAsync($"wrote trace.csv and {charts.Count} charts to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static void Print(CliContext context, ReplicationTrace trace)
    {
        var console = Common.Console(context.Output, context.Interactive);
        console.WriteLine(TraceText.Headline(trace));
        console.Write(Common.Draw(TraceText.Table(trace)));
    }
}
