using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Scorecard;
using SanctionsSim.IO.Jobs;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// Renders a scorecard's JSON (what <c>sanctionssim scorecard --out</c> writes) as words and as a Markdown page:
/// docs/scorecard.md is rendered from the recorded docs/results/scorecard.json, and a test checks that it is current.
/// </summary>
internal static class ScorecardPage
{
    public static string Verdict(JsonObject json)
    {
        var scores = json["scores"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var model = scores[0];
        var better = scores.Skip(1).Where(s => s["modelBetter"]!.GetValue<bool>()).Select(s => s["name"]!.GetValue<string>()).ToList();
        var worse = scores.Skip(1).Where(s => s["modelWorse"]!.GetValue<bool>()).Select(s => s["name"]!.GetValue<string>()).ToList();
        var tied = scores.Skip(1).Select(s => s["name"]!.GetValue<string>()).Except(better).Except(worse).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Held out one fold at a time ({json["settings"]!["folds"]} folds, {json["cases"]!.AsArray().Count} cases), the model's forecasts of how each case ended score a Brier of {F(model["brier"])} (lower is better). ");
        text.Append(better.Count > 0 ? $"It beats {string.Join(" and ", better)}. " : "It beats none of the baselines. ");
        if (tied.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"It cannot be told apart from {string.Join(" and ", tied)} (the paired difference is within two standard errors). ");
        }

        if (worse.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"It does worse than {string.Join(" and ", worse)}.");
        }

