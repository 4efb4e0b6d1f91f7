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

    /// <summary>The posterior named by --posterior, or null.</summary>
    /// <summary><c>--facts</c>: draw a historical case's uncertain facts within their ranges per run, or hold them at their best estimates.</summary>
    public static Option<string> Facts() => new Option<string>("--facts")
    {
        Description = "For a case of the case base: 'ranges' draws each uncertain fact within its sourced range per run (docs/cases.md), 'fixed' holds every fact at its best estimate.",
        DefaultValueFactory = _ => "ranges",
    }.AcceptOnlyFromAmong("ranges", "fixed");

    /// <summary>
    /// The ranges of a case's uncertain facts when the scenario is a case of the case base given by name (not a file,
    /// not a built-in scenario) and <c>--facts ranges</c>; ranges whose field the scenario no longer holds (events cut
    /// by --weeks) are dropped. Empty otherwise.
    /// </summary>
    public static IReadOnlyList<Scenarios.Cases.FactRange> FactRanges(FileInfo? file, string? preset, string facts, Scenario scenario)
    {
        if (file is not null || preset is null || facts != "ranges" || Presets.IsBuiltIn(preset) || !Scenarios.Cases.CaseBase.Contains(preset))
        {
            return [];
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(ScenarioJson.Write(scenario))!;
        return [.. Scenarios.Cases.CaseBase.Get(preset).Ranges.Where(r => Scenarios.Cases.CaseFile.Navigate(json, r.Path) is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out double x) && Math.Abs(x - r.Mode) <= 1e-9 * Math.Max(1, Math.Abs(x)))];
    }

    /// <summary>The line that says a run drew a case's facts within their ranges.</summary>
    public static string FactsLine(IReadOnlyList<Scenarios.Cases.FactRange> ranges)
        => $"facts: {ranges.Count} uncertain facts of the case drawn within their sourced ranges in every run (docs/cases.md); --facts fixed holds them at their best estimates.";

    public static Calibration.Posterior? LoadPosterior(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value == "default")
        {
            return Calibration.Posterior.Default;
        }

        if (!File.Exists(value))
        {
            throw new UserInputException($"--posterior '{value}': no such file; give 'default' or a posterior.json written by 'sanctionssim calibrate'.");
        }

        try
        {
            if (LooksLikeScenario(value))
            {
                throw new UserInputException($"--posterior '{value}' is a scenario file, not a posterior: give the scenario as FILE (or --preset), and as --posterior 'default' or a posterior.json written by 'sanctionssim calibrate --out DIR'.");
            }

            using var stream = File.OpenRead(value);
            return new Calibration.Posterior(Calibration.AbcPopulation.ReadFrom(stream));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new UserInputException($"--posterior '{value}': {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Whether a JSON file holds a scenario (a "factions" or "schemaVersion" field at the top), to tell a student who passed one where another file was meant.</summary>
    private static bool LooksLikeScenario(string path)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node is System.Text.Json.Nodes.JsonObject o && (o.ContainsKey("factions") || o.ContainsKey("schemaVersion"));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

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

    /// <summary>A library message about <see cref="MonteCarloOptions"/> with each option also named by its flag (<c>--runs (Replications) must be …</c>).</summary>
    public static string Flags(string message)
    {
        foreach (var (property, flag) in (ReadOnlySpan<(string, string)>)[("Replications", "--runs"), ("MaxDegreeOfParallelism", "--threads"), ("Confidence", "--confidence")])
        {
            message = System.Text.RegularExpressions.Regex.Replace(message, $@"(?<![\w(]){property} must", $"{flag} ({property}) must");
        }

        return message;
    }

    /// <summary>The scenario of a command that takes a scenario FILE or <c>--preset NAME</c> (not both; neither: the default preset).</summary>
    public static Scenario FileOrPreset(FileInfo? file, string? preset)
    {
        if (file is not null && preset is not null)
        {
            throw new UserInputException("Give either a scenario FILE or --preset, not both.");
        }

        return file is not null ? ScenarioJson.ReadFile(file.FullName) : LoadScenario(preset ?? Presets.Default);
    }

    /// <summary>A scenario from a file path or a preset name.</summary>
    public static Scenario LoadScenario(string source)
    {
        if (File.Exists(source))
        {
            return ScenarioJson.ReadFile(source);
        }

        if (Presets.Names.Contains(source))
        {
            return Presets.Get(source);
        }

        string? guess = SanctionsSim.Internal.Suggest.Closest(source, Presets.Names);
        string hint = source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || source.Contains('/') || source.Contains('\\')
            ? "no such file"
            : guess is not null
                ? $"not a file, and not a preset; did you mean '{guess}'? ('sanctionssim presets' lists them)"
                : "not a file, and not a preset; presets: " + string.Join(", ", Presets.Names);
        throw new UserInputException($"'{source}': {hint}.");
    }

    /// <summary>Runs a batch, with a progress bar on the error stream when it is a terminal, and a line at every tenth when it is not.</summary>
    public static async Task<MonteCarloResult<T>> RunWithProgressAsync<T>(CliContext context, string label, long total, Func<IProgress<MonteCarloProgress>?, CancellationToken, MonteCarloResult<T>> run)
        where T : class
    {
        if (!context.Interactive)
        {
            var lines = new Output.ProgressLines(context.Error, label, "runs").ForBatch();
            return await Task.Run(() => run(lines, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        MonteCarloResult<T>? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(label, maxValue: total);
                var sink = new Progress(task);
                result = await Task.Run(() => run(sink, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
                task.Value = result.Replications;
            }).ConfigureAwait(false);
        return result!;
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

    /// <summary>Adds a row of plain text cells (no markup: results contain brackets).</summary>
    public static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());

    /// <summary>A table with a plain-text title.</summary>
    public static Table Titled(string title) => new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));

    /// <summary>A number for a table; a "G" format (general, which switches to exponents) becomes that many significant digits in plain decimals.</summary>
    public static string F(double value, string format = "G6")
        => double.IsNaN(value) ? "—"
            : format.Length > 1 && format[0] == 'G' && int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int digits) ? Rounding.Significant(value, digits)
            : value.ToString(format, CultureInfo.InvariantCulture);

    public static void CheckOutFolder(DirectoryInfo? folder)
    {
        if (folder is null)
        {
            return;
        }

        if (File.Exists(folder.FullName))
        {
            throw new UserInputException($"--out: '{folder.FullName}' is a file, not a folder.");
        }

        // find out now, not after the batch, whether the folder can be written: create it and a probe file (and leave no trace)
        try
        {
            string? created = Directory.Exists(folder.FullName) ? null : folder.FullName;
            Directory.CreateDirectory(folder.FullName);
            string probe = Path.Combine(folder.FullName, ".sanctionssim-write-check");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            if (created is not null)
            {
                Directory.Delete(created);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--out: cannot write to the folder '{folder.FullName}' ({e.Message}); give a folder you can write, for example --out results/run1.");
        }
    }

    /// <summary>Reports a chunk's progress as progress through the whole batch.</summary>
    public sealed class Offset(IProgress<MonteCarloProgress> inner, long done, long total) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => inner.Report(new MonteCarloProgress(done + value.Completed, total));
    }

    private sealed class Progress(ProgressTask task) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => task.Value = value.Completed;
    }

    /// <summary>Replications per second, from Spectre's own speed estimate.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
            => new Text(task.Speed is double speed ? $"{speed:N0} runs/s" : "", new Style(Color.Grey));
    }
}
