using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;

namespace SanctionsSim.IO.Jobs;

/// <summary>What <c>run --rare-event</c> was asked: method, sizes, seed, and the structure (the medians unless <see cref="Structure"/> says otherwise).</summary>
internal sealed record RareEventSettings(string Method, int Particles, int Runs, int PilotParticles, ulong Seed, double Confidence, int Threads)
{
    /// <summary>The structure the runs use: drawn from a posterior (one more random input of the estimate) or at the medians.</summary>
    public Inputs.StructureChoice Structure { get; init; } = Inputs.StructureChoice.Medians;
}

/// <summary>
/// <c>run --rare-event</c>: the probability of a rare collapse by splitting or importance sampling, with its splitting
/// runs and pilot saved in <c>FOLDER/splitting</c> to resume (moved from the command line, #28 item 3).
/// </summary>
internal static class RareEventJob
{
    /// <summary>
    /// Runs the estimate; a bad setting, a folder holding another estimate, or a damaged file is a <see cref="UserInputException"/>.
    /// Cancelled: <see cref="OperationCanceledException"/>, the finished runs saved in <paramref name="folder"/>.
    /// </summary>
    public static async Task<SplittingResult> RunAsync(Scenario scenario, RareEventSettings request, string? folder, bool resume, IProgressCounter? lines, CancellationToken token)
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

        var model = new ScenarioSplitting(scenario, request.Structure.Posterior);
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

        try
        {
            return await Task.Run(
                () =>
                {
                    if (request.Method == "path")
                    {
                        return AdaptiveMultilevelSplitting.Estimate(model, options, completed, Save, token);
                    }

                    if (pilot is null)
                    {
                        try
                        {
                            pilot = InputSplitting.Pilot(model, inputOptions, token);
                        }
                        catch (UnresolvedRareEventException e)
                        {
                            // the event is too rare for the pilot to climb towards (or impossible): a bound, not an error
                            return SplittingResult.Unresolved(e, inputOptions.Particles, inputOptions.Seed, inputOptions.Confidence);
                        }

                        if (folder is not null)
                        {
                            AtomicFile.WriteAllText(Path.Combine(folder, "splitting", "pilot.json"), PilotJson(pilot, settings).ToJsonString() + "\n");
                        }
                    }

                    return InputSplitting.Estimate(model, inputOptions, pilot, completed, Save, token);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"The rare-event estimate cannot proceed: {e.Message}");
        }
    }

    internal static JsonObject Settings(Scenario scenario, RareEventSettings request)
    {
        var node = new JsonObject
        {
            ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
            ["seed"] = request.Seed,
            ["particles"] = request.Particles,
            ["runs"] = request.Runs,
        };
        if (request.Structure.Posterior is { } posterior)
        {
            node["posteriorHash"] = posterior.Hash; // at the medians the settings are what they were, so older saved runs still resume
        }

        if (request.Method != "path")
        {
            node["method"] = request.Method;
            node["pilotParticles"] = request.PilotParticles;
        }

        return node;
    }

    internal static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

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
}
