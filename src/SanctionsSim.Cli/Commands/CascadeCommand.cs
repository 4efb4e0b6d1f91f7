using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Cascades;
using SanctionsSim.IO;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim cascade granovetter|kuran|watts …</c>: the classic threshold models.</summary>
internal static class CascadeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cascade", "Run the classic threshold-cascade models: Granovetter (1978), Kuran (1991), Watts (2002).");
        command.Subcommands.Add(Watts(context));
        command.Subcommands.Add(Granovetter(context));
        command.Subcommands.Add(Kuran(context));
        return command;
    }

    private static Command Watts(CliContext context)
    {
        var nodes = new Option<int>("--nodes") { Description = "Agents N.", DefaultValueFactory = _ => 10_000 };
        var degree = new Option<double>("--mean-degree", "-z") { Description = "Mean degree z of the Erdős–Rényi graph.", DefaultValueFactory = _ => 4.0 };
        var threshold = new Option<double>("--threshold", "--phi") { Description = "Fractional threshold φ of every agent, in (0, 1].", DefaultValueFactory = _ => 0.18 };
        var seeds = new Option<int>("--seeds") { Description = "Initially active agents per run.", DefaultValueFactory = _ => 1 };
        var global = new Option<double>("--global-fraction") { Description = "Final active share at or above which a run is a global cascade.", DefaultValueFactory = _ => 0.1 };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var threads = Common.Threads();
        var format = Common.Format();
        var output = Common.Out();
        var confidence = Common.Confidence();
        var command = new Command("watts", "Watts (2002): global cascades from one seed on Erdős–Rényi graphs, against the analytic predictions.")
        {
            nodes, degree, threshold, seeds, global, runs, seed, threads, format, output, confidence,
        };
        command.SetAction(async (parse, token) =>
        {
            var model = new WattsModel
            {
                NodeCount = parse.GetValue(nodes),
                MeanDegree = parse.GetValue(degree),
                Threshold = parse.GetValue(threshold),
                Seeds = parse.GetValue(seeds),
                GlobalFraction = parse.GetValue(global),
            };
            Common.Validate(model.Validate, ("NodeCount", "--nodes"), ("MeanDegree", "--mean-degree"), ("Threshold", "--threshold"), ("GlobalFraction", "--global-fraction"), ("Seeds", "--seeds"));

            DirectoryInfo? outFolder = parse.GetValue(output);
            InputFiles.CheckOutFolder(outFolder);
            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(confidence));
            var result = await Common.RunWithProgressAsync(context with { Cancellation = token }, "watts", options.Replications, (progress, ct) => model.Simulate(options, progress, ct)).ConfigureAwait(false);
            JsonObject json = SummaryJson.Watts(model, result);
            await Emit.Result(context, parse.Format(format), () => json, () => SummaryJson.SummaryCsv(json), () => Common.Console(context.Output, context.Interactive).Write(Common.Draw(CascadeText.Watts(model, result)))).ConfigureAwait(false);

            if (outFolder is not null)
            {
                Directory.CreateDirectory(outFolder.FullName);
                AtomicFile.WriteAllText(Path.Combine(outFolder.FullName, "summary.json"), SummaryJson.ToText(json));
                var files = Charts.Save(Charts.CascadeSizeCcdf(result.Summary, model.NodeCount), Path.Combine(outFolder.FullName, "cascade-ccdf"));
                await context.Error.WriteLineAsync($"wrote summary.json and {files.Count} plots to {outFolder.FullName}").ConfigureAwait(false);
            }

            return result.IsPartial ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    private static Command Granovetter(CliContext context)
    {
        var thresholds = new Option<string?>("--thresholds") { Description = "Comma-separated integer thresholds (others who must act first), for example 0,1,2,3." };
        var uniform = new Option<int?>("--uniform") { Description = "A uniform crowd of N with thresholds 0, 1, …, N − 1." };
        var population = new Option<double?>("--population") { Description = "Crowd size N for normally distributed thresholds." };
        var mean = new Option<double?>("--mean") { Description = "Mean threshold for normally distributed thresholds." };
        var sd = new Option<double?>("--sd") { Description = "Standard deviation of normally distributed thresholds." };
        var format = Common.Format();
        var command = new Command("granovetter", "Granovetter (1978): where a crowd with given thresholds settles (integer thresholds, or normal with --population --mean --sd).")
        {
            thresholds, uniform, population, mean, sd, format,
        };
        command.SetAction(async (parse, token) =>
        {
            JsonObject json;
            if (parse.GetValue(population) is double n && parse.GetValue(mean) is double mu && parse.GetValue(sd) is double sigma)
            {
                json = CascadeText.Granovetter(n, mu, sigma);
            }
            else
            {
                json = CascadeText.Granovetter(parse.GetValue(uniform) is int size
                    ? (size is >= 1 and <= 10_000_000 ? Enumerable.Range(0, size).ToArray() : throw new UserInputException($"--uniform must be in [1, 10000000]; got {size}."))
                    : ParseList(parse.GetValue(thresholds), "--thresholds", s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)));
            }

            await Print(context, parse.GetValue(format), json).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static Command Kuran(CliContext context)
    {
        var thresholds = new Option<string?>("--thresholds") { Description = "Comma-separated revolutionary thresholds in percent, for example 0,20,20,30,40,50,50,60,70,100." };
        var format = Common.Format();
        var command = new Command("kuran", "Kuran (1991): the share of public opposition a population with given revolutionary thresholds settles at.") { thresholds, format };
        command.SetAction(async (parse, token) =>
        {
            double[] values = ParseList(parse.GetValue(thresholds), "--thresholds", s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
            var json = CascadeText.Kuran(values);
            await Print(context, parse.GetValue(format), json).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static T[] ParseList<T>(string? text, string option, Func<string, T> parse)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserInputException($"{option} is required: a comma-separated list.");
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new T[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            try
            {
                values[i] = parse(parts[i]);
            }
            catch (FormatException)
            {
                throw new UserInputException($"{option}: item {i + 1} ('{parts[i]}') is not a number.");
            }
            catch (OverflowException)
            {
                throw new UserInputException($"{option}: item {i + 1} ('{parts[i]}') is out of range.");
            }
        }

        return values;
    }

    private static Task Print(CliContext context, string? format, JsonObject json)
        => Emit.Result(context, OutputFormats.Parse(format), () => json, () => CascadeText.Lines(json, csv: true), () => context.Output.WriteAsync(CascadeText.Lines(json, csv: false)));
}
