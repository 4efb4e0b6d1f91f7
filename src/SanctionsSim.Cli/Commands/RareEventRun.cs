using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>run --rare-event</c>: the probability of a rare collapse by adaptive multilevel splitting, with its interval.</summary>
internal static class RareEventRun
{
    public static Option<bool> Flag() => new("--rare-event") { Description = "Estimate a rare collapse's probability by adaptive multilevel splitting (score: the defected share over the critical share) instead of plain Monte Carlo; see docs/rare-events.md." };

    public static Option<int> Particles() => new("--particles") { Description = "With --rare-event: paths per splitting run (2 to 1,000,000).", DefaultValueFactory = _ => 200 };

    public static Option<int> Runs() => new("--splitting-runs") { Description = "With --rare-event: independent splitting runs averaged into the estimate; their spread gives its interval (2 to 100,000).", DefaultValueFactory = _ => 20 };

    public static async Task<int> RunAsync(CliContext context, Scenario scenario, SplittingOptions options, DirectoryInfo? output, bool resume, string? format, CancellationToken token)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message.Replace("Particles must", "--particles must", StringComparison.Ordinal).Replace("Runs must", "--splitting-runs must", StringComparison.Ordinal)
                .Replace("Confidence must", "--confidence must", StringComparison.Ordinal).Replace("MaxDegreeOfParallelism must", "--threads must", StringComparison.Ordinal));
        }

        var model = new ScenarioSplitting(scenario);
        string? folder = output?.FullName;
        var completed = new List<SplittingRun>();
        string settings = Settings(scenario, options).ToJsonString(); // what identifies this estimate: computed once, written with every run
        if (folder is not null)
        {
            string runs = Path.Combine(folder, "splitting");
            var saved = Directory.Exists(runs) ? Directory.GetFiles(runs, "run-*.json") : [];
            if (saved.Length > 0 && !resume)
            {
                throw new UserInputException($"{folder} already holds {saved.Length} splitting runs; pass --resume to continue them or choose another --out.");
            }

            foreach (string file in saved.Order(StringComparer.Ordinal))
            {
                JsonObject node;
                try
                {
                    node = JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? throw new JsonException("empty");
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    throw new UserInputException($"{file} is damaged ({e.Message}); delete it and run again with --resume (that run is redone).");
                }

                if (node["settings"]!.ToJsonString() != settings)
                {
                    throw new UserInputException($"{file} belongs to another estimate (other scenario, seed, particles or runs): --resume continues only the same one.");
                }

                completed.Add(new SplittingRun { Index = (int)node["index"]!, Estimate = (double)node["estimate"]!, Iterations = (long)node["iterations"]!, Paths = (long)node["paths"]!, Extinct = (bool)node["extinct"]! });
            }

            Directory.CreateDirectory(runs);
        }

        void Save(SplittingRun run)
        {
            if (folder is null)
            {
                return;
            }

            var node = new JsonObject
            {
                ["settings"] = JsonNode.Parse(settings),
                ["index"] = run.Index, ["estimate"] = run.Estimate, ["iterations"] = run.Iterations, ["paths"] = run.Paths, ["extinct"] = run.Extinct,
            };
            AtomicFile.WriteAllText(Path.Combine(folder, "splitting", $"run-{run.Index:D5}.json"), node.ToJsonString() + "\n");
        }

        SplittingResult result;
        try
        {
            result = await Task.Run(() => AdaptiveMultilevelSplitting.Estimate(model, options, completed, Save, token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled" + (folder is null ? "" : $"; the finished splitting runs are saved in {folder}: run again with --resume")).ConfigureAwait(false);
            return CliApp.Failure;
        }

        var json = Json(scenario, result);
        if (folder is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "rare-event.json"), SummaryJson.ToText(json));
        }

        if (format == "json")
        {
            await context.Output.WriteAsync(SummaryJson.ToText(json)).ConfigureAwait(false);
        }
        else if (format == "csv")
        {
            await context.Output.WriteAsync("run,estimate,iterations,paths,extinct\n" + string.Concat(result.Runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Index},{r.Estimate:R},{r.Iterations},{r.Paths},{(r.Extinct ? "true" : "false")}\n")))).ConfigureAwait(false);
        }
        else
        {
            var console = Common.Console(context.Output, context.Interactive);
            var table = Common.Titled($"{scenario.Name}: P(collapse within {scenario.Weeks} weeks) by adaptive multilevel splitting")
                .AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
            Common.Row(table, "probability", result.Probability.ToString("G4", CultureInfo.InvariantCulture));
            Common.Row(table, $"{result.Confidence:P0} interval", $"[{result.Interval.Lower.ToString("G4", CultureInfo.InvariantCulture)}, {result.Interval.Upper.ToString("G4", CultureInfo.InvariantCulture)}]");
            Common.Row(table, "standard error (relative)", $"{result.StandardError.ToString("G3", CultureInfo.InvariantCulture)} ({(double.IsFinite(result.RelativeError) ? result.RelativeError.ToString("P1", CultureInfo.InvariantCulture) : "∞")})");
            Common.Row(table, "splitting runs × paths each", $"{result.Runs.Count} × {result.Particles}");
            Common.Row(table, "paths simulated (clones replayed in full)", result.Paths.ToString("N0", CultureInfo.InvariantCulture));
            Common.Row(table, "plain Monte Carlo for the same error", double.IsFinite(result.MonteCarloEquivalent) ? $"{result.MonteCarloEquivalent.ToString("N0", CultureInfo.InvariantCulture)} replications (splitting is {result.Speedup.ToString("G3", CultureInfo.InvariantCulture)}× as efficient)" : "—");
            Common.Row(table, "extinct runs (estimate 0)", result.Extinctions.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
        }

        return CliApp.Success;
    }

    private static JsonObject Settings(Scenario scenario, SplittingOptions options) => new()
    {
        ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
        ["seed"] = options.Seed,
        ["particles"] = options.Particles,
        ["runs"] = options.Runs,
    };

    private static JsonObject Json(Scenario scenario, SplittingResult result) => new()
    {
        ["scenario"] = scenario.Name,
        ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
        ["weeks"] = scenario.Weeks,
        ["method"] = "adaptive multilevel splitting (Cérou & Guyader 2007; ties as in Bréhier, Gazeau, Goudenège, Lelièvre & Rousset 2016)",
        ["seed"] = result.Seed,
        ["particles"] = result.Particles,
        ["runs"] = result.Runs.Count,
        ["collapseProbability"] = result.Probability,
        ["standardError"] = result.StandardError,
        ["relativeError"] = double.IsFinite(result.RelativeError) ? result.RelativeError : null,
        ["confidence"] = result.Confidence,
        ["lower"] = result.Interval.Lower,
        ["upper"] = result.Interval.Upper,
        ["paths"] = result.Paths,
        ["monteCarloEquivalent"] = double.IsFinite(result.MonteCarloEquivalent) ? result.MonteCarloEquivalent : null,
        ["extinctRuns"] = result.Extinctions,
        ["packageVersion"] = SummaryJson.PackageVersion,
        ["estimates"] = new JsonArray([.. result.Runs.Select(r => (JsonNode)JsonValue.Create(r.Estimate))]),
    };
}
