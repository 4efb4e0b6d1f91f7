using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Plotting;
using SanctionsSim.Scorecard;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim scorecard</c>: cross-validated forecasts of the outcome type against three baselines.</summary>
internal static class ScorecardCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<string[]>("--case") { Description = "A case to score (repeatable; default every case of the case base).", AllowMultipleArgumentsPerToken = false };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation; 0 holds out one case at a time.", DefaultValueFactory = _ => 0 };
        var structure = new Option<string>("--structure") { Description = "The model's structure: 'calibrated' on each fold's training cases (out of sample), or 'given' (--posterior, the shipped one by default: it may have seen the held-out case).", DefaultValueFactory = _ => "calibrated" }.AcceptOnlyFromAmong("calibrated", "given");
        var posterior = Common.Posterior();
        var particles = new Option<int>("--particles") { Description = "Particles of each fold's calibration.", DefaultValueFactory = _ => 200 };
        var generations = new Option<int>("--generations") { Description = "Generations of each fold's calibration.", DefaultValueFactory = _ => 3 };
        var perCase = new Option<int>("--replications-per-case") { Description = "Replications per case and particle in each fold's calibration.", DefaultValueFactory = _ => CaseCalibration.DefaultReplicationsPerCase };
        var distance = new Option<string>("--distance") { Description = "The distance of each fold's calibration: mean, outcome-probability or outcome-only (the outcome type alone, what the scorecard scores). docs/calibration.md.", DefaultValueFactory = _ => CalibrationSpec.DefaultDistance }.AcceptOnlyFromAmong(CalibrationDefinition.DistanceNames);
        var runs = new Option<int>("--runs", "-n") { Description = "Replications of each held-out case's forecast.", DefaultValueFactory = _ => 200 };
        var highCommand = new Option<bool>("--high-command") { Description = "Switch the high command on in every case (a structural switch, all cases alike)." };
        var seed = Common.Seed();
        var threads = Common.Threads();
        var format = Common.Format("table", "json");
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write scorecard.json, forecasts.csv, scorecard.md and the reliability chart into this folder." };
        var command = new Command("scorecard", "Cross-validate the model's forecasts of how each historical case ended against the base rate, 'the regime survives' and a logistic regression on the coded facts: Brier and log scores, accuracy, reliability.")
        {
            cases, folds, structure, posterior, particles, generations, perCase, distance, runs, highCommand, seed, threads, format, output,
        };
        command.SetAction(async (parse, token) =>
        {
            var selected = Common.Cases(parse, cases);

            bool givenStructure = parse.GetValue(structure) == "given";
            if (!givenStructure && parse.GetResult(posterior) is { Implicit: false })
            {
                throw new UserInputException("--posterior applies only with --structure given (calibrated folds make their own posterior).");
            }

            if (givenStructure && parse.GetResult(distance) is { Implicit: false })
            {
                throw new UserInputException("--distance applies only with --structure calibrated (a given posterior is not recalibrated).");
            }

            var options = new ScorecardOptions
            {
                Folds = parse.GetValue(folds), Structure = givenStructure ? ScorecardStructure.Given : ScorecardStructure.Calibrated,
                Posterior = givenStructure ? InputFiles.LoadPosterior(parse.GetValue(posterior)) : null,
                Particles = parse.GetValue(particles), Generations = parse.GetValue(generations), ReplicationsPerCase = parse.GetValue(perCase),
                Distance = CalibrationDefinition.ParseDistance(parse.GetValue(distance), "--distance"),
                Runs = parse.GetValue(runs), HighCommand = parse.GetValue(highCommand), Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            try
            {
                options.Validate(selected.Count);
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message);
            }

            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            int total = options.Folds == 0 ? selected.Count : options.Folds;
            var progress = new Progress<int>(f => context.Error.WriteLine($"scorecard: fold {f} of {total} done"));
            var result = await Task.Run(() => OutcomeScorecard.Run(selected, options, context.Interactive ? null : progress, token), token).ConfigureAwait(false);
            var json = ScorecardPage.ToJson(result, options, string.Join(" ", parse.Tokens.Select(t => t.Value)));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(PageJson.Text(json)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync("Verdict: " + ScorecardPage.Verdict(json)).ConfigureAwait(false);
                Common.Console(context.Output, context.Interactive).Write(Common.Draw(ScorecardPage.Table(result)));
            }

            if (folder is not null)
            {
                folder.Create();
                PageJson.Write(Path.Combine(folder.FullName, "scorecard.json"), json);
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "scorecard.md"), ScorecardPage.Render(json));
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "forecasts.csv"), ResultsCsv.Forecasts(result));
                var charts = Charts.Save(Charts.Reliability(result), Path.Combine(folder.FullName, "reliability"));
                await context.Error.WriteLineAsync($"wrote scorecard.json, scorecard.md, forecasts.csv and {charts.Count} chart files to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
