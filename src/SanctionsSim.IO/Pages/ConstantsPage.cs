using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.IO.Text;
using SanctionsSim.Scorecard;
using SanctionsSim.Calibration;
using SanctionsSim.Analysis;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// Renders the constants' sensitivity JSON (what <c>sanctionssim constants --out</c> writes) as words and as a page:
/// docs/constants.md is rendered from the recorded docs/results/constants.json, and a test checks that it is current.
/// </summary>
internal static class ConstantsPage
{
    /// <summary>A total index below this (at the upper end of its interval) is said not to matter.</summary>
    public const double Negligible = 0.05;

    public static string Index(double value, double lower, double upper)
        => $"{value.ToString("0.00", CultureInfo.InvariantCulture)} [{lower.ToString("0.00", CultureInfo.InvariantCulture)}, {upper.ToString("0.00", CultureInfo.InvariantCulture)}]";

    private static double D(JsonNode? n) => n!.GetValue<double>();

    private static string F(JsonNode? n, string format = "0.000") => D(n).ToString(format, CultureInfo.InvariantCulture);

    public static string Verdict(JsonObject json)
    {
        var constants = json["constants"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var matter = constants.Where(c => D(c["brier"]!["totalLower"]) > Negligible).OrderByDescending(c => D(c["brier"]!["total"])).Select(c => c["name"]!.GetValue<string>()).ToList();
        var negligible = constants.Where(c => D(c["brier"]!["totalUpper"]) < Negligible).Select(c => c["name"]!.GetValue<string>()).ToList();
        var unclear = constants.Select(c => c["name"]!.GetValue<string>()).Except(matter).Except(negligible).ToList();
        double variance = D(json["brierVariance"]), noise = D(json["brierNoiseVariance"]);
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"Varying the {constants.Count} constants by their factors moves the mean Brier score over {json["cases"]!.AsArray().Count} cases between {F(json["brierLowest"])} and {F(json["brierHighest"])} (at the defaults {F(json["brierAtDefaults"])} ± {F(json["brierAtDefaultsStandardError"])}; the standard deviation between points is {Math.Sqrt(variance).ToString("0.000", CultureInfo.InvariantCulture)}, a point's Monte Carlo standard error {Math.Sqrt(noise).ToString("0.000", CultureInfo.InvariantCulture)}, and the points share their random numbers, so their differences are more precise than that). ");
        s.Append(matter.Count > 0 ? $"The scores depend on {string.Join(", ", matter)} (total index above {Negligible} beyond its interval): a conclusion is conditional on their values. " : "No constant's total index is clearly above " + Negligible.ToString(CultureInfo.InvariantCulture) + ". ");
        if (negligible.Count > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", negligible)} do not matter at these settings (interval below {Negligible}). ");
        }

