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

/// <summary><c>run --rare-event</c>: the probability of a rare collapse by splitting or importance sampling, with its interval.</summary>
internal static class RareEventRun
{
    public static Option<bool> Flag() => new("--rare-event") { Description = "Estimate a rare collapse's probability instead of plain Monte Carlo: by default importance sampling, with a shift fitted by a splitting pilot; --rare-method splitting or path for multilevel splitting (score: the defected share over the critical share); see docs/rare-events.md." };

    public static Option<string> Method() => new Option<string>("--rare-method")
    {
        Description = "With --rare-event: importance (default: a splitting pilot on the random inputs fits an importance-sampling shift), splitting (sequential Monte Carlo on the random inputs) or path (adaptive multilevel splitting on the weekly randomness).",
        DefaultValueFactory = _ => "importance",
    }.AcceptOnlyFromAmong("importance", "splitting", "path");

    public static Option<int> PilotParticles() => new("--pilot-particles") { Description = "With --rare-event and --rare-method importance or splitting: particles of the pilot run that fixes the levels, moves and shift (10 to 1,000,000).", DefaultValueFactory = _ => 500 };

    public static Option<int> Particles() => new("--particles") { Description = "With --rare-event: samples or paths per run (importance, path: 2 to 1,000,000; splitting: 10 to 1,000,000).", DefaultValueFactory = _ => 200 };

    public static Option<int> Runs() => new("--splitting-runs") { Description = "With --rare-event: independent splitting runs averaged into the estimate; their spread gives its interval (2 to 100,000).", DefaultValueFactory = _ => 20 };

    public static async Task<int> RunAsync(CliContext context, Scenario scenario, RareEventSettings request, DirectoryInfo? output, bool resume, string? format, bool detail, CancellationToken token)
    {
        var options = new SplittingOptions { Particles = request.Particles, Runs = request.Runs, Seed = request.Seed, Confidence = request.Confidence, MaxDegreeOfParallelism = request.Threads };
        var inputOptions = new InputSplittingOptions
        {
            Particles = request.Particles, Runs = request.Runs, PilotParticles = request.PilotParticles, Seed = request.Seed, Confidence = request.Confidence, MaxDegreeOfParallelism = request.Threads,
            Method = request.Method == "splitting" ? InputSplittingMethod.Splitting : InputSplittingMethod.ImportanceSampling,
        };
        try
        {
            if (request.Method == "path")
            {
                options.Validate();
            }
            else
            {
                inputOptions.Validate();
            }
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message.Replace("PilotParticles must", "--pilot-particles must", StringComparison.Ordinal).Replace("Particles must", "--particles must", StringComparison.Ordinal).Replace("Runs must", "--splitting-runs must", StringComparison.Ordinal)
                .Replace("Confidence must", "--confidence must", StringComparison.Ordinal).Replace("MaxDegreeOfParallelism must", "--threads must", StringComparison.Ordinal));
        }

        var model = new ScenarioSplitting(scenario);
        string? folder = output?.FullName;
        var completed = new List<SplittingRun>();
        string settings = Settings(scenario, request).ToJsonString(); // what identifies this estimate: computed once, written with every run
        SplittingLevels? pilot = null;
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

            string pilotFile = Path.Combine(runs, "pilot.json");
            if (File.Exists(pilotFile) && request.Method != "path")
            {
                if (!resume)
                {
                    throw new UserInputException($"{folder} already holds a pilot run; pass --resume to continue or choose another --out.");
                }

                pilot = ReadPilot(pilotFile, settings, model.Target);
            }

