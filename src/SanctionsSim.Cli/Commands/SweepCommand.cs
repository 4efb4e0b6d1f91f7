using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.MonteCarlo;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim sweep</c>: run the model over a design of lever values, streaming results to CSV and Parquet.</summary>
internal static class SweepCommand
{
    private const int MaxPrintedPoints = 10_000;

    public static Command Create(CliContext context)
    {
        var spec = new SweepSpec();
        var threads = Common.Threads();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "A folder for manifest.json, points.csv, parquet/part-*.parquet and scenario.json, written as points finish." };
        var resume = ExperimentOptions.Resume();
        var format = Common.Format();
        var structureOption = Common.Structure();
        var posterior = Common.Posterior();
        var command = new Command("sweep", "Run the model at every point of a design over scenario levers (each point with replications on common random numbers); results stream to CSV and Parquet, resumable.");
        spec.AddTo(command);
        command.Options.Add(threads);
        command.Options.Add(output);
        command.Options.Add(resume);
        command.Options.Add(format);
        command.Options.Add(structureOption);
        command.Options.Add(posterior);
        command.SetAction(async (parse, token) =>
        {
            var structure = Common.Structure(parse, structureOption, posterior);
            SweepDefinition definition = spec.Resolve(parse) with { Posterior = structure.Posterior };
            ExperimentOptions.CheckCommon(definition.Runs, parse.GetValue(threads), definition.Confidence);
            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            if (parse.GetValue(resume) && folder is null)
            {
                throw new UserInputException("--resume needs --out DIR: the sweep's manifest lives in that folder.");
            }

            var (scenario, levers, d, r, s, c) = (definition.Scenario, definition.Levers, definition.Design(), definition.Runs, definition.Seed, definition.Confidence);
            var sweep = definition.Build(parse.GetValue(threads));
            using SweepDirectory? store = folder is null ? null : new SweepDirectory(folder.FullName);
            string fmt = parse.GetValue(format)!;
            var kept = new List<SweepPoint>();
            var csv = fmt == "csv" ? context.Output : null;
            if (csv is not null)
            {
                await csv.WriteLineAsync(SweepText.CsvHeader(levers)).ConfigureAwait(false);
            }

            var result = await ExperimentOptions.WithProgressAsync(context with { Cancellation = token }, $"sweep {scenario.Name}", d.Count, (progress, ct) => sweep.RunAsync(store, parse.GetValue(resume), point =>
            {
                if (csv is not null)
                {
                    csv.WriteLine(SweepText.CsvLine(point, c));
                }
                else if (kept.Count < MaxPrintedPoints)
                {
                    kept.Add(point);
                }
            }, progress, ct)).ConfigureAwait(false);

            string partial = ExperimentOptions.Partial(result, folder);
            switch (fmt)
            {
                case "json":
                    await context.Output.WriteAsync(SummaryJson.ToText(SweepText.Json(definition, d, result, folder?.FullName, kept, structure.Json()))).ConfigureAwait(false);
                    break;
                case "csv":
                    break;
                default:
                    var console = Common.Console(context.Output, context.Interactive);
                    console.Write(Common.Draw(SweepText.Table(definition, d, kept)));
                    if (kept.Count > 200)
                    {
                        console.WriteLine($"(first 200 of {result.PointsDone:N0} points shown" + (folder is null ? "; use --out or --format csv for all)" : $"; all in {Path.Combine(folder.FullName, "points.csv")})"));
                    }

                    console.WriteLine(structure.Line());
                    break;
            }

            if (folder is not null && fmt != "json")
            {
                await context.Error.WriteLineAsync($"wrote {Path.Combine(folder.FullName, "manifest.json")}, points.csv and parquet/ ({result})").ConfigureAwait(false);
            }

            if (partial.Length > 0)
            {
                await context.Error.WriteLineAsync(partial).ConfigureAwait(false);
                return CliApp.Failure;
            }

            return CliApp.Success;
        });
        return command;

    }
}
