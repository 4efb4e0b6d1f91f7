using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.IO;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim misfit</c>: where a posterior misfits the case base (each case's and observation's share of the
/// distance, predictive p-values), and how the calibration moves when the outcome is weighed 1, 2 or 4 or each case's
/// worst-fitting observation is dropped (issue #26 item 3; docs/misfit.md).
/// </summary>
internal static class MisfitCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<string[]>("--case") { Description = "A case (repeatable; default every case of the case base)." };
        var posterior = Common.Posterior();
        posterior.Description = "The posterior diagnosed: 'default' (the shipped one, the default) or a posterior.json written by 'sanctionssim calibrate'.";
        var draws = new Option<int>("--draws") { Description = "Particles drawn from the posterior for the diagnosis; each is simulated on every case with the replications per case, as a calibration does.", DefaultValueFactory = _ => 200 };
        var distance = new Option<string>("--distance") { Description = "The calibration distance diagnosed and used by the recalibrations: mean, outcome-probability or outcome-only.", DefaultValueFactory = _ => CalibrationSpec.DefaultDistance }.AcceptOnlyFromAmong(CalibrationDefinition.DistanceNames);
        var perCase = new Option<int>("--replications-per-case") { Description = "Replications of each case per particle.", DefaultValueFactory = _ => CaseCalibration.DefaultReplicationsPerCase };
        var weights = new Option<double[]>("--weight") { Description = "Recalibrate with the outcome weighed this much (repeatable; 2 is the documented distance; none: skip).", AllowMultipleArgumentsPerToken = true };
        var dropWorst = new Option<bool>("--drop-worst") { Description = "Also recalibrate with each case's worst-fitting observation (at the diagnosed posterior) left out." };
        var particles = new Option<int>("--particles") { Description = "Particles of each recalibration.", DefaultValueFactory = _ => 200 };
        var generations = new Option<int>("--generations") { Description = "Generations of each recalibration.", DefaultValueFactory = _ => 3 };
        var seed = Common.Seed();
        var threads = Common.Threads();
        var format = Common.Format("table", "json");
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write misfit.json and misfit.md into this folder." };
        var command = new Command("misfit", "Where the calibration misfits the cases: each case's and each observation's share of the distance at a posterior, posterior predictive p-values, and the posterior under other outcome weights or without each case's worst observation.")
        {
            cases, posterior, draws, distance, perCase, weights, dropWorst, particles, generations, seed, threads, format, output,
        };
        command.SetAction(async (parse, token) =>
        {
            var selected = Common.Cases(parse, cases);

            var diagnosed = InputFiles.LoadPosterior(parse.GetValue(posterior) ?? "default")!;
            var options = new MisspecificationOptions { Particles = parse.GetValue(draws), Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
            var abc = new AbcOptions { Particles = parse.GetValue(particles), Generations = parse.GetValue(generations), Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
            double[] chosenWeights = parse.GetValue(weights) ?? [];
            CaseCalibration calibration;
            try
            {
                options.Validate();
                abc.Validate();
                if (selected.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != selected.Count)
                {
                    throw new ArgumentException("--case: a case is given twice.");
                }

                calibration = new CaseCalibration(selected, replicationsPerCase: parse.GetValue(perCase), distance: CalibrationDefinition.ParseDistance(parse.GetValue(distance), "--distance"));
                foreach (double w in chosenWeights)
                {
                    calibration.WithOutcomeWeight(w);
                }
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message.Split(" (Parameter")[0].Replace("The outcome weight", "--weight", StringComparison.Ordinal));
            }

            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            context.Error.WriteLine($"misfit: diagnosing the posterior on {selected.Count} cases with {options.Particles} particles");
            var result = await Task.Run(() => MisspecificationCheck.Run(calibration, diagnosed, options, token), token).ConfigureAwait(false);
            var variants = new List<(string Label, CaseCalibration Calibration, IReadOnlyDictionary<string, string>? Dropped)>();
            foreach (double w in chosenWeights)
            {
                variants.Add(($"outcome weight {w.ToString("0.##", CultureInfo.InvariantCulture)}", calibration.WithOutcomeWeight(w), null));
            }

            if (parse.GetValue(dropWorst))
            {
                var worst = result.Cases.ToDictionary(c => c.Case, c => c.Worst.Name, StringComparer.Ordinal);
                variants.Add(("each case's worst observation dropped", calibration.WithoutObservations(worst), worst));
            }

            var recalibrated = new JsonArray();
            foreach (var (label, variant, dropped) in variants)
            {
                context.Error.WriteLine($"misfit: recalibrating, {label} ({abc.Particles} particles, {abc.Generations} generations)");
                var fit = await Task.Run(() => AbcSmc.Run(variant, abc, cancellationToken: token), token).ConfigureAwait(false);
                recalibrated.Add(MisfitPage.Variant(label, variant, fit, dropped));
            }

            var json = MisfitPage.ToJson(result, diagnosed, recalibrated, abc, string.Join(" ", parse.Tokens.Select(t => t.Value)));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(PageJson.Text(json)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync("Verdict: " + MisfitPage.Verdict(json)).ConfigureAwait(false);
                Common.Console(context.Output, context.Interactive).Write(Common.Draw(MisfitPage.Table(result)));
            }

            if (folder is not null)
            {
                folder.Create();
                PageJson.Write(Path.Combine(folder.FullName, "misfit.json"), json);
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "misfit.md"), MisfitPage.Render(json));
                await context.Error.WriteLineAsync($"wrote misfit.json and misfit.md to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
