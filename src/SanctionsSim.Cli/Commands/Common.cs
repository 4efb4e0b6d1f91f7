using System.CommandLine;
using System.Globalization;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SanctionsSim.Cli.Commands;

/// <summary>Options and helpers shared by the commands.</summary>
internal static class Common
{
    public static Option<long> Runs(long defaultValue) => new("--runs", "-n")
    {
        Description = "Monte Carlo replications.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<ulong> Seed() => new("--seed", "-s")
    {
        Description = "The experiment seed; the same seed gives the same results on any machine and thread count.",
        DefaultValueFactory = _ => 1UL,
    };

    public static Option<int> Threads() => new("--threads", "-t")
    {
        Description = "Worker threads, or -1 for one per core. Results do not depend on it.",
        DefaultValueFactory = _ => -1,
    };

    /// <summary>The <c>--format</c> option, default <c>table</c>, accepting <paramref name="formats"/> (table, json and csv if none are given).</summary>
    public static Option<string> Format(params string[] formats)
    {
        string[] accepted = formats.Length > 0 ? formats : ["table", "json", "csv"];
        return new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", accepted[..^1])} or {accepted[^1]}.",
            DefaultValueFactory = _ => "table",
        }.AcceptOnlyFromAmong(accepted);
    }

    public static Option<DirectoryInfo?> Out() => new("--out", "-o")
    {
        Description = "A folder to write the summary, per-run outcomes, percentile paths and plots into.",
    };

    public static Option<FileInfo?> Report() => new("--report")
    {
        Description = "Also write a self-contained HTML report to this file: the verdict, the tables, the charts, the glossary, the scenario and how to reproduce it.",
    };

    public static Option<string?> Posterior() => new("--posterior")
    {
        Description = "Draw each replication's structural parameters from a posterior: 'default' (the calibration on six historical cases shipped with the package) or a posterior.json written by 'sanctionssim calibrate'. Intervals then include the uncertainty about the structure.",
    };

    /// <summary>The historical cases named by a repeatable option such as <c>--case</c> (every case of the case base when it is not given); an unknown name is the user's mistake, said with the option's name.</summary>
    public static List<Calibration.HistoricalCase> Cases(ParseResult parse, Option<string[]> option)
    {
        var cases = new List<Calibration.HistoricalCase>();
        foreach (string name in parse.GetValue(option) is { Length: > 0 } given ? given : [.. Calibration.HistoricalCases.Names])
        {
            try
            {
                cases.Add(Calibration.HistoricalCases.Get(name));
            }
            catch (ArgumentException e)
            {
                throw new UserInputException($"{option.Name}: " + e.Message.Split(" (Parameter")[0]);
            }
        }

        return cases;
    }

    /// <summary><c>--facts</c>: draw a historical case's uncertain facts within their ranges per run, or hold them at their best estimates.</summary>
    public static Option<string> Facts() => new Option<string>("--facts")
    {
        Description = "For a case of the case base: 'ranges' draws each uncertain fact within its sourced range per run (docs/cases.md), 'fixed' holds every fact at its best estimate.",
        DefaultValueFactory = _ => "ranges",
    }.AcceptOnlyFromAmong("ranges", "fixed");

    /// <summary>The line that says a run drew a case's facts within their ranges.</summary>
    public static string FactsLine(IReadOnlyList<Scenarios.Cases.FactRange> ranges)
        => $"facts: {ranges.Count} uncertain facts of the case drawn within their sourced ranges in every run (docs/cases.md); --facts fixed holds them at their best estimates.";

    /// <summary>The <c>--structure</c> option.</summary>
    public static Option<string> Structure() => new Option<string>("--structure")
    {
        Description = "The structural parameters (docs/calibration.md): 'posterior' (the default) draws each run's from a posterior, the one shipped with the package or --posterior FILE, so the intervals include what the calibration leaves unknown; 'medians' holds them at the posterior medians, the library's defaults (the results before 0.2.0, narrower than the evidence supports).",
        DefaultValueFactory = _ => StructureChoice.PosteriorValue,
    }.AcceptOnlyFromAmong(StructureChoice.PosteriorValue, StructureChoice.MediansValue);

    /// <summary>The structure chosen by <c>--structure</c> and <c>--posterior</c> (<see cref="StructureChoice.Resolve"/>).</summary>
    public static StructureChoice Structure(ParseResult parse, Option<string> structure, Option<string?> posterior)
        => StructureChoice.Resolve(parse.GetValue(structure), parse.GetValue(posterior));

    public static Option<double> Confidence() => new("--confidence")
    {
        Description = "Confidence level of the intervals.",
        DefaultValueFactory = _ => 0.95,
    };

