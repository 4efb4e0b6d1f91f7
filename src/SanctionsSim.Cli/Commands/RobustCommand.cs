using System.CommandLine;
using System.Globalization;
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
            Common.Validate(options.Validate, ("ReplicationsPerParticle must", "--runs must"), ("Particles must", "--particles must"), ("Target must", "--target must"));
            string? folder = parse.GetValue(output)?.FullName;
            var result = await Common.WithProgressAsync(context with { Cancellation = token }, "robust", "particles", options.Particles, (counter, ct) => Task.FromResult(RobustJob.Run(scenarios, post, options, folder, parse.GetValue(resume), counter, ct))).ConfigureAwait(false);
            var json = RobustText.Json(result);
            if (parse.GetValue(output) is DirectoryInfo dir)
            {
                RobustJob.WriteFiles(dir.FullName, result, json);
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