        if (unclear.Count > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"For {string.Join(", ", unclear)} the settings cannot tell.");
        }

        return s.ToString().TrimEnd();
    }

    public static string Render(JsonObject json)
    {
        var s = new StringBuilder();
        var settings = json["settings"]!.AsObject();
        s.AppendLine("# The fixed constants: do the scores depend on them?");
        s.AppendLine();
        s.AppendLine("<!-- Rendered from docs/results/constants.json by the test suite (ConstantsPageTests); regenerate both with the");
        s.AppendLine("     command below and `--out DIR`, then copy constants.json to docs/results/ and constants.md here. -->");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Recorded with `{json["command"]}` (package {json["packageVersion"]}): a Saltelli design of {settings["points"]} points over the constants' factors");
        s.AppendLine(CultureInfo.InvariantCulture, $"(log-uniform, multiplied into every case's value), {settings["runs"]} runs of each of the {json["cases"]!.AsArray().Count} cases per point with the structure drawn from the {(settings["defaultPosterior"]!.GetValue<bool>() ? "shipped" : "given")} posterior and the facts within their ranges,");
        s.AppendLine(CultureInfo.InvariantCulture, $"the same seed ({settings["seed"]}) at every point. The outputs are the mean Brier and log scores of the forecasts of the outcome type. How to read it: [model, §Constants](model.md#constants-what-is-fixed-and-whether-it-matters).");
        s.AppendLine();
        s.AppendLine("**Verdict.** " + Verdict(json));
        s.AppendLine();
        s.AppendLine("The total index (the share of the scores' variance a constant is involved in, alone or with others) is what is read");
        s.AppendLine("here; first-order estimates need many more samples than totals, and at small N their bootstrap intervals run far");
        s.AppendLine("outside [0, 1]. A total above 1 is estimation noise of the same kind.");
        s.AppendLine();
        s.AppendLine("| constant | field | default | factor | Brier: first-order [95 % CI] | Brier: total [95 % CI] | log score: total [95 % CI] | source |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in json["constants"]!.AsArray().Select(c => c!.AsObject()))
        {
            var b = c["brier"]!;
            var l = c["logScore"]!;
            s.AppendLine(CultureInfo.InvariantCulture, $"| {c["name"]} | `{c["path"]}` | {F(c["default"], "0.###")} | {F(c["lowerFactor"], "0.##")}–{F(c["upperFactor"], "0.##")} | {Index(D(b["first"]), D(b["firstLower"]), D(b["firstUpper"]))} | {Index(D(b["total"]), D(b["totalLower"]), D(b["totalUpper"]))} | {Index(D(l["total"]), D(l["totalLower"]), D(l["totalUpper"]))} | {c["source"]} |");
        }

        return s.ToString();
    }

    /// <summary>The total Sobol index of each constant on the Brier and log scores, as a table.</summary>
    public static TextTable Table(ConstantSensitivityResult result)
    {
        var table = new TextTable().Left("constant").Right("Brier: total index [95 % CI]").Right("log score: total index [95 % CI]");
        for (int i = 0; i < result.Constants.Count; i++)
        {
            table.Row(result.Constants[i].Name, ConstantsPage.Index(result.Brier[i].Total, result.Brier[i].TotalInterval.Lower, result.Brier[i].TotalInterval.Upper),
                ConstantsPage.Index(result.LogScore[i].Total, result.LogScore[i].TotalInterval.Lower, result.LogScore[i].TotalInterval.Upper));
        }
        return table;
    }

    private static JsonObject Index(SobolIndex i) => new()
    {
        ["first"] = Math.Round(i.First, 6), ["firstLower"] = Math.Round(i.FirstInterval.Lower, 6), ["firstUpper"] = Math.Round(i.FirstInterval.Upper, 6),
        ["total"] = Math.Round(i.Total, 6), ["totalLower"] = Math.Round(i.TotalInterval.Lower, 6), ["totalUpper"] = Math.Round(i.TotalInterval.Upper, 6),
    };

    /// <summary>The analysis as JSON (constants.json, what the page renders).</summary>
    public static JsonObject ToJson(ConstantSensitivityResult result, string command)
    {
        var constants = new JsonArray();
        for (int i = 0; i < result.Constants.Count; i++)
        {
            var c = result.Constants[i];
            constants.Add(new JsonObject
            {
                ["name"] = c.Name, ["path"] = c.Path, ["default"] = c.Default, ["lowerFactor"] = c.LowerFactor, ["upperFactor"] = c.UpperFactor, ["source"] = c.Source,
                ["brier"] = Index(result.Brier[i]), ["logScore"] = Index(result.LogScore[i]),
            });
        }

        return new JsonObject
        {
            ["command"] = "sanctionssim " + command,
            ["createdBy"] = $"sanctionssim {command} (with --out DIR; then copy DIR/constants.json to docs/results/)",
            ["packageVersion"] = SanctionsSim.Internal.PackageVersion.Current,
            ["modelHash"] = ModelFingerprint.Compute(),
            ["settings"] = new JsonObject { ["points"] = result.Points, ["runs"] = result.Runs, ["seed"] = result.Seed, ["posterior"] = result.PosteriorHash, ["defaultPosterior"] = result.PosteriorHash == Posterior.Default.Hash },
            ["cases"] = new JsonArray([.. result.Cases.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            ["brierAtDefaults"] = Math.Round(result.BrierAtDefaults, 6),
            ["brierAtDefaultsStandardError"] = Math.Round(result.BrierAtDefaultsStandardError, 6),
            ["logScoreAtDefaults"] = Math.Round(result.LogScoreAtDefaults, 6),
            ["brierLowest"] = Math.Round(result.BrierRange.Lowest, 6),
            ["brierHighest"] = Math.Round(result.BrierRange.Highest, 6),
            ["brierVariance"] = result.BrierVariance,
            ["brierNoiseVariance"] = result.BrierNoiseVariance,
            ["constants"] = constants,
        };
    }
}
