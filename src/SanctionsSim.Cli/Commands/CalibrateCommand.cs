using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim calibrate</c>: ABC-SMC of the structural parameters on the historical cases, with posterior predictive checks and leave-one-case-out.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new CalibrationSpec();
        var looOption = new Option<bool>("--leave-one-out") { Description = "Also calibrate once without each case and predict the case left out (folder loo/); a table of hits and misses." };
        var threads = Common.Threads();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "The folder for the generations (resumable), posterior.json, particles.csv, calibration.json, predictive.csv and the charts.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue from the last generation saved in --out." };
        var format = Common.Format();
        var quick = new Option<bool>("--quick") { Description = $"A demonstration in about a minute: {CalibrationSpec.QuickParticles} particles, {CalibrationSpec.QuickGenerations} generations, {CalibrationSpec.QuickPredictive} predictive runs per case (options you give still apply). Its posterior is too rough to rely on: for results, run without --quick." };
        var command = new Command("calibrate", "Calibrate the structural parameters on historical cases by approximate Bayesian computation (ABC-SMC), then check each case against the posterior predictive.");
        spec.AddTo(command);
        foreach (Option o in (Option[])[quick, looOption, threads, output, resume, format])
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, token) =>
        {
            bool demonstration = parse.GetValue(quick);
            var definition = spec.Resolve(parse, demonstration);
            if (demonstration)
            {
                await context.Error.WriteLineAsync($"calibrate --quick: a DEMONSTRATION of how calibration works, not a result to rely on: {definition.Options.Particles:N0} particles × {definition.Options.Generations} generations on {definition.Cases.Length} cases (a full calibration: 2,000 × 9).").ConfigureAwait(false);
            }

            var options = definition.Options.Clone();
            options.MaxDegreeOfParallelism = parse.GetValue(threads);
            CalibrationDefinition.Validate(options);

            var calibration = definition.Calibration;
            var folder = parse.GetValue(output)!;
            InputFiles.CheckOutFolder(folder);
            var ctx = context with { Cancellation = token };
            var result = await CalibrateAsync(ctx, calibration, options, folder.FullName, parse.GetValue(resume), "calibrate").ConfigureAwait(false);
            var (predictions, json) = CalibrationJob.Predict(definition, options, result);
            JsonArray? loo = null;
            if (parse.GetValue(looOption))
            {
                loo = await CalibrationJob.LeaveOneOutAsync(definition, options, folder.FullName, (rest, sub, label) => CalibrateAsync(ctx, rest, options, sub, parse.GetValue(resume), label)).ConfigureAwait(false);
                CalibrationText.LeaveOneOut(json, loo);
            }

            if (demonstration)
            {
                CalibrationText.Quick(json);
            }

            CalibrationJob.WriteFiles(folder.FullName, result, json);
            WriteCharts(folder.FullName, calibration, result, predictions);
            await Print(context, parse.GetValue(format), calibration, result, predictions, loo, json, demonstration).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"wrote {folder.FullName}: posterior.json (use with --posterior), particles.csv, calibration.json, predictive.csv, charts").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The end of a sharded calibration's last <c>merge</c>, whose files <see cref="IO.Batches.PlanJobs"/> wrote: the charts, and the result printed as <c>calibrate</c> prints it.</summary>
    internal static async Task Finish(CliContext context, IO.Batches.MergedCalibration merged, string? format)
    {
        WriteCharts(merged.Folder, merged.Definition.Calibration, merged.Result, merged.Predictions);
        await Print(context, format, merged.Definition.Calibration, merged.Result, merged.Predictions, null, merged.Json, demonstration: false).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"wrote {merged.Folder}: posterior.json (use with --posterior), particles.csv, calibration.json, predictive.csv, charts").ConfigureAwait(false);
    }

    /// <summary>Runs (or resumes) a calibration into a folder, with its progress on the error stream.</summary>
    private static Task<AbcResult> CalibrateAsync(CliContext context, CaseCalibration calibration, AbcOptions options, string folder, bool resume, string label)
        => Common.WithProgressAsync(context, label, "particles accepted", options.Particles, (counter, token) => CalibrationJob.RunAsync(calibration, options, folder, resume, counter.ForCalibration(), token));

    /// <summary>The calibration's charts (its files are <see cref="CalibrationJob.WriteFiles"/>'s).</summary>
    private static void WriteCharts(string folder, CaseCalibration calibration, AbcResult result, CasePrediction[] predictions)
    {
        var p = result.Posterior;
        string charts = Path.Combine(folder, "charts");
        Directory.CreateDirectory(charts);
        for (int j = 0; j < p.Dimension; j++)
        {
            Charts.Save(Charts.PosteriorMarginal(p, j, calibration.Parameters[j]), Path.Combine(charts, "marginal-" + p.ParameterNames[j]), ChartFormat.Png);
        }

        // The three most correlated pairs: where the cases trade one parameter against another.
        var pairs = Enumerable.Range(0, p.Dimension).SelectMany(a => Enumerable.Range(a + 1, p.Dimension - a - 1).Select(b => (a, b)))
            .OrderByDescending(x => Math.Abs(p.Correlation(x.a, x.b))).Take(3);
        foreach (var (a, b) in pairs)
        {
            Charts.Save(Charts.PosteriorPair(p, a, b), Path.Combine(charts, $"pair-{p.ParameterNames[a]}-{p.ParameterNames[b]}"), ChartFormat.Png);
        }

        if (predictions.Length > 0)
        {
            Charts.Save(Charts.PosteriorPredictive(predictions), Path.Combine(charts, "predictive"), ChartFormat.Png);
        }
    }


    private static Task Print(CliContext context, string? format, CaseCalibration calibration, AbcResult result, CasePrediction[] predictions, JsonArray? loo, JsonObject json, bool demonstration)
        => Emit.Result(context, OutputFormats.Parse(format), () => json, () => CalibrationText.PredictionsCsv((JsonArray)json["predictive"]!), () =>
        {
            var console = Common.Console(context.Output, context.Interactive);
            context.Output.WriteLine(demonstration ? CalibrationText.Verdict(calibration, result, predictions).Replace("Verdict: ", "Verdict (a --quick DEMONSTRATION, too rough to rely on): ", StringComparison.Ordinal) : CalibrationText.Verdict(calibration, result, predictions));
            console.WriteLine();
            console.Write(Common.Draw(CalibrationText.Generations(calibration, result)));
            console.Write(Common.Draw(CalibrationText.Posterior(calibration, result)));
            if (predictions.Length > 0)
            {
                console.Write(Common.Draw(CalibrationText.PredictionTable("Posterior predictive check (each replication draws its own particle)", predictions.Select(CalibrationText.Prediction))));
            }

            if (loo is not null)
            {
                console.Write(Common.Draw(CalibrationText.PredictionTable("Leave one case out: calibrated without the case, then predicting it", loo.OfType<JsonObject>())));
            }
        });
}
