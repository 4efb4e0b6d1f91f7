using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Cli.Output;
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
            Scenario[] scenarios = parse.GetValue(arms)!.Select(Common.LoadScenario).ToArray();
            CompareCommand.CheckDistinctNames(scenarios);

            var post = Common.LoadPosterior(parse.GetValue(posterior))!;
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
            var json = Json(result);
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

    private static JsonObject Json(RobustChoiceResult r) => new()
    {
        ["target"] = r.Target,
        ["particles"] = r.Particles.Count,
        ["replicationsPerParticle"] = r.ReplicationsPerParticle,
        ["seed"] = r.Seed,
        ["confidence"] = r.Confidence,
        ["posterior"] = SummaryJson.Posterior(r.Posterior),
        ["arms"] = new JsonArray([.. r.Arms.OrderBy(a => a.Rank).Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["rank"] = a.Rank,
            ["meanCollapseProbability"] = a.MeanProbability,
            ["meanStandardError"] = a.MeanStandardError,
            ["satisficingShare"] = a.SatisficingShare,
            ["satisficingLower"] = a.SatisficingInterval.Lower,
            ["satisficingUpper"] = a.SatisficingInterval.Upper,
            ["meanRegret"] = a.MeanRegret,
            ["meanRegretStandardError"] = a.MeanRegretStandardError,
            ["regret90"] = a.Regret90,
            ["maxRegret"] = a.MaxRegret,
        })]),
        ["packageVersion"] = SummaryJson.PackageVersion,
    };

    /// <summary>The one-sentence verdict: the most robust arm and how often it reaches the goal across the posterior.</summary>
    internal static string Verdict(RobustChoiceResult r)
    {
        var ranked = r.Arms.OrderBy(a => a.Rank).ToArray();
        var best = ranked[0];
        var (share, lo, hi) = Rounding.Percent(best.SatisficingShare, best.SatisficingInterval.Lower, best.SatisficingInterval.Upper, double.NaN);
        string goal = Rounding.Fixed(r.Target * 100, 0) + " %";
        string clear = ranked.Length > 1 && best.SatisficingInterval.Lower <= ranked[1].SatisficingInterval.Upper && best.SatisficingInterval.Upper >= ranked[1].SatisficingInterval.Lower
            ? $", though its lead over '{ranked[1].Name}' is within the intervals"
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Verdict: '{best.Name}' is the most robust choice{clear}: it reaches a probability of collapse of at least {goal} in {share} of the plausible worlds drawn from the posterior ({r.Confidence:P0} interval {lo} to {hi}).");
    }

    private static void Print(CliContext context, RobustChoiceResult r)
    {
        var console = Common.Console(context.Output, context.Interactive);
        context.Output.WriteLine(Verdict(r));
        console.WriteLine();
        var t = Common.Titled($"Across {r.Particles.Count} posterior particles × {r.ReplicationsPerParticle} runs each: goal P(collapse) ≥ {r.Target.ToString(CultureInfo.InvariantCulture)}")
            .AddColumn(new TableColumn("rank").RightAligned()).AddColumn("policy").AddColumn(new TableColumn("satisficing share").RightAligned()).AddColumn(new TableColumn($"{r.Confidence:P0} interval").RightAligned())
            .AddColumn(new TableColumn("mean P(collapse)").RightAligned()).AddColumn(new TableColumn("mean regret").RightAligned()).AddColumn(new TableColumn("90 % regret").RightAligned()).AddColumn(new TableColumn("max regret").RightAligned());
        foreach (var a in r.Arms.OrderBy(a => a.Rank))
        {
            var (se, slo, shi) = Rounding.Percent(a.SatisficingShare, a.SatisficingInterval.Lower, a.SatisficingInterval.Upper, double.NaN);
            int rd = Rounding.Decimals(a.MeanRegretStandardError * 100);
            Common.Row(t, a.Rank.ToString(CultureInfo.InvariantCulture), a.Name, se, $"{slo} to {shi}",
                $"{Rounding.Percent(a.MeanProbability, a.MeanStandardError)} ± {Rounding.Fixed(a.MeanStandardError * 100, Rounding.Decimals(a.MeanStandardError * 100))} pp", $"{Rounding.Fixed(a.MeanRegret * 100, rd)} ± {Rounding.Fixed(a.MeanRegretStandardError * 100, rd)} pp", $"{Rounding.Fixed(a.Regret90 * 100, rd)} pp", $"{Rounding.Fixed(a.MaxRegret * 100, rd)} pp");
        }

        console.Write(t);
        context.Output.WriteLine($"Ranked by satisficing share, then mean regret (regret: how far an arm's P(collapse) falls short of the best arm's on the same particle, in percentage points). Each particle's estimate has binomial noise up to ±{Rounding.Fixed(50 / Math.Sqrt(r.ReplicationsPerParticle), 1)} pp (1 SE, {r.ReplicationsPerParticle} runs). Particles drawn by weight from a posterior of {r.Posterior.Count:N0} (generation {r.Posterior.Population.Generation}, SHA-256 {r.Posterior.Hash[..12]}…).");
    }
}