            Directory.CreateDirectory(runs);
        }

        var lines = context.Interactive ? null : new ProgressLines(context.Error, $"rare event {scenario.Name}", "splitting runs");
        long done = completed.Count;
        void Save(SplittingRun run)
        {
            lines?.Report(Interlocked.Increment(ref done), request.Runs);
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
            result = await Task.Run(
                () =>
                {
                    if (request.Method == "path")
                    {
                        return AdaptiveMultilevelSplitting.Estimate(model, options, completed, Save, token);
                    }

                    if (pilot is null)
                    {
                        pilot = InputSplitting.Pilot(model, inputOptions, token);
                        if (folder is not null)
                        {
                            AtomicFile.WriteAllText(Path.Combine(folder, "splitting", "pilot.json"), PilotJson(pilot, settings).ToJsonString() + "\n");
                        }
                    }

                    return InputSplitting.Estimate(model, inputOptions, pilot, completed, Save, token);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled" + (folder is null ? "" : $"; the finished splitting runs are saved in {folder}: run again with --resume")).ConfigureAwait(false);
            return CliApp.Failure;
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"The rare-event estimate cannot proceed: {e.Message}");
        }

        var json = Json(scenario, request, result);
        json["structure"] = StructureChoice.Medians.Json(); // --rare-event runs at the medians (#27 item 1)
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
            context.Output.WriteLine(Verdict(scenario, request.Method, result));
            console.WriteLine();
            var (pe, plo, phi) = Rounding.Percent(result.Probability, result.Interval.Lower, result.Interval.Upper, result.StandardError);
            var table = Common.Titled($"{scenario.Name}: P(collapse within {scenario.Weeks} weeks) by {MethodName(request.Method)}")
                .AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
            Common.Row(table, "probability", Rounding.OneIn(result.Probability) is string oneIn ? $"{pe} ({oneIn})" : pe);
            Common.Row(table, $"{result.Confidence.ToString("P0", CultureInfo.InvariantCulture)} interval", $"{plo} to {phi}");
            Common.Row(table, "standard error (relative)", $"{Rounding.Percent(result.StandardError, result.StandardError / 10)} ({(double.IsFinite(result.RelativeError) ? Rounding.Fixed(result.RelativeError * 100, 1) + " %" : "∞")})");
            Common.Row(table, request.Method == "importance" && result.Levels?.Shift.Count > 0 ? "batches × samples each" : "splitting runs × paths each", $"{result.Runs.Count} × {result.Particles}");
            if (detail && result.Levels is { } levels)
            {
                Common.Row(table, "pilot: levels of the score (defected share ÷ critical share)", string.Join(", ", levels.Levels.Select(l => Rounding.Fixed(l, 2))));
                Common.Row(table, "pilot: replications", levels.Paths.ToString("N0", CultureInfo.InvariantCulture));
                if (request.Method == "importance")
                {
                    Common.Row(table, "importance shift (inputs pushed toward collapse, in standard deviations)", levels.Shift.Count == 0 ? "none found: splitting runs instead" : string.Join(", ", levels.Shift.Select(c => $"{CoordinateName(c.Block, c.Coordinate)} → {Rounding.Fixed(c.Mean, 1)}")));
                }
            }

            Common.Row(table, "replications simulated (all, in full)", result.Paths.ToString("N0", CultureInfo.InvariantCulture));
            Common.Row(table, "plain Monte Carlo for the same error", double.IsFinite(result.MonteCarloEquivalent) ? $"{result.MonteCarloEquivalent.ToString("N0", CultureInfo.InvariantCulture)} replications (this estimate is {Rounding.Fixed(result.Speedup, result.Speedup >= 10 ? 0 : 1)}× as efficient)" : "—");
            Common.Row(table, "runs with no hit (estimate 0)", result.Extinctions.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
            if (Warning(result) is string warning)
            {
                console.MarkupLine("[yellow]" + Markup.Escape(warning) + "[/]");
            }

            if (!detail && result.Levels is not null)
            {
                console.WriteLine("Run with --detail for the pilot's levels and the importance shift.");
            }

            context.Output.WriteLine("Structural parameters held at the posterior medians: --rare-event does not draw them from a posterior, so its interval leaves the structural uncertainty out.");
        }

        return CliApp.Success;
    }

    private static JsonObject Settings(Scenario scenario, RareEventSettings request)
    {
        var node = new JsonObject
        {
            ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
            ["seed"] = request.Seed,
            ["particles"] = request.Particles,
            ["runs"] = request.Runs,
        };
        if (request.Method != "path")
        {
            node["method"] = request.Method;
            node["pilotParticles"] = request.PilotParticles;
        }

        return node;
    }

    /// <summary>When the runs cannot carry the interval: none, or too few of them, reached the target.</summary>
    internal static string? Warning(SplittingResult result)
    {
        int hits = result.Runs.Count - result.Extinctions;
        string pilot = result.Levels is { } levels ? string.Create(CultureInfo.InvariantCulture, $" (the pilot's own rough estimate: {Rounding.Percent(levels.PilotEstimate, levels.PilotEstimate / 2)})") : "";
        if (hits == 0)
        {
            return $"No run reached the target: 0 is not an estimate with an error bar, only a sign that the probability is too small for these settings{pilot}. Raise --particles or --splitting-runs.";
        }

        return hits < Math.Max(3, result.Runs.Count / 2)
            ? $"Only {hits} of {result.Runs.Count} runs reached the target: the interval rests on few of them{pilot}. Raise --particles or --splitting-runs."
            : null;
    }

    /// <summary>The one-sentence verdict: how likely a collapse is, in words and as "about 1 in N", and how precise.</summary>
    internal static string Verdict(Scenario scenario, string method, SplittingResult result)
    {
        var (pe, plo, phi) = Rounding.Percent(result.Probability, result.Interval.Lower, result.Interval.Upper, result.StandardError);
        if (result.Runs.Count == result.Extinctions)
        {
            return $"Verdict: no run of the {MethodName(method)} reached a collapse within {scenario.Weeks} weeks, so this estimate cannot say how small its probability is (see the warning below).";
        }

        string word = Readable.Likelihood(Math.Max(0, result.Interval.Lower), Math.Min(1, result.Interval.Upper)) is string w ? $"is {w}" : "cannot yet be put in words";
        string oneIn = Rounding.OneIn(result.Probability) is string o ? $"{o}, " : "";
        string error = double.IsFinite(result.RelativeError) ? $" with a relative error of {Rounding.Fixed(result.RelativeError * 100, 1)} %" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Verdict: under these assumptions, a collapse of the regime within {scenario.Weeks} weeks {word}: {oneIn}{pe} ({result.Confidence:P0} interval {plo} to {phi}), estimated by {MethodName(method)}{error}.");
    }

    private static string MethodName(string method) => method switch
    {
        "path" => "adaptive multilevel splitting on the weekly randomness",
        "splitting" => "sequential Monte Carlo on the random inputs",
        _ => "importance sampling fitted by a splitting pilot",
    };

    private static string CoordinateName(int block, int coordinate) => block == 0 && coordinate == 0 ? "officers[0] (the corps' cohesion)" : $"{BlockName(block)}[{coordinate}]";

    private static string BlockName(int block) => block switch
    {
        0 => "officers",
        1 => "ties",
        2 => "contact orders",
        3 => "events",
        4 => "weeks",
        _ => $"block {block}",
    };

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject PilotJson(SplittingLevels pilot, string settings) => new()
    {
        ["settings"] = JsonNode.Parse(settings),
        ["levels"] = Numbers(pilot.Levels),
        ["correlations"] = Numbers(pilot.Correlations),
        ["acceptance"] = Numbers(pilot.Acceptance),
        ["pilotEstimate"] = pilot.PilotEstimate,
        ["paths"] = pilot.Paths,
        ["shift"] = new JsonArray([.. pilot.Shift.Select(c => (JsonNode)new JsonObject { ["block"] = c.Block, ["coordinate"] = c.Coordinate, ["mean"] = c.Mean })]),
    };

    private static SplittingLevels ReadPilot(string file, string settings, double target)
    {
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? throw new JsonException("empty");
            if (node["settings"]?.ToJsonString() != settings)
            {
                throw new UserInputException($"{file} belongs to another estimate (other scenario, seed, method or particles): --resume continues only the same one.");
            }

            JsonArray Array(JsonObject o, string name) => o[name] as JsonArray ?? throw new JsonException($"no array '{name}'");
            JsonNode Value(JsonObject o, string name) => o[name] ?? throw new JsonException($"no value '{name}'");
            double[] Doubles(string name) => Array(node, name).Select(v => (double)(v ?? throw new JsonException($"a null in '{name}'"))).ToArray();
            var pilot = new SplittingLevels
            {
                Levels = Doubles("levels"),
                Correlations = Doubles("correlations"),
                Acceptance = Doubles("acceptance"),
                PilotEstimate = (double)Value(node, "pilotEstimate"),
                Paths = (long)Value(node, "paths"),
                Shift = Array(node, "shift").Select(c => c as JsonObject ?? throw new JsonException("a shift entry is not an object"))
                    .Select(c => new MonteCarlo.ShiftedCoordinate { Block = (int)Value(c, "block"), Coordinate = (int)Value(c, "coordinate"), Mean = (double)Value(c, "mean") }).ToArray(),
            };
            _ = new MonteCarlo.InputShift(pilot.Shift); // checks blocks, coordinates and means
            pilot.Validate(target);
            return pilot;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new UserInputException($"{file} is damaged ({e.Message}); delete it and run again with --resume (the pilot is redone).");
        }
    }

    private static JsonObject Json(Scenario scenario, RareEventSettings request, SplittingResult result) => new()
    {
        ["scenario"] = scenario.Name,
        ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
        ["weeks"] = scenario.Weeks,
        ["method"] = request.Method switch
        {
            "path" => "adaptive multilevel splitting on the weekly randomness (Cérou & Guyader 2007; ties as in Bréhier, Gazeau, Goudenège, Lelièvre & Rousset 2016)",
            "splitting" => "sequential Monte Carlo on the random inputs with fixed levels (Cérou, Del Moral, Furon & Guyader 2012)",
            _ => result.Levels?.Shift.Count > 0 ? "importance sampling (defensive mixture, Hesterberg 1995) with a shift fitted by a sequential Monte Carlo pilot on the random inputs" : "sequential Monte Carlo on the random inputs (the pilot found no coordinate to shift)",
        },
        ["levels"] = result.Levels is null ? null : Numbers(result.Levels.Levels),
        ["shift"] = result.Levels is null ? null : new JsonArray([.. result.Levels.Shift.Select(c => (JsonNode)new JsonObject { ["block"] = BlockName(c.Block), ["coordinate"] = c.Coordinate, ["mean"] = c.Mean })]),
        ["pilotPaths"] = result.Levels?.Paths,
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
        ["warning"] = Warning(result),
        ["packageVersion"] = SummaryJson.PackageVersion,
        ["estimates"] = Numbers(result.Runs.Select(r => r.Estimate)),
    };
}

/// <summary>What <c>run --rare-event</c> was asked: method, sizes, seed.</summary>
internal sealed record RareEventSettings(string Method, int Particles, int Runs, int PilotParticles, ulong Seed, double Confidence, int Threads);