    /// <summary>Monte Carlo options from the common flags, validated by the library (<see cref="MonteCarloRunner.Validate"/>); its message names each option as the library does and as it is typed here.</summary>
    public static MonteCarloOptions MonteCarlo(long runs, ulong seed, int threads, double confidence)
    {
        var options = new MonteCarloOptions { Replications = runs, Seed = seed, MaxDegreeOfParallelism = threads, Confidence = confidence };
        try
        {
            MonteCarloRunner.Validate(options);
        }
        catch (SanctionsSim.Validation.InvalidInputException e)
        {
            throw new UserInputException(Flags(e.Message), e);
        }

        return options;
    }

    /// <summary>
    /// Runs a library options type's validation (what is allowed is said there, once); a refusal is the user's mistake,
    /// told with each option named as it is typed here: <paramref name="names"/> pairs a property's words with the flag's
    /// (after Confidence and MaxDegreeOfParallelism, named alike everywhere).
    /// </summary>
    public static void Validate(Action validate, params (string From, string To)[] names)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            string message = e.Message.Split(" (Parameter")[0].Replace("Confidence must", "--confidence must", StringComparison.Ordinal).Replace("MaxDegreeOfParallelism must", "--threads must", StringComparison.Ordinal);
            foreach (var (from, to) in names)
            {
                message = message.Replace(from, to, StringComparison.Ordinal);
            }

            throw new UserInputException(message, e);
        }
    }

    /// <summary>A library message about <see cref="MonteCarloOptions"/>, alone or a design point's (<c>MonteCarlo.</c>), with each option also named by its flag (<c>--runs (Replications) must be …</c>).</summary>
    public static string Flags(string message)
    {
        foreach (var (property, flag) in (ReadOnlySpan<(string, string)>)[("Replications", "--runs"), ("MaxDegreeOfParallelism", "--threads"), ("Confidence", "--confidence")])
        {
            message = System.Text.RegularExpressions.Regex.Replace(message, $@"(?<![\w(.])((?:MonteCarlo\.)?){property} must", $"{flag} ($1{property}) must");
        }

        return message;
    }

    /// <summary>Runs a batch, with a progress bar on the error stream when it is a terminal, and a line at every tenth when it is not.</summary>
    public static Task<MonteCarloResult<T>> RunWithProgressAsync<T>(CliContext context, string label, long total, Func<IProgress<MonteCarloProgress>?, CancellationToken, MonteCarloResult<T>> run)
        where T : class
        => WithProgressAsync(context, label, "runs", total, (counter, token) => Task.FromResult(run(counter.ForBatch(), token)));

    /// <summary>
    /// The command line's one progress display: runs a job on the thread pool with its progress on the error stream,
    /// a bar when it is a terminal, else a line at every tenth (<see cref="ProgressLines"/>, the same on every machine).
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(CliContext context, string label, string unit, long total, Func<IProgressCounter, CancellationToken, Task<T>> run)
    {
        if (!context.Interactive)
        {
            var lines = new ProgressLines(context.Error, label, unit);
            return await Task.Run(() => run(lines, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(label, maxValue: total);
                result = await Task.Run(() => run(new Bar(task, label), context.Cancellation), CancellationToken.None).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>A console that writes to the given writer (plain text when it is not a terminal).</summary>
    public static IAnsiConsole Console(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>The glossary (<c>--explain</c>) or the line that says where it is.</summary>
    public static string Explain(bool explain)
        => explain ? Environment.NewLine + "What the terms mean:" + Environment.NewLine + Glossary.Text() : "Run with --explain for what each term means (or see docs/glossary.md).";

    /// <summary>Adds a row of plain text cells (no markup: results contain brackets).</summary>
    private static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());

    /// <summary>Draws a result's table (<see cref="TextTable"/>) with rounded borders; headers, title and cells are plain text.</summary>
    public static Table Draw(TextTable text)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (text.Title is string title)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var (header, right) in text.Columns)
        {
            table.AddColumn(right ? new TableColumn(Markup.Escape(header)).RightAligned() : new TableColumn(Markup.Escape(header)));
        }

        foreach (string[] row in text.Rows)
        {
            Row(table, row);
        }

        return table;
    }

    /// <summary>A job's progress as a bar: its stage and detail (a calibration's generation, tolerance and simulations) beside the label.</summary>
    private sealed class Bar(ProgressTask task, string label) : IProgressCounter
    {
        public void Report(long done, long total, string? stage = null, string? detail = null)
        {
            task.MaxValue = total;
            task.Description = stage is null ? label : $"{label}: {stage}" + (detail is null ? "" : ", " + detail);
            task.Value = done;
        }
    }

    /// <summary>Units per second, from Spectre's own speed estimate.</summary>
    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
            => new Text(task.Speed is double speed ? $"{speed:N0} {unit}/s" : "", new Style(Color.Grey));
    }
}
