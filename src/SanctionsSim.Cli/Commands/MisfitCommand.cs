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
        var distance = new Option<string>("--distance") { Description = "The calibration distance diagnosed and used by the recalibrations: mean or outcome-probability.", DefaultValueFactory = _ => CalibrationSpec.DefaultDistance }.AcceptOnlyFromAmong("mean", "outcome-probability");
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
                recalibrated.Add(Variant(label, variant, fit, dropped));
            }

            var json = ToJson(result, diagnosed, recalibrated, abc, string.Join(" ", parse.Tokens.Select(t => t.Value)));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync("Verdict: " + MisfitPage.Verdict(json)).ConfigureAwait(false);
                var table = new Table().Border(TableBorder.Rounded).AddColumn("case").AddColumn(new TableColumn("share of ε²").RightAligned())
                    .AddColumn("worst observation").AddColumn(new TableColumn("its share").RightAligned()).AddColumn(new TableColumn("predictive p (two-sided)").RightAligned());
                foreach (var c in result.Cases.OrderByDescending(c => c.ShareOfTotal))
                {
                    var worst = c.Worst;
                    Common.Row(table, c.Case, MisfitPage.Percent(c.ShareOfTotal), worst.Name, MisfitPage.Percent(worst.ShareOfCase), MisfitPage.P(worst.TwoSidedP));
                }

                Common.Console(context.Output, context.Interactive).Write(table);
            }

            if (folder is not null)
            {
                folder.Create();
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "misfit.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "misfit.md"), MisfitPage.Render(json));
                await context.Error.WriteLineAsync($"wrote misfit.json and misfit.md to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static JsonObject Variant(string label, CaseCalibration calibration, AbcResult fit, IReadOnlyDictionary<string, string>? dropped)
    {
        var parameters = new JsonArray();
        foreach (var p in fit.Posterior.Summarize())
        {
            parameters.Add(new JsonObject { ["name"] = p.Name, ["median"] = p.Median, ["lower"] = p.Lower, ["upper"] = p.Upper });
        }

        var droppedJson = new JsonObject();
        foreach (var (name, term) in dropped ?? new Dictionary<string, string>())
        {
            droppedJson[name] = term;
        }

        return new JsonObject
        {
            ["label"] = label, ["outcomeWeight"] = calibration.OutcomeWeight, ["dropped"] = droppedJson, ["tolerance"] = double.IsFinite(fit.Generations[^1].Tolerance) ? fit.Generations[^1].Tolerance : null,
            ["simulations"] = fit.Simulations, ["parameters"] = parameters,
        };
    }

    internal static JsonObject ToJson(MisspecificationResult result, Posterior posterior, JsonArray recalibrated, AbcOptions abc, string command)
    {
        var cases = new JsonArray();
        foreach (var c in result.Cases)
        {
            var observations = new JsonArray();
            foreach (var o in c.Observations)
            {
                observations.Add(new JsonObject
                {
                    ["name"] = o.Name, ["observed"] = o.Observed, ["observedLow"] = o.ObservedLow, ["observedHigh"] = o.ObservedHigh,
                    ["meanSquaredTerm"] = Math.Round(o.MeanSquaredTerm, 6), ["shareOfCase"] = Math.Round(o.ShareOfCase, 6),
                    ["predictiveMedian"] = double.IsNaN(o.PredictiveMedian) ? null : o.PredictiveMedian,
                    ["predictiveP"] = double.IsNaN(o.PredictiveP) ? null : Math.Round(o.PredictiveP, 6),
                    ["twoSidedP"] = double.IsNaN(o.TwoSidedP) ? null : Math.Round(o.TwoSidedP, 6), ["replications"] = o.Replications,
                });
            }

            cases.Add(new JsonObject
            {
                ["case"] = c.Case, ["meanSquaredDistance"] = Math.Round(c.MeanSquaredDistance, 6), ["standardError"] = Math.Round(c.MeanSquaredDistanceStandardError, 6),
                ["shareOfTotal"] = Math.Round(c.ShareOfTotal, 6), ["worst"] = c.Worst.Name, ["observations"] = observations,
            });
        }

        return new JsonObject
        {
            ["command"] = "sanctionssim " + command,
            ["packageVersion"] = SanctionsSim.Internal.PackageVersion.Current,
            ["settings"] = new JsonObject
            {
                ["distance"] = CalibrationDefinition.DistanceName(result.Distance), ["outcomeWeight"] = result.OutcomeWeight, ["draws"] = result.Particles,
                ["replicationsPerCase"] = result.ReplicationsPerCase, ["seed"] = result.Seed, ["particles"] = abc.Particles, ["generations"] = abc.Generations,
            },
            ["posterior"] = new JsonObject { ["hash"] = posterior.Hash, ["particles"] = posterior.Count, ["default"] = posterior.Hash == Posterior.Default.Hash },
            ["meanSquaredDistance"] = Math.Round(result.MeanSquaredDistance, 6),
            ["cases"] = cases,
            ["recalibrated"] = recalibrated,
        };
    }
}
