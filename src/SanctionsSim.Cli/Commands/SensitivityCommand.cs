using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim sensitivity</c>: Sobol indices or Morris screening of scenario levers (which levers drive the
/// collapse probability), or of a built-in test function (<c>--function ishigami|sobol-g</c>) to check the method.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Create(CliContext context)
    {
        var file = ExperimentOptions.ScenarioFile();
        var preset = ExperimentOptions.Preset();
        var param = ExperimentOptions.Param();
        var experiment = ExperimentOptions.ExperimentFileOption();
        var function = new Option<string?>("--function") { Description = "Analyse a built-in test function instead of a scenario: ishigami (a = 7, b = 0.1) or sobol-g (a = 0, 1, 4.5, 9, 99)." }
            .AcceptOnlyFromAmong("ishigami", "sobol-g");
        var (method, samples, metric, runs, levels, bootstrap) = AnalysisOptions();
        var seed = Common.Seed();
        var threads = Common.Threads();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "A folder for the streamed sweep (resumable), sensitivity.json and the tornado chart." };
        var resume = ExperimentOptions.Resume();
        var format = Common.Format();
        var confidence = Common.Confidence();
        var posterior = Common.Posterior();
        var structureOption = Common.Structure();
        var command = new Command("sensitivity", "Global sensitivity analysis: which scenario levers drive an output (Sobol indices or Morris screening, replications per point, the model's noise share reported), or a built-in test function.")
        {
            file, preset, param, experiment, function, method, samples, metric, runs, levels, bootstrap, seed, threads, output, resume, format, confidence, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            int b = parse.GetValue(bootstrap);
            double c = parse.GetValue(confidence);
            string m = parse.GetValue(method)!;
            if (parse.GetValue(function) is not null && (parse.GetValue(posterior) is not null || parse.GetResult(structureOption) is { Implicit: false }))
            {
                throw new UserInputException("--posterior applies to scenarios, not to the built-in test functions (nor does --structure).");
            }

            var structure = parse.GetValue(function) is null ? Common.Structure(parse, structureOption, posterior) : StructureChoice.Medians;
            if (parse.GetValue(function) is not null)
            {
                CheckFunction(b, c);
            }

            return parse.GetValue(function) is string name
                ? await FunctionAsync(context, parse, name, m, parse.GetValue(samples) ?? 4096, b, c, seed, format, levels, token).ConfigureAwait(false)
                : await ScenarioAsync(context, parse, (file, preset, param, experiment), m, b, c, (samples, metric, runs, levels, seed, threads, output, resume, format), structure, token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The options that define an analysis (shared with <c>plan sensitivity</c>).</summary>
    internal static (Option<string> Method, Option<int?> Samples, Option<string> Metric, Option<int> Runs, Option<int> Levels, Option<int> Bootstrap) AnalysisOptions() =>
    (
        new Option<string>("--method", "-m") { Description = "sobol (first-order and total indices, Saltelli design) or morris (elementary effects μ*, σ); default sobol.", DefaultValueFactory = _ => "sobol" }
            .AcceptOnlyFromAmong("sobol", "morris"),
        new Option<int?>("--samples") { Description = "Sobol: N, rows of each sample matrix (N·(k + 2) points); Morris: trajectories (r·(k + 1) points). Default 128 for scenarios, 4096 for functions." },
        new Option<string>("--output") { Description = "The output analysed: collapse (probability), weeks (survived), share (final defected), generals (Jan–Mar defections) or humanitarian; default collapse.", DefaultValueFactory = _ => "collapse" }
            .AcceptOnlyFromAmong("collapse", "weeks", "share", "generals", "humanitarian"),
        ExperimentOptions.RunsPerPoint(64),
        new Option<int>("--levels") { Description = "Morris grid levels (even, default 4).", DefaultValueFactory = _ => 4 },
        new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the intervals.", DefaultValueFactory = _ => 500 }
    );

    private static async Task<int> FunctionAsync(CliContext context, ParseResult parse, string name, string method, int n, int b, double c, Option<ulong> seed, Option<string> format, Option<int> levels, CancellationToken token)
    {
        var analysis = await Task.Run(() => TestFunctionSensitivity.Run(name, method, n, parse.GetValue(levels), parse.GetValue(seed), b, c), token).ConfigureAwait(false);
        if (parse.GetValue(format) == "table")
        {
            await context.Output.WriteLineAsync(analysis.Verdict + Environment.NewLine).ConfigureAwait(false);
        }

        await WriteAsync(context, parse.GetValue(format)!, analysis.Json, () => analysis.Csv, analysis.Table, analysis.Sobol).ConfigureAwait(false);
        return CliApp.Success;
    }

    private static async Task<int> ScenarioAsync(
        CliContext context,
        ParseResult parse,
        (Argument<FileInfo?> File, Option<string?> Preset, Option<string[]> Param, Option<FileInfo?> Experiment) source,
        string method,
        int b,
        double c,
        (Option<int?> Samples, Option<string> Metric, Option<int> Runs, Option<int> Levels, Option<ulong> Seed, Option<int> Threads, Option<DirectoryInfo?> Out, Option<bool> Resume, Option<string> Format) o,
        StructureChoice structure,
        CancellationToken token)
    {
        SensitivityDefinition definition = Resolve(parse, source, method, b, c, o.Samples, o.Metric, o.Runs, o.Levels, o.Seed) with { Posterior = structure.Posterior };
        ExperimentOptions.CheckCommon(definition.Runs, parse.GetValue(o.Threads), c);
        DirectoryInfo? folder = parse.GetValue(o.Out);
        InputFiles.CheckOutFolder(folder);
        if (parse.GetValue(o.Resume) && folder is null)
        {
            throw new UserInputException("--resume needs --out DIR: the sweep's manifest lives in that folder.");
        }

        var analysis = definition.Build(parse.GetValue(o.Threads));
        using SweepDirectory? store = folder is null ? null : new SweepDirectory(Path.Combine(folder.FullName, "sweep"));
        var result = await ExperimentOptions.WithProgressAsync(context with { Cancellation = token }, $"{method} {definition.Scenario.Name}", analysis.Points, (progress, ct) => analysis.RunAsync(store, parse.GetValue(o.Resume), progress, ct)).ConfigureAwait(false);
        return await Report(context, definition, result, parse.GetValue(o.Format)!, folder?.FullName, structure).ConfigureAwait(false);
    }

    /// <summary>The sensitivity analysis the options define (levers, design size, output, replications, seed), resolved so it can be built again anywhere.</summary>
    internal static SensitivityDefinition Resolve(
        ParseResult parse,
        (Argument<FileInfo?> File, Option<string?> Preset, Option<string[]> Param, Option<FileInfo?> Experiment) source,
        string method,
        int bootstrap,
        double confidence,
        Option<int?> samples,
        Option<string> metricOption,
        Option<int> runs,
        Option<int> levels,
        Option<ulong> seed)
    {
        var (scenario, levers, ef) = ExperimentOptions.Load(parse, source.File, source.Preset, source.Param, source.Experiment);
        int r = parse.GetResult(runs) is not { Implicit: false } && ef?.ReplicationsPerPoint is int rr ? rr : parse.GetValue(runs);
        ulong s = parse.GetResult(seed) is not { Implicit: false } && ef?.Seed is ulong es ? es : parse.GetValue(seed);
        var definition = new SensitivityDefinition
        {
            Scenario = scenario, Levers = levers, Method = method, Samples = parse.GetValue(samples) ?? 128, Metric = parse.GetValue(metricOption)!, Levels = SensitivityDefinition.CheckLevels(parse.GetValue(levels)),
            Bootstrap = bootstrap, Runs = r, Seed = s, Confidence = confidence,
        };

        // what is allowed is said once, by the library's SensitivityOptions.Validate (#28 item 3): the points' batch as
        // every sweep's (--runs, --confidence), then the analysis's own options, each named by its flag
        ExperimentOptions.CheckCommon(r, 1, confidence);
        Common.Validate(definition.Options(1).Validate, ("Samples must", "--samples must"), ("Bootstrap must", "--bootstrap must"));
        return definition;
    }

    /// <summary>
    /// <c>--bootstrap</c> and <c>--confidence</c> of a built-in test function's analysis, validated by the library's
    /// <see cref="SensitivityOptions"/> as a scenario's are (the same ranges; the function's own <c>--samples</c> range
    /// is IO's <c>TestFunctionSensitivity</c>).
    /// </summary>
    internal static void CheckFunction(int bootstrap, double confidence)
    {
        ExperimentOptions.CheckCommon(1, 1, confidence);
        Common.Validate(new SensitivityOptions { Bootstrap = bootstrap }.Validate, ("Bootstrap must", "--bootstrap must"));
    }

    /// <summary>Prints the indices and, with a folder, writes sensitivity.json and the tornado chart (also the merge of a planned analysis).</summary>
    internal static async Task<int> Report(CliContext context, SensitivityDefinition d, SensitivityResult result, string format, string? folder, StructureChoice? structure = null)
    {
        string method = d.Method;
        structure ??= d.Posterior is null ? StructureChoice.Medians : new StructureChoice(d.Posterior, "posterior");
        var json = SensitivityText.Json(d, result, structure.Json());
        string title = $"{d.Scenario.Name}: {(method == "morris" ? "Morris screening" : "Sobol indices")} of {d.Metric}, {result.Points:N0} points × {d.Runs} replications; noise share {Rounding.Cell(result.NoiseShare * 100, "F1")} %";
        if (format == "table" && result.Completed)
        {
            await context.Output.WriteLineAsync((method == "morris" ? SensitivityText.MorrisVerdict(result.Morris, d.Metric) : SensitivityText.SobolVerdict(result.Sobol, d.Metric, result.NoiseShare)) + Environment.NewLine).ConfigureAwait(false);
        }

        if (!result.Completed)
        {
            await context.Error.WriteLineAsync(ExperimentOptions.Partial(result.Sweep, folder is null ? null : new DirectoryInfo(folder))).ConfigureAwait(false);
            return CliApp.Failure;
        }

        await WriteAsync(context, format, json, () => SensitivityText.Csv(method, result), SensitivityText.Table(d, result), sobol: method != "morris").ConfigureAwait(false);

        if (format == "table")
        {
            await context.Output.WriteLineAsync(structure.Line()).ConfigureAwait(false);
        }

        if (folder is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "sensitivity.json"), SummaryJson.ToText(json));
            string chartTitle = $"{d.Scenario.Name}: {(method == "morris" ? "Morris screening" : "Sobol indices")} of {d.Metric} ({result.Points:N0} points × {d.Runs} runs)";
            var chart = method == "morris" ? Charts.Tornado(result.Morris, chartTitle) : Charts.Tornado(result.Sobol, chartTitle);
            Charts.Save(chart, Path.Combine(folder, "tornado"), ChartFormat.Both, 1000, 120 + (70 * d.Levers.Count));
            await context.Error.WriteLineAsync($"wrote {folder}: sensitivity.json, tornado.png, tornado.svg, sweep/ ({result.Sweep})").ConfigureAwait(false);
        }

        return CliApp.Success;
    }

    /// <summary>Writes the indices: JSON, CSV, or the table (and, for Sobol indices, what they mean).</summary>
    private static Task WriteAsync(CliContext context, string format, JsonObject json, Func<string> csv, TextTable table, bool sobol)
        => Emit.Result(context, OutputFormats.Parse(format), () => json, csv, () =>
        {
            var console = Common.Console(context.Output, context.Interactive);
            console.Write(Common.Draw(table));
            if (sobol)
            {
                console.WriteLine("Each index is a share of the variance of the output, with its interval: first order, what the input explains alone; total, with its interactions.");
            }
        });
}
