using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Experiments;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A calibration's result as JSON, CSV, words and tables (moved from the command line, #28 item 3).</summary>
internal static class CalibrationText
{
    /// <summary>The calibration's JSON (calibration.json): settings, posterior summaries, generations, predictive checks.</summary>
    public static JsonObject Json(CaseCalibration calibration, AbcOptions options, AbcResult result, IReadOnlyList<CasePrediction> predictions)
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
            ["distance"] = Jobs.CalibrationDefinition.DistanceName(calibration.Distance),
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

    /// <summary>A case's predictive check as JSON.</summary>
    public static JsonObject Prediction(CasePrediction c)
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

    /// <summary>Predictive checks (the JSON rows) as CSV.</summary>
    public static string PredictionsCsv(JsonArray rows)
    {
        var b = new StringBuilder("case,observedCollapse,collapseProbability,collapseLower,collapseUpper,hit,clearHit,replications\n");
        foreach (var row in rows.OfType<JsonObject>())
        {
            b.Append(CultureInfo.InvariantCulture, $"{row["case"]},{((bool)row["observedCollapse"]! ? "true" : "false")},{(double)row["collapseProbability"]!:R},{(double)row["collapseLower"]!:R},{(double)row["collapseUpper"]!:R},{((bool)row["hit"]! ? "true" : "false")},{((bool)row["clearHit"]! ? "true" : "false")},{(int)row["replications"]!}\n");
        }

        return b.ToString();
    }

    /// <summary>The generations of ABC-SMC: tolerance, simulations, acceptance, effective sample size.</summary>
    public static TextTable Generations(CaseCalibration calibration, AbcResult result)
    {
        var p = result.Posterior;
        var gens = new TextTable($"ABC-SMC on {string.Join(", ", calibration.Cases.Select(c => c.Name))}: {p.Count:N0} particles; {StopReason(result.StopReason)}")
            .Left("generation").Right("ε").Right("simulations").Right("acceptance").Right("ESS");
        foreach (var g in result.Generations)
        {
            string tolerance = double.IsFinite(g.Tolerance) ? Rounding.Significant(g.Tolerance, 3) : "∞";
            gens.Row(g.Generation.ToString(CultureInfo.InvariantCulture), tolerance, g.Simulations.ToString("N0", CultureInfo.InvariantCulture), $"{g.AcceptanceRate:P1}", $"{g.EffectiveSampleSize:F0}");
        }

        return gens;
    }

    /// <summary>The posterior of each structural parameter: prior, median, 90 % credible interval, mean ± sd.</summary>
    public static TextTable Posterior(CaseCalibration calibration, AbcResult result)
    {
        var p = result.Posterior;
        var table = new TextTable("Posterior of the structural parameters").Left("parameter").Left("prior").Right("median").Right("90 % credible interval").Right("mean ± sd");
        var s = p.Summarize();
        for (int j = 0; j < p.Dimension; j++)
        {
            int d = Rounding.Decimals(s[j].StandardDeviation / 10, 2); // two significant digits of the spread
            table.Row(s[j].Name, Prior(calibration.Parameters[j]), Rounding.Fixed(s[j].Median, d), $"{Rounding.Fixed(s[j].Lower, d)} to {Rounding.Fixed(s[j].Upper, d)}", $"{Rounding.Fixed(s[j].Mean, d)} ± {Rounding.Fixed(s[j].StandardDeviation, d)}");
        }

        return table;
    }

    /// <summary>A prior as a person reads it: "logUniform[0.000001, 0.01]", never an exponent.</summary>
    public static string Prior(ExperimentParameter p)
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
    public static string StopReason(Calibration.AbcStopReason reason) => reason switch
    {
        Calibration.AbcStopReason.Generations => "ran every generation asked for",
        Calibration.AbcStopReason.AcceptanceRate => "stopped early: too few proposals were accepted (the tolerance cannot shrink further at this cost)",
        Calibration.AbcStopReason.Exhausted => "stopped early: the last generation found no acceptable proposals and was dropped",
        _ => reason.ToString(),
    };

    /// <summary>The one-sentence verdict: how many historical cases the calibrated model reproduces.</summary>
    public static string Verdict(CaseCalibration calibration, Calibration.AbcResult result, CasePrediction[] predictions)
    {
        string cases = $"{calibration.Cases.Count} historical case{(calibration.Cases.Count == 1 ? "" : "s")}";
        if (predictions.Length == 0)
        {
            return $"Verdict: calibrated on {cases} into a posterior of {result.Posterior.Count:N0} particles (the table gives each parameter's plausible range); no predictive check was run.";
        }

        int hits = predictions.Count(c => c.Hit);
        return $"Verdict: calibrated on {cases}, the model reproduces what happened in {hits} of {predictions.Length} (a collapse more likely than not where the regime fell, less likely where it held); the tables give each parameter's plausible range and each case's prediction.";
    }

    /// <summary>Predictive checks (the JSON rows) as a table: what happened, P(collapse), hit or miss.</summary>
    public static TextTable PredictionTable(string title, IEnumerable<JsonObject> rows)
    {
        var t = new TextTable(title).Left("case").Left("happened").Right("P(collapse)")
            .Right("95 % interval").Left("verdict");
        foreach (var r in rows)
        {
            bool hit = (bool)r["hit"]!, clear = (bool)r["clearHit"]!;
            var (pe, plo, phi) = Rounding.Percent((double)r["collapseProbability"]!, (double)r["collapseLower"]!, (double)r["collapseUpper"]!, double.NaN);
            t.Row((string)r["case"]!, (bool)r["observedCollapse"]! ? "collapse" : "held", pe,
                $"{plo} to {phi}", hit ? (clear ? "hit" : "hit (within Monte Carlo error of 1/2)") : "MISS");
        }

        return t;
    }

    /// <summary>A merged generation of a sharded calibration, as JSON (<c>merge --format json</c>).</summary>
    public static JsonObject Merged(int g, AbcPopulation population) => new()
    {
        ["generation"] = g,
        ["done"] = false,
        ["tolerance"] = double.IsFinite(population.Tolerance) ? population.Tolerance : null,
        ["acceptanceRate"] = population.AcceptanceRate,
        ["effectiveSampleSize"] = population.EffectiveSampleSize,
        ["simulations"] = population.Simulations,
        ["nextGeneration"] = g + 1,
    };

    /// <summary>A merged generation of a sharded calibration, and what to do next.</summary>
    public static string MergedLine(int g, int shards, AbcPopulation population)
    {
        string tolerance = double.IsFinite(population.Tolerance) ? Rounding.Significant(population.Tolerance, 4) : "∞";
        return $"generation {g} merged (ε {tolerance}, acceptance {population.AcceptanceRate.ToString("P1", CultureInfo.InvariantCulture)}, ESS {population.EffectiveSampleSize.ToString("F0", CultureInfo.InvariantCulture)}): "
            + $"now run the {shards} shards of generation {g + 1}, then merge again";
    }

    /// <summary>Adds leave one case out (<c>calibrate --leave-one-out</c>) to calibration.json.</summary>
    public static void LeaveOneOut(JsonObject json, JsonArray loo) => json["leaveOneOut"] = loo;

    /// <summary>Marks calibration.json as a <c>--quick</c> demonstration, with the note that says so.</summary>
    public static void Quick(JsonObject json)
    {
        json["quick"] = true;
        json["note"] = "calibrate --quick: a demonstration with few particles and generations; the posterior is too rough to rely on.";
    }
}
