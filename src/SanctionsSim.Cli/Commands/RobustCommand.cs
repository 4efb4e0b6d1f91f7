using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO;
using SanctionsSim.Model;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim robust ARM ARM… --posterior default|FILE</c>: candidate policies ranked across a calibration posterior by satisficing share and regret.</summary>
internal static class RobustCommand
{
    public static Command Create(CliContext context)
    {
        var arms = new Argument<string[]>("ARM") { Description = "Two or more presets or scenario files: the candidate policies.", Arity = new ArgumentArity(2, 100) };
        var posterior = new Option<string>("--posterior") { Description = "The posterior to draw the structure from: 'default' (shipped) or a posterior.json from 'calibrate'.", DefaultValueFactory = _ => "default" };
        var particles = new Option<int>("--particles") { Description = "Posterior particles drawn by weight (2 to 100,000).", DefaultValueFactory = _ => 200 };
        var runs = new Option<int>("--runs", "-n") { Description = "Replications of each arm at each particle, on common random numbers (1 to 1,000,000).", DefaultValueFactory = _ => 50 };
        var target = new Option<double>("--target") { Description = "The goal: P(collapse) at least this (0 to 1); an arm satisfices at a particle when it reaches it.", DefaultValueFactory = _ => 0.5 };
        var seed = Common.Seed();
        var threads = Common.Threads();
        var confidence = Common.Confidence();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write robust.json and particles.csv (one row per particle: its parameters and each arm's P(collapse); input for 'discover'); each particle is saved as it finishes (rows/), so that --resume can continue." };
        var resume = new Option<bool>("--resume") { Description = "With --out: continue an interrupted evaluation; particles already saved are read back." };
        var format = Common.Format();
        var command = new Command("robust", "Rank candidate policies across the calibration posterior: how often each reaches the goal (satisficing share) and how far it falls short of the best at each particle (regret).")
        {
            arms, posterior, particles, runs, target, seed, threads, confidence, output, resume, format,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario[] scenarios = parse.GetValue(arms)!.Select(InputFiles.LoadScenario).ToArray();
            CompareCommand.CheckDistinctNames(scenarios);

            var post = InputFiles.LoadPosterior(parse.GetValue(posterior))!;
            var options = new RobustChoiceOptions
            {
                Particles = parse.GetValue(particles), ReplicationsPerParticle = parse.GetValue(runs), Target = parse.GetValue(target),
                Seed = parse.GetValue(seed), Confidence = parse.GetValue(confidence), MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message.Replace("ReplicationsPerParticle must", "--runs must", StringComparison.Ordinal).Replace("Particles must", "--particles must", StringComparison.Ordinal)
                    .Replace("Target must", "--target must", StringComparison.Ordinal).Replace("Confidence must", "--confidence must", StringComparison.Ordinal).Replace("MaxDegreeOfParallelism must", "--threads must", StringComparison.Ordinal));
            }

            string? rows = parse.GetValue(output) is DirectoryInfo o ? Path.Combine(o.FullName, "rows") : null;
            var settings = new JsonObject
            {
                ["arms"] = new JsonArray([.. scenarios.Select(x => (JsonNode)JsonValue.Create(Scenarios.ScenarioJson.Hash(x)))]),
                ["posterior"] = post.Hash, ["particles"] = options.Particles, ["runs"] = options.ReplicationsPerParticle, ["seed"] = options.Seed,
            }.ToJsonString();
            var completed = new List<RobustParticle>();
            if (rows is null && parse.GetValue(resume))
            {
                throw new UserInputException("--resume needs --out DIR: the saved particles live in that folder.");
            }

            if (rows is not null && Directory.Exists(rows) && Directory.EnumerateFiles(rows, "row-*.json").Any())
            {
                if (!parse.GetValue(resume))
                {
                    throw new UserInputException($"{Path.GetDirectoryName(rows)} already holds particles of an evaluation; pass --resume to continue it or choose another --out.");
                }

                foreach (string f in Directory.GetFiles(rows, "row-*.json").Order(StringComparer.Ordinal))
                {
                    JsonNode node;
                    try
                    {
                        node = JsonNode.Parse(File.ReadAllText(f)) ?? throw new System.Text.Json.JsonException("empty");
                    }
                    catch (System.Text.Json.JsonException e)
                    {
                        throw new UserInputException($"{f} is damaged ({e.Message}); delete it and run again with --resume (that particle is redone).");
                    }

                    if (node["settings"]?.GetValue<string>() != settings)
                    {
                        throw new UserInputException($"{f} belongs to another evaluation (other arms, posterior, particles, runs or seed): --resume continues only the same one.");
                    }

                    completed.Add(new RobustParticle { Row = (int)node["row"]!, Estimates = [.. node["estimates"]!.AsArray().Select(x => (double)x!)] });
                }
            }

            if (rows is not null)
            {
                Directory.CreateDirectory(rows);
            }

            var lines = context.Interactive ? null : new ProgressLines(context.Error, "robust", "particles");
            long done = completed.Count;
            void Save(RobustParticle p)
            {
                lines?.Report(Interlocked.Increment(ref done), options.Particles);
                if (rows is not null)
                {
                    var node = new JsonObject { ["settings"] = settings, ["row"] = p.Row, ["estimates"] = new JsonArray([.. p.Estimates.Select(x => (JsonNode)x)]) };
                    AtomicFile.WriteAllText(Path.Combine(rows, $"row-{p.Row:D5}.json"), node.ToJsonString());
                }
            }

            var result = await Task.Run(() => RobustChoice.Evaluate(scenarios, post, options, completed, Save, token), CancellationToken.None).ConfigureAwait(false);
            var json = RobustText.Json(result);
            if (parse.GetValue(output) is DirectoryInfo dir)
            {
                Directory.CreateDirectory(dir.FullName);
                AtomicFile.WriteAllText(Path.Combine(dir.FullName, "robust.json"), SummaryJson.ToText(json));
                AtomicFile.WriteAllText(Path.Combine(dir.FullName, "particles.csv"), ResultsCsv.RobustParticles(result));
                await context.Error.WriteLineAsync($"wrote robust.json and particles.csv to {dir.FullName} (find where an arm fails: sanctionssim discover {Path.Combine(dir.FullName, "particles.csv")} --where \"{result.ArmNames[0]}<{result.Target.ToString(CultureInfo.InvariantCulture)}\")").ConfigureAwait(false);
            }

            await Emit.Result(context, parse.Format(format), () => json, () => ResultsCsv.RobustParticles(result), () => Print(context, result)).ConfigureAwait(false);

            return CliApp.Success;
        });
        return command;
    }

    private static void Print(CliContext context, RobustChoiceResult r)
    {
        var console = Common.Console(context.Output, context.Interactive);
        context.Output.WriteLine(RobustText.Verdict(r));
        console.WriteLine();
        console.Write(Common.Draw(RobustText.Table(r)));
        context.Output.WriteLine(RobustText.Footer(r));
    }
}
