using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Cli.Output;
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
            CheckThreads(options.MaxDegreeOfParallelism);

            var calibration = definition.Calibration;
            var chosenCases = definition.Cases;
            var priors = definition.Priors.Select(spec => ExperimentOptions.ParseLever(spec, "--prior")).ToArray();
            var folder = parse.GetValue(output)!;
            Common.CheckOutFolder(folder);
            var ctx = context with { Cancellation = token };
            var result = await CalibrateAsync(ctx, calibration, options, folder.FullName, parse.GetValue(resume), "calibrate").ConfigureAwait(false);
            var (predictions, json) = Predict(definition, options, result);
            JsonArray? loo = null;
            if (parse.GetValue(looOption))
            {
                loo = [];
                for (int k = 0; k < chosenCases.Length; k++)
                {
                    var held = chosenCases[k];
                    var rest = new CaseCalibration(chosenCases.Where((_, i) => i != k).ToArray(), definition.Structure, priors, calibration.ReplicationsPerCase, calibration.Distance);
                    string sub = Path.Combine(folder.FullName, "loo", held.Name);
                    var r = await CalibrateAsync(ctx, rest, options, sub, parse.GetValue(resume), $"without {held.Name}").ConfigureAwait(false);
                    var p = CasePrediction.Run(held, new Posterior(r.Posterior), Math.Max(definition.Predictive, 100), options.Seed + 1000 + (ulong)k, options.MaxDegreeOfParallelism);
                    var entry = Prediction(p);
                    entry["generations"] = r.Generations.Count;
                    entry["tolerance"] = r.Posterior.Tolerance;
                    loo.Add(entry);
                    AtomicFile.WriteAllText(Path.Combine(sub, "prediction.json"), SummaryJson.ToText(entry.DeepClone()));
                }

                json["leaveOneOut"] = loo;
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "loo.csv"), PredictionsCsv(loo));
            }

            if (demonstration)
            {
                json["quick"] = true;
                json["note"] = "calibrate --quick: a demonstration with few particles and generations; the posterior is too rough to rely on.";
            }

            WriteOutputs(folder.FullName, calibration, result, predictions, json);
            await Print(context, parse.GetValue(format), calibration, result, predictions, loo, json, demonstration).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"wrote {folder.FullName}: posterior.json (use with --posterior), particles.csv, calibration.json, predictive.csv, charts").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>Checks <c>--threads</c> as <see cref="AbcOptions.MaxDegreeOfParallelism"/> allows it.</summary>
    internal static void CheckThreads(int threads)
    {
        if (threads is not (-1 or (>= 1 and <= 1024)))
        {
            throw new UserInputException($"--threads must be -1 (all cores) or in [1, 1024]; got {threads}.");
        }
    }

    /// <summary>
    /// Writes a finished calibration's outputs to its folder as <c>calibrate --out</c> does (posterior.json,
    /// particles.csv, posterior-summary.csv, calibration.json, predictive.csv, charts) and prints it: the end of a
    /// sharded calibration's last <c>merge</c>.
    /// </summary>
    internal static async Task Finish(CliContext context, CalibrationDefinition definition, AbcOptions options, string folder, AbcPopulation last, AbcStopReason stop, string? format)
    {
        var result = new AbcResult(last, History(folder, last), stop);
        var (predictions, json) = Predict(definition, options, result);
        WriteOutputs(folder, definition.Calibration, result, predictions, json);
        await Print(context, format, definition.Calibration, result, predictions, null, json, demonstration: false).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"wrote {folder}: posterior.json (use with --posterior), particles.csv, calibration.json, predictive.csv, charts").ConfigureAwait(false);
    }

    private static (CasePrediction[] Predictions, JsonObject Json) Predict(CalibrationDefinition definition, AbcOptions options, AbcResult result)
    {
        var predictions = definition.Predictive == 0 ? [] : definition.Cases.Select((c, i) => CasePrediction.Run(c, new Posterior(result.Posterior), definition.Predictive, options.Seed + (ulong)i, options.MaxDegreeOfParallelism)).ToArray();
        return (predictions, Json(definition.Calibration, options, result, predictions));
    }

    /// <summary>Runs (or resumes) a calibration into a folder: generations/generation-NNN.json after each generation.</summary>
    private static async Task<AbcResult> CalibrateAsync(CliContext context, CaseCalibration calibration, AbcOptions options, string folder, bool resume, string label)
    {
        var result = await RunAsync(context, calibration, options, folder, resume, label).ConfigureAwait(false);
        return new AbcResult(result.Posterior, History(folder, result.Posterior), result.StopReason);
    }

    private static async Task<AbcResult> RunAsync(CliContext context, CaseCalibration calibration, AbcOptions options, string folder, bool resume, string label)
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
            if (!context.Interactive)
            {
                var lines = new ProgressLines(context.Error, label, "particles accepted").ForCalibration();
                return await Task.Run(() => AbcSmc.Run(calibration, options, last, Save, lines, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            AbcResult? result = null;
            await console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(label, maxValue: options.Particles);
                    var sink = new Progress<AbcProgress>(p =>
                    {
                        task.Description = $"{label}: generation {p.Generation}, ε {Rounding.Significant(p.Tolerance, 3)}, {p.Simulations:N0} simulations";
                        task.Value = p.Accepted;
                    });
                    result = await Task.Run(() => AbcSmc.Run(calibration, options, last, Save, sink, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
                    task.Value = options.Particles;
                }).ConfigureAwait(false);
            return result!;
        }
        catch (ArgumentException e) when (last is not null)
        {
            throw new UserInputException($"--resume: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Every generation's record, from the files: a resumed calibration's own result lists only the generations it ran.</summary>
    private static List<AbcGenerationSummary> History(string folder, AbcPopulation last)
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

    private static JsonObject Json(CaseCalibration calibration, AbcOptions options, AbcResult result, IReadOnlyList<CasePrediction> predictions)
    {
        var p = result.Posterior;
        var summaries = p.Summarize();
        var parameters = new JsonArray();
        for (int j = 0; j < p.Dimension; j++)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = p.ParameterNames[j],
                ["field"] = calibration.Structure[j].Field,
                ["prior"] = calibration.Parameters[j].ToString(),
                ["mean"] = summaries[j].Mean,
                ["sd"] = summaries[j].StandardDeviation,
                ["median"] = summaries[j].Median,
                ["lower5"] = summaries[j].Lower,
                ["upper95"] = summaries[j].Upper,
            });
        }

        var generations = new JsonArray();
        foreach (var g in result.Generations)
        {
            generations.Add(new JsonObject
            {
                ["generation"] = g.Generation,
                ["tolerance"] = double.IsFinite(g.Tolerance) ? g.Tolerance : null,
                ["simulations"] = g.Simulations,
                ["acceptanceRate"] = g.AcceptanceRate,
                ["effectiveSampleSize"] = g.EffectiveSampleSize,
            });
        }

        var checks = new JsonArray();
        foreach (var c in predictions)
        {
            checks.Add(Prediction(c));
        }

        return new JsonObject
        {
            ["cases"] = new JsonArray([.. calibration.Cases.Select(c => (JsonNode)JsonValue.Create(c.Name))]),
            ["particles"] = options.Particles,
            ["replicationsPerCase"] = calibration.ReplicationsPerCase,
            ["distance"] = CalibrationSpec.DistanceName(calibration.Distance),
            ["seed"] = options.Seed,
            ["quantile"] = options.Quantile,
            ["minAcceptanceRate"] = options.MinAcceptanceRate,
            ["stopReason"] = result.StopReason.ToString(),
            ["finalTolerance"] = double.IsFinite(p.Tolerance) ? p.Tolerance : null,
            ["effectiveSampleSize"] = p.EffectiveSampleSize,
            ["simulations"] = result.Simulations,
            ["packageVersion"] = SummaryJson.PackageVersion,
            ["parameters"] = parameters,
            ["generations"] = generations,
            ["predictive"] = checks,
        };
    }

    private static JsonObject Prediction(CasePrediction c)
    {
        var o = c.Case.Observation;
        JsonObject Band(PredictiveBand b, double? observed) => new()
        {
            ["median"] = b.Median, ["lower5"] = b.Lower, ["upper95"] = b.Upper, ["observed"] = observed,
            ["observedInBand"] = observed is double v ? b.Contains(v) : null,
        };
        return new JsonObject
        {
            ["case"] = c.Case.Name,
            ["observedCollapse"] = o.Collapsed,
            ["collapseProbability"] = c.Collapse.Estimate,
            ["collapseLower"] = c.CollapseInterval.Lower,
            ["collapseUpper"] = c.CollapseInterval.Upper,
            ["replications"] = c.Replications,
            ["hit"] = c.Hit,
            ["clearHit"] = c.ClearHit,
            ["collapseWeek"] = c.CollapseWeek is PredictiveBand w ? Band(w, o.CollapseWeek) : null,
            ["earlyGeneralDefections"] = Band(c.EarlyGeneralDefections, o.EarlyGeneralDefections),
            ["generalsDefected"] = Band(c.GeneralsDefected, o.GeneralsDefected),
            ["defectedShare"] = Band(c.DefectedShare, o.DefectedShare),
            ["earlyLowRankCrossings"] = Band(c.EarlyLowRankCrossings, o.EarlyLowRankCrossings),
            ["lowRankCrossings"] = Band(c.LowRankCrossings, o.LowRankCrossings),
            ["meanDistance"] = c.MeanDistance,
        };
    }

    private static string PredictionsCsv(JsonArray rows)
    {
        var b = new StringBuilder("case,observedCollapse,collapseProbability,collapseLower,collapseUpper,hit,clearHit,replications\n");
        foreach (var row in rows.OfType<JsonObject>())
        {
            b.Append(CultureInfo.InvariantCulture, $"{row["case"]},{((bool)row["observedCollapse"]! ? "true" : "false")},{(double)row["collapseProbability"]!:R},{(double)row["collapseLower"]!:R},{(double)row["collapseUpper"]!:R},{((bool)row["hit"]! ? "true" : "false")},{((bool)row["clearHit"]! ? "true" : "false")},{(int)row["replications"]!}\n");
        }

        return b.ToString();
    }

    private static void WriteOutputs(string folder, CaseCalibration calibration, AbcResult result, CasePrediction[] predictions, JsonObject json)
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
        AtomicFile.WriteAllText(Path.Combine(folder, "predictive.csv"), PredictionsCsv((JsonArray)json["predictive"]!));
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

    private static async Task Print(CliContext context, string? format, CaseCalibration calibration, AbcResult result, CasePrediction[] predictions, JsonArray? loo, JsonObject json, bool demonstration)
    {
        if (format == "json")
        {
            await context.Output.WriteAsync(SummaryJson.ToText(json)).ConfigureAwait(false);
            return;
        }

        if (format == "csv")
        {
            await context.Output.WriteAsync(PredictionsCsv((JsonArray)json["predictive"]!)).ConfigureAwait(false);
            return;
        }

        var p = result.Posterior;
        var console = Common.Console(context.Output, context.Interactive);
        context.Output.WriteLine(demonstration ? Verdict(calibration, result, predictions).Replace("Verdict: ", "Verdict (a --quick DEMONSTRATION, too rough to rely on): ", StringComparison.Ordinal) : Verdict(calibration, result, predictions));
        console.WriteLine();
        var gens = Common.Titled($"ABC-SMC on {string.Join(", ", calibration.Cases.Select(c => c.Name))}: {p.Count:N0} particles; {StopReason(result.StopReason)}")
            .AddColumn("generation").AddColumn(new TableColumn("ε").RightAligned()).AddColumn(new TableColumn("simulations").RightAligned())
            .AddColumn(new TableColumn("acceptance").RightAligned()).AddColumn(new TableColumn("ESS").RightAligned());
        foreach (var g in result.Generations)
        {
            string tolerance = double.IsFinite(g.Tolerance) ? Rounding.Significant(g.Tolerance, 3) : "∞";
            Common.Row(gens, g.Generation.ToString(CultureInfo.InvariantCulture), tolerance, g.Simulations.ToString("N0", CultureInfo.InvariantCulture), $"{g.AcceptanceRate:P1}", $"{g.EffectiveSampleSize:F0}");
        }

        console.Write(gens);
        var table = Common.Titled("Posterior of the structural parameters").AddColumn("parameter").AddColumn("prior")
            .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("90 % credible interval").RightAligned()).AddColumn(new TableColumn("mean ± sd").RightAligned());
        var s = p.Summarize();
        for (int j = 0; j < p.Dimension; j++)
        {
            int d = Rounding.Decimals(s[j].StandardDeviation / 10, 2); // two significant digits of the spread
            Common.Row(table, s[j].Name, Prior(calibration.Parameters[j]), Rounding.Fixed(s[j].Median, d), $"{Rounding.Fixed(s[j].Lower, d)} to {Rounding.Fixed(s[j].Upper, d)}", $"{Rounding.Fixed(s[j].Mean, d)} ± {Rounding.Fixed(s[j].StandardDeviation, d)}");
        }

        console.Write(table);
        if (predictions.Length > 0)
        {
            console.Write(PredictionTable("Posterior predictive check (each replication draws its own particle)", predictions.Select(Prediction)));
        }

        if (loo is not null)
        {
            console.Write(PredictionTable("Leave one case out: calibrated without the case, then predicting it", loo.OfType<JsonObject>()));
        }
    }

    /// <summary>A prior as a person reads it: "logUniform[0.000001, 0.01]", never an exponent.</summary>
    internal static string Prior(ExperimentParameter p)
    {
        static string N(double v) => Rounding.Significant(v, 4);
        return p.Distribution switch
        {
            ParameterDistribution.LogUniform => $"logUniform[{N(p.Lower)}, {N(p.Upper)}]",
            ParameterDistribution.Triangular => $"triangular[{N(p.Lower)}, {N(p.Upper)}; mode {N(p.Mode ?? ((p.Lower + p.Upper) / 2))}]",
            ParameterDistribution.TruncatedNormal => $"normal({N(p.Mean ?? double.NaN)}, {N(p.StandardDeviation ?? double.NaN)}) on [{N(p.Lower)}, {N(p.Upper)}]",
            _ => $"uniform[{N(p.Lower)}, {N(p.Upper)}]",
        };
    }

    /// <summary>Why the calibration stopped, in words (was the enum's name, "Generations").</summary>
    internal static string StopReason(Calibration.AbcStopReason reason) => reason switch
    {
        Calibration.AbcStopReason.Generations => "ran every generation asked for",
        Calibration.AbcStopReason.AcceptanceRate => "stopped early: too few proposals were accepted (the tolerance cannot shrink further at this cost)",
        Calibration.AbcStopReason.Exhausted => "stopped early: the last generation found no acceptable proposals and was dropped",
        _ => reason.ToString(),
    };

    /// <summary>The one-sentence verdict: how many historical cases the calibrated model reproduces.</summary>
    internal static string Verdict(CaseCalibration calibration, Calibration.AbcResult result, CasePrediction[] predictions)
    {
        string cases = $"{calibration.Cases.Count} historical case{(calibration.Cases.Count == 1 ? "" : "s")}";
        if (predictions.Length == 0)
        {
            return $"Verdict: calibrated on {cases} into a posterior of {result.Posterior.Count:N0} particles (the table gives each parameter's plausible range); no predictive check was run.";
        }

        int hits = predictions.Count(c => c.Hit);
        return $"Verdict: calibrated on {cases}, the model reproduces what happened in {hits} of {predictions.Length} (a collapse more likely than not where the regime fell, less likely where it held); the tables give each parameter's plausible range and each case's prediction.";
    }

    private static Table PredictionTable(string title, IEnumerable<JsonObject> rows)
    {
        var t = Common.Titled(title).AddColumn("case").AddColumn("happened").AddColumn(new TableColumn("P(collapse)").RightAligned())
            .AddColumn(new TableColumn("95 % interval").RightAligned()).AddColumn("verdict");
        foreach (var r in rows)
        {
            bool hit = (bool)r["hit"]!, clear = (bool)r["clearHit"]!;
            var (pe, plo, phi) = Rounding.Percent((double)r["collapseProbability"]!, (double)r["collapseLower"]!, (double)r["collapseUpper"]!, double.NaN);
            Common.Row(t, (string)r["case"]!, (bool)r["observedCollapse"]! ? "collapse" : "held", pe,
                $"{plo} to {phi}", hit ? (clear ? "hit" : "hit (within Monte Carlo error of 1/2)") : "MISS");
        }

        return t;
    }
}
