using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Text;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Jobs;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// Renders a misfit report's JSON (what <c>sanctionssim misfit --out</c> writes) as words and as a Markdown page:
/// docs/misfit.md is rendered from the recorded docs/results/misfit.json, and a test checks that it is current.
/// </summary>
internal static class MisfitPage
{
    public static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string P(double p) => double.IsNaN(p) ? "–" : p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    private static double D(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();

    private static string F(JsonNode? node, string format = "0.##") => node is null ? "–" : D(node).ToString(format, CultureInfo.InvariantCulture);

    private static List<JsonObject> Cases(JsonObject json) => json["cases"]!.AsArray().Select(c => c!.AsObject()).ToList();

    public static string Verdict(JsonObject json)
    {
        var cases = Cases(json).OrderByDescending(c => D(c["shareOfTotal"])).ToList();
        var worst = cases.Take(5).ToList();
        var observations = cases.SelectMany(c => c["observations"]!.AsArray().Select(o => o!.AsObject())).ToList();
        int flagged = observations.Count(o => o["twoSidedP"] is JsonNode p && p.GetValue<double>() < 0.05);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"At the {(json["posterior"]!["default"]!.GetValue<bool>() ? "shipped" : "given")} posterior a particle's expected ε² over {cases.Count} cases is {F(json["meanSquaredDistance"], "0.0")}; ");
        text.Append(CultureInfo.InvariantCulture, $"the {worst.Count} worst-fitting cases hold {Percent(worst.Sum(c => D(c["shareOfTotal"])))} of it ({string.Join(", ", worst.Select(c => $"{c["case"]} {Percent(D(c["shareOfTotal"]))}, mostly its {c["worst"]}"))}). ");
        text.Append(CultureInfo.InvariantCulture, $"{flagged} of {observations.Count} observations lie outside the posterior predictive distribution (two-sided p < 0.05).");
        var variants = json["recalibrated"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var reference = variants.FirstOrDefault(v => D(v["outcomeWeight"]) == 2 && v["dropped"]!.AsObject().Count == 0);
        if (reference is not null && variants.Count > 1)
        {
            var moved = Moved(reference, variants.Where(v => v != reference));
            int total = reference["parameters"]!.AsArray().Count;
            text.Append(CultureInfo.InvariantCulture, $" Recalibrated, {moved.Count} of {total} structural parameters have a median outside the weight-2 posterior's 90 % interval in at least one variant{(moved.Count > 0 ? $" ({string.Join(", ", moved)})" : "")}: {(moved.Count > 0 ? "those are shaped by what the model cannot fit, not by the cases alone" : "the posterior does not hinge on how the misfit is weighed")}, at recalibrations of {json["settings"]!["particles"]} particles and {json["settings"]!["generations"]} generations, whose intervals stay wide (a weak check: a narrower posterior could move).");
        }

        return text.ToString();
    }

    private static List<string> Moved(JsonObject reference, IEnumerable<JsonObject> others)
    {
        var byName = reference["parameters"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => p["name"]!.GetValue<string>());
        var moved = new List<string>();
        foreach (var (name, r) in byName)
        {
            foreach (var v in others)
            {
                var p = v["parameters"]!.AsArray().Select(x => x!.AsObject()).First(x => x["name"]!.GetValue<string>() == name);
                double median = D(p["median"]);
                if (median < D(r["lower"]) || median > D(r["upper"]))
                {
                    moved.Add(name);
                    break;
                }
            }
        }

        return moved;
    }

    public static string Render(JsonObject json)
    {
        var s = new StringBuilder();
        var settings = json["settings"]!.AsObject();
        var cases = Cases(json);
        s.AppendLine("# Where the model misfits the case base");
        s.AppendLine();
        s.AppendLine("<!-- Rendered from docs/results/misfit.json by the test suite (MisfitPageTests); regenerate both with the command");
        s.AppendLine("     below and `--out DIR`, then copy misfit.json to docs/results/ and misfit.md here. -->");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Recorded with `{json["command"]}` (package {json["packageVersion"]}): the {(json["posterior"]!["default"]!.GetValue<bool>() ? "shipped" : "given")} posterior (hash `{json["posterior"]!["hash"]}`, {json["posterior"]!["particles"]} particles),");
        s.AppendLine(CultureInfo.InvariantCulture, $"{settings["draws"]} particles drawn from it, each simulated on every case {settings["replicationsPerCase"]} times with the case's facts drawn within their ranges, the {settings["distance"]} distance with the outcome weighed {settings["outcomeWeight"]}, seed {settings["seed"]}.");
        s.AppendLine("How to read it: [validation, misspecification](validation.md#misspecification-where-the-distance-comes-from).");
        s.AppendLine();
        s.AppendLine("**Verdict.** " + Verdict(json));
        s.AppendLine();
        s.AppendLine("## Each case's share of the distance");
        s.AppendLine();
        s.AppendLine("| case | share of ε² | its mean d² (± se) | worst observation | its share of the case | observed | predictive median | two-sided p |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in cases.OrderByDescending(c => D(c["shareOfTotal"])))
        {
            var w = c["observations"]!.AsArray().Select(o => o!.AsObject()).First(o => o["name"]!.GetValue<string>() == c["worst"]!.GetValue<string>());
            string observed = w["name"]!.GetValue<string>() == "outcome" ? $"P(observed type) = {F(w["predictiveP"], "0.000")}"
                : D(w["observedLow"]) == D(w["observedHigh"]) ? F(w["observed"]) : $"{F(w["observedLow"])}–{F(w["observedHigh"])}";
            s.AppendLine(CultureInfo.InvariantCulture, $"| {c["case"]} | {Percent(D(c["shareOfTotal"]))} | {F(c["meanSquaredDistance"], "0.00")} ± {F(c["standardError"], "0.00")} | {w["name"]} | {Percent(D(w["shareOfCase"]))} | {observed} | {F(w["predictiveMedian"])} | {P(w["twoSidedP"] is JsonNode p ? p.GetValue<double>() : double.NaN)} |");
        }

        s.AppendLine();
        s.AppendLine("## Each kind of observation");
        s.AppendLine();
        s.AppendLine("| observation | cases observing it | share of ε² | cases with two-sided p < 0.05 |");
        s.AppendLine("|---|---|---|---|");
        double total = D(json["meanSquaredDistance"]);
        var all = cases.SelectMany(c => c["observations"]!.AsArray().Select(o => o!.AsObject())).GroupBy(o => o["name"]!.GetValue<string>());
        foreach (var g in all)
        {
            double share = total > 0 ? g.Sum(o => D(o["meanSquaredTerm"])) / total : 0;
            int flagged = g.Count(o => o["twoSidedP"] is JsonNode p && p.GetValue<double>() < 0.05);
            s.AppendLine(CultureInfo.InvariantCulture, $"| {g.Key} | {g.Count()} | {Percent(share)} | {flagged} |");
        }

        var variants = json["recalibrated"]!.AsArray().Select(v => v!.AsObject()).ToList();
        if (variants.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("## The posterior when the misfit is weighed differently");
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"Each recalibration: ABC-SMC from the prior, {settings["particles"]} particles, {settings["generations"]} generations, seed {settings["seed"]}. Median [5 %, 95 %]; a median outside the weight-2 posterior's interval is in bold.");
            s.AppendLine();
            s.AppendLine("| parameter | " + string.Join(" | ", variants.Select(v => v["label"]!.GetValue<string>())) + " |");
            s.AppendLine("|---|" + string.Concat(variants.Select(_ => "---|")));
            var reference = variants.FirstOrDefault(v => D(v["outcomeWeight"]) == 2 && v["dropped"]!.AsObject().Count == 0);
            foreach (string name in variants[0]["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()))
            {
                var r = reference?["parameters"]!.AsArray().Select(p => p!.AsObject()).First(p => p["name"]!.GetValue<string>() == name);
                var cells = variants.Select(v =>
                {
                    var p = v["parameters"]!.AsArray().Select(x => x!.AsObject()).First(x => x["name"]!.GetValue<string>() == name);
                    string cell = $"{F(p["median"], "0.###")} [{F(p["lower"], "0.###")}, {F(p["upper"], "0.###")}]";
                    bool outside = r is not null && v != reference && (D(p["median"]) < D(r["lower"]) || D(p["median"]) > D(r["upper"]));
                    return outside ? $"**{cell}**" : cell;
                });
                s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", cells)} |");
            }

            s.AppendLine();
            s.AppendLine("| final tolerance ε | " + string.Join(" | ", variants.Select(v => F(v["tolerance"], "0.00"))) + " |");
            s.AppendLine("|---|" + string.Concat(variants.Select(_ => "---|")));
            var dropped = variants.FirstOrDefault(v => v["dropped"]!.AsObject().Count > 0);
            if (dropped is not null)
            {
                s.AppendLine();
                s.AppendLine("Dropped in the last variant: " + string.Join("; ", dropped["dropped"]!.AsObject().GroupBy(kv => kv.Value!.GetValue<string>()).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} of {g.Count()} cases")) + ".");
            }
        }

        return s.ToString();
    }

    /// <summary>Each case's share of the misfit and its worst observation, as a table.</summary>
    public static TextTable Table(MisspecificationResult result)
    {
        var table = new TextTable().Left("case").Right("share of ε²")
            .Left("worst observation").Right("its share").Right("predictive p (two-sided)");
        foreach (var c in result.Cases.OrderByDescending(c => c.ShareOfTotal))
        {
            var worst = c.Worst;
            table.Row(c.Case, Percent(c.ShareOfTotal), worst.Name, Percent(worst.ShareOfCase), P(worst.TwoSidedP));
        }
        return table;
    }

    /// <summary>A recalibration as JSON: its label, weight, dropped observations, tolerance and posterior ranges.</summary>
    public static JsonObject Variant(string label, CaseCalibration calibration, AbcResult fit, IReadOnlyDictionary<string, string>? dropped)
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

    /// <summary>The diagnosis as JSON (misfit.json, what the page renders).</summary>
    public static JsonObject ToJson(MisspecificationResult result, Posterior posterior, JsonArray recalibrated, AbcOptions abc, string command)
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
            ["createdBy"] = $"sanctionssim {command} (with --out DIR; then copy DIR/misfit.json to docs/results/)",
            ["packageVersion"] = SanctionsSim.Internal.PackageVersion.Current,
            ["modelHash"] = ModelFingerprint.Compute(),
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
