using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Inputs;
using SanctionsSim.IO.Results;

namespace SanctionsSim.IO.Jobs;

/// <summary>
/// <c>sanctionssim calibrate</c>'s job: ABC-SMC into a resumable folder, the posterior predictive checks, and the files
/// it writes (moved from the command line, #28 item 3). Bad input and folders holding another run are <see cref="UserInputException"/>.
/// </summary>
internal static class CalibrationJob
{
    /// <summary>
    /// Runs (or resumes, with <paramref name="resume"/>) a calibration into a folder, saving generations/generation-NNN.json
    /// after each generation; the result lists every generation, those of a resumed run too.
    /// </summary>
    public static async Task<AbcResult> RunAsync(CaseCalibration calibration, AbcOptions options, string folder, bool resume, IProgress<AbcProgress>? progress, CancellationToken token)
    {
        string generations = Path.Combine(folder, "generations");
        Directory.CreateDirectory(generations);
        AbcPopulation? last = null;
        var saved = Directory.GetFiles(generations, "generation-*.json").Order(StringComparer.Ordinal).ToArray();
        if (saved.Length > 0 && !resume)
        {
            throw new UserInputException($"{folder} already holds a calibration ({saved.Length} generations); pass --resume to continue it or choose another --out.");
        }

        if (resume && saved.Length > 0)
        {
            using var stream = File.OpenRead(saved[^1]);
            try
            {
                last = AbcPopulation.ReadFrom(stream);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException($"{saved[^1]}: {e.Message}");
            }
        }

        void Save(AbcPopulation p)
        {
            using var buffer = new MemoryStream();
            p.WriteTo(buffer);
            AtomicFile.WriteAllBytes(Path.Combine(generations, $"generation-{p.Generation:D3}.json"), buffer.ToArray());
        }

        try
        {
            var result = await Task.Run(() => AbcSmc.Run(calibration, options, last, Save, progress, token), CancellationToken.None).ConfigureAwait(false);
            return new AbcResult(result.Posterior, History(folder, result.Posterior), result.StopReason);
        }
        catch (ArgumentException e) when (last is not null)
        {
            throw new UserInputException($"--resume: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Every generation's record, from the files: a resumed calibration's own result lists only the generations it ran.</summary>
    public static List<AbcGenerationSummary> History(string folder, AbcPopulation last)
    {
        var history = new List<AbcGenerationSummary>();
        foreach (string file in Directory.GetFiles(Path.Combine(folder, "generations"), "generation-*.json").Order(StringComparer.Ordinal))
        {
            AbcPopulation p;
            using (var stream = File.OpenRead(file))
            {
                p = AbcPopulation.ReadFrom(stream);
            }

            if (p.Generation <= last.Generation)
            {
                history.Add(AbcGenerationSummary.Of(p));
            }
        }

        return history;
    }

    /// <summary>Each case's posterior predictive check (none if the definition asks for 0 replications) and the calibration's JSON.</summary>
    public static (CasePrediction[] Predictions, JsonObject Json) Predict(CalibrationDefinition definition, AbcOptions options, AbcResult result)
    {
        var predictions = definition.Predictive == 0 ? [] : definition.Cases.Select((c, i) => CasePrediction.Run(c, new Posterior(result.Posterior), definition.Predictive, options.Seed + (ulong)i, options.MaxDegreeOfParallelism)).ToArray();
        return (predictions, CalibrationText.Json(definition.Calibration, options, result, predictions));
    }

    /// <summary>Writes a calibration's files as <c>calibrate --out</c> does: posterior.json, particles.csv, posterior-summary.csv, calibration.json, predictive.csv (the charts are the caller's).</summary>
    public static void WriteFiles(string folder, AbcResult result, JsonObject json)
    {
        var p = result.Posterior;
        using (var buffer = new MemoryStream())
        {
            p.WriteTo(buffer);
            AtomicFile.WriteAllBytes(Path.Combine(folder, "posterior.json"), buffer.ToArray());
        }

        var csv = new StringBuilder(string.Join(",", p.ParameterNames) + ",weight,distance\n");
        for (int i = 0; i < p.Count; i++)
        {
            for (int j = 0; j < p.Dimension; j++)
            {
                csv.Append(p[i, j].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            csv.Append(CultureInfo.InvariantCulture, $"{p.Weights[i]:R},{p.Distances[i]:R}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "particles.csv"), csv.ToString());
        var summaries = new StringBuilder("parameter,mean,sd,median,lower5,upper95\n");
        foreach (var x in p.Summarize())
        {
            summaries.Append(CultureInfo.InvariantCulture, $"{x.Name},{x.Mean:R},{x.StandardDeviation:R},{x.Median:R},{x.Lower:R},{x.Upper:R}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "posterior-summary.csv"), summaries.ToString());
        AtomicFile.WriteAllText(Path.Combine(folder, "calibration.json"), SummaryJson.ToText(json));
        AtomicFile.WriteAllText(Path.Combine(folder, "predictive.csv"), CalibrationText.PredictionsCsv((JsonArray)json["predictive"]!));
    }

    /// <summary>
    /// Leave one case out: calibrates once without each case (<paramref name="calibrate"/> runs a calibration into a
    /// folder, with a label for its progress) and predicts the case left out; writes loo/CASE/prediction.json and loo.csv.
    /// </summary>
    public static async Task<JsonArray> LeaveOneOutAsync(CalibrationDefinition definition, AbcOptions options, string folder, Func<CaseCalibration, string, string, Task<AbcResult>> calibrate)
    {
        var calibration = definition.Calibration;
        var chosenCases = definition.Cases;
        var priors = definition.Priors.Select(spec => InputFiles.ParseLever(spec, "--prior")).ToArray();
        JsonArray loo = [];
        for (int k = 0; k < chosenCases.Length; k++)
        {
            var held = chosenCases[k];
            var rest = new CaseCalibration(chosenCases.Where((_, i) => i != k).ToArray(), definition.Structure, priors, calibration.ReplicationsPerCase, calibration.Distance);
            string sub = Path.Combine(folder, "loo", held.Name);
            var r = await calibrate(rest, sub, $"without {held.Name}").ConfigureAwait(false);
            var p = CasePrediction.Run(held, new Posterior(r.Posterior), Math.Max(definition.Predictive, 100), options.Seed + 1000 + (ulong)k, options.MaxDegreeOfParallelism);
            var entry = CalibrationText.Prediction(p);
            entry["generations"] = r.Generations.Count;
            entry["tolerance"] = r.Posterior.Tolerance;
            loo.Add(entry);
            AtomicFile.WriteAllText(Path.Combine(sub, "prediction.json"), SummaryJson.ToText(entry.DeepClone()));
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "loo.csv"), CalibrationText.PredictionsCsv(loo));
        return loo;
    }
}