        return text.ToString().TrimEnd();
    }

    public static string Against(ForecasterScore s)
        => $"{(s.BrierGainOfModel >= 0 ? "+" : "")}{s.BrierGainOfModel.ToString("0.000", CultureInfo.InvariantCulture)} ± {s.BrierGainOfModelStandardError.ToString("0.000", CultureInfo.InvariantCulture)}"
            + (s.ModelBetter ? ": the model is better" : s.ModelWorse ? ": the model is worse" : ": no clear difference");

    /// <summary>The name the docs give a recorded scorecard: scorecard, then -high-command and the distance when not the mean.</summary>
    public static string Stem(JsonObject settings)
    {
        string distance = settings["distance"]?.GetValue<string>() ?? "mean";
        return "scorecard" + (settings["highCommand"]!.GetValue<bool>() ? "-high-command" : "") + (distance == "mean" ? "" : "-" + distance);
    }

    /// <summary>", the outcome-only distance" and the like when the folds were calibrated with another distance than the mean.</summary>
    private static string DistanceClause(JsonObject settings)
        => settings["distance"]?.GetValue<string>() is string d && d != "mean" ? $", the {d} distance" : "";

    public static string Render(JsonObject json)
    {
        var s = new StringBuilder();
        var settings = json["settings"]!.AsObject();
        var scores = json["scores"]!.AsArray().Select(x => x!.AsObject()).ToList();
        s.AppendLine("# The scorecard: held-out forecasts of how each case ended");
        s.AppendLine();
        string stem = Stem(settings);
        s.AppendLine(CultureInfo.InvariantCulture, $"<!-- Rendered from docs/results/{stem}.json by the test suite (ScorecardPageTests); regenerate both with the");
        s.AppendLine(CultureInfo.InvariantCulture, $"     command below and `--out`, then copy scorecard.json to docs/results/{stem}.json and scorecard.md to {stem}.md here. -->");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Recorded with `{json["command"]}` (package {json["packageVersion"]}): {settings["folds"]} folds over {json["cases"]!.AsArray().Count} cases,");
        s.AppendLine(CultureInfo.InvariantCulture, $"the model's structure {(settings["structure"]!.GetValue<string>() == "calibrated" ? $"calibrated on each fold's training cases ({settings["particles"]} particles, {settings["generations"]} generations, {settings["replicationsPerCase"]} replications per case{DistanceClause(settings)})" : "taken from a given posterior for every fold (not out of sample in structure)")},");
        s.AppendLine(CultureInfo.InvariantCulture, $"{settings["runs"]} runs per held-out forecast with the case's facts drawn within their ranges, the high command {(settings["highCommand"]!.GetValue<bool>() ? "on" : "off")}, seed {settings["seed"]}.");
        s.AppendLine();
        s.AppendLine("**Verdict.** " + Verdict(json));
        s.AppendLine();
        s.AppendLine("| forecaster | Brier (± se) | log score (± se) | most likely type happened | its Brier minus the model's (paired, ± se) |");
        s.AppendLine("|---|---|---|---|---|");
        foreach (var x in scores)
        {
            string against = x == scores[0] ? "" : $"{Signed(x["brierGainOfModel"])} ± {F(x["brierGainOfModelStandardError"])}";
            s.AppendLine(CultureInfo.InvariantCulture, $"| {x["name"]} | {F(x["brier"])} ± {F(x["brierStandardError"])} | {F(x["logScore"])} ± {F(x["logScoreStandardError"])} | {x["hits"]} of {x["cases"]} | {against} |");
        }

        s.AppendLine();
        s.AppendLine("The Brier score sums (p_k − 1[k observed])² over the four outcome types (0 is perfect, 2 the worst); the log score is");
        s.AppendLine($"−ln p(observed), with every probability floored at {OutcomeForecast.Floor.ToString(CultureInfo.InvariantCulture)}. The baselines are fitted on the same training folds: the base");
        s.AppendLine("rate (each type's frequency, one pseudo-case per type), \"the regime survives\" (all the probability on survival but the");
        s.AppendLine("floor), and a multinomial logistic regression on the coded facts alone (troops, elite share, loyalty codes, reprisal and");
        s.AppendLine("detection codes, protest and crackdown sizes, sanctions, patrons, identity cleavage, regime type; L2 penalty 1 on");
        s.AppendLine("standardised coefficients). A difference counts when it exceeds two standard errors of the paired difference.");
        s.AppendLine();
        s.AppendLine("## Case by case");
        s.AppendLine();
        var forecasts = json["forecasts"]!.AsArray().Select(x => x!.AsObject()).ToList();
        var names = scores.Select(x => x["name"]!.GetValue<string>()).ToList();
        s.AppendLine("| case | observed | " + string.Join(" | ", names.Select(n => $"{n}: P(observed)")) + " | model's most likely |");
        s.AppendLine("|---|---|" + string.Concat(names.Select(_ => "---|")) + "---|");
        foreach (string c in json["cases"]!.AsArray().Select(x => x!.GetValue<string>()))
        {
            var mine = forecasts.Where(f => f["case"]!.GetValue<string>() == c).ToList();
            string observed = mine[0]["observed"]!.GetValue<string>();
            var cells = names.Select(n => mine.Single(f => f["forecaster"]!.GetValue<string>() == n)).Select(f => F(f["probabilities"]![observed]));
            var modelProbabilities = mine.Single(f => f["forecaster"]!.GetValue<string>() == names[0])["probabilities"]!.AsObject();
            string likely = modelProbabilities.MaxBy(p => p.Value!.GetValue<double>()).Key;
            s.AppendLine(CultureInfo.InvariantCulture, $"| {c} | {observed} | {string.Join(" | ", cells)} | {likely} |");
        }

        s.AppendLine();
        s.AppendLine("## Reliability of the model's forecasts");
        s.AppendLine();
        s.AppendLine("Forecasts of each type binned by probability; a bin is reliable when its mean forecast lies in the Wilson interval of");
        string image = Stem(settings) + "-reliability.png";
        s.AppendLine(CultureInfo.InvariantCulture, $"how often the type happened. ![Reliability diagram](images/{image})");
        s.AppendLine();
        s.AppendLine("| type | forecast bin | cases | mean forecast | happened | interval | reliable |");
        s.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var b in json["reliability"]!.AsArray().Select(x => x!.AsObject()))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {b["type"]} | [{F(b["lower"], "0.0")}, {F(b["upper"], "0.0")}) | {b["cases"]} | {F(b["meanForecast"])} | {b["observed"]} | [{F(b["observedLower"])}, {F(b["observedUpper"])}] | {(b["reliable"]!.GetValue<bool>() ? "yes" : "no")} |");
        }

        s.AppendLine();
        s.AppendLine("**What would overturn this.** More cases (33 give standard errors of about 0.05 on a Brier score); a recoding of a");
        s.AppendLine("case's outcome type (docs/cases.md lists the disputed ones); a recalibration with the high command on; other folds");
        s.AppendLine("(the fold assignment is a function of the seed).");
        return s.ToString();
    }

    private static string F(JsonNode? node, string format = "0.000") => node!.GetValue<double>().ToString(format, CultureInfo.InvariantCulture);

    private static string Signed(JsonNode? node) => (node!.GetValue<double>() >= 0 ? "+" : "") + F(node);

    /// <summary>Each forecaster's scores, and how it compares with the model, as a table.</summary>
    public static TextTable Table(ScorecardResult result)
    {
        var table = new TextTable().Left("forecaster").Right("Brier ± se")
            .Right("log score ± se").Right("accuracy").Left("against the model (Brier, paired)");
        foreach (var s in result.Scores)
        {
            table.Row(s.Name, $"{Score(s.Brier, s.BrierStandardError)}", $"{Score(s.LogScore, s.LogScoreStandardError)}",
                $"{s.Accuracy.Successes}/{s.Accuracy.Trials}", s == result.Scores[0] ? "" : Against(s));
        }
        return table;
    }

    private static string Score(double value, double se) => $"{value.ToString("0.000", CultureInfo.InvariantCulture)} ± {se.ToString("0.000", CultureInfo.InvariantCulture)}";

    /// <summary>The scorecard as JSON (scorecard.json, what the page renders).</summary>
    public static JsonObject ToJson(ScorecardResult result, ScorecardOptions options, string command)
    {
        var scores = new JsonArray();
        foreach (var s in result.Scores)
        {
            scores.Add(new JsonObject
            {
                ["name"] = s.Name, ["brier"] = s.Brier, ["brierStandardError"] = s.BrierStandardError, ["logScore"] = s.LogScore, ["logScoreStandardError"] = s.LogScoreStandardError,
                ["hits"] = s.Accuracy.Successes, ["cases"] = s.Accuracy.Trials, ["brierGainOfModel"] = s.BrierGainOfModel, ["brierGainOfModelStandardError"] = s.BrierGainOfModelStandardError,
                ["modelBetter"] = s.ModelBetter, ["modelWorse"] = s.ModelWorse,
            });
        }

        var forecasts = new JsonArray();
        foreach (var f in result.Forecasts)
        {
            var p = new JsonObject();
            foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
            {
                p[OutcomeTypes.Name(t)] = Math.Round(f.Probabilities[(int)t], 6);
            }

            forecasts.Add(new JsonObject { ["case"] = f.Case, ["forecaster"] = f.Forecaster, ["fold"] = f.Fold, ["observed"] = OutcomeTypes.Name(f.Observed), ["probabilities"] = p, ["brier"] = f.Brier, ["logScore"] = f.LogScore, ["hit"] = f.Hit });
        }

        var reliability = new JsonArray();
        foreach (var b in result.Reliability)
        {
            var ci = b.Observed.Wilson(result.Confidence);
            reliability.Add(new JsonObject
            {
                ["type"] = OutcomeTypes.Name(b.Type), ["lower"] = b.Lower, ["upper"] = b.Upper, ["meanForecast"] = b.MeanForecast,
                ["observed"] = b.Observed.Successes, ["cases"] = b.Observed.Trials, ["observedLower"] = ci.Lower, ["observedUpper"] = ci.Upper, ["reliable"] = b.Reliable,
            });
        }

        return new JsonObject
        {
            ["command"] = "sanctionssim " + command,
            ["createdBy"] = $"sanctionssim {command} (with --out DIR; then copy DIR/scorecard.json to docs/results/)",
            ["packageVersion"] = SanctionsSim.Internal.PackageVersion.Current,
            ["modelHash"] = ModelFingerprint.Compute(),
            ["settings"] = new JsonObject
            {
                ["folds"] = result.Folds, ["structure"] = options.Structure == ScorecardStructure.Calibrated ? "calibrated" : "given",
                ["particles"] = options.Particles, ["generations"] = options.Generations, ["replicationsPerCase"] = options.ReplicationsPerCase, ["distance"] = CalibrationDefinition.DistanceName(options.Distance),
                ["runs"] = options.Runs, ["highCommand"] = options.HighCommand, ["seed"] = options.Seed, ["confidence"] = result.Confidence,
            },
            ["cases"] = new JsonArray([.. result.Cases.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            ["scores"] = scores,
            ["reliability"] = reliability,
            ["forecasts"] = forecasts,
        };
    }
}
