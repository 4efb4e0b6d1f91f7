using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Design;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A policy package search (<c>sanctionssim optimize</c>): the optimum or the Pareto front as JSON, CSV, a verdict and a table (#28 item 3).</summary>
internal static class OptimizeText
{
    /// <summary>A package estimate as JSON.</summary>
    public static JsonObject Estimate(PackageEstimate e, IReadOnlyList<string> levers, IReadOnlyList<string> outputs) => new()
    {
        ["levers"] = new JsonObject(levers.Select((n, j) => KeyValuePair.Create(n, (JsonNode?)e.Levers[j]))),
        ["replications"] = e.Replications,
        ["collapseProbability"] = e.Probability,
        ["collapseLower"] = e.ProbabilityInterval.Lower,
        ["collapseUpper"] = e.ProbabilityInterval.Upper,
        ["outputs"] = new JsonArray([.. outputs.Select((n, k) => (JsonNode)new JsonObject { ["cost"] = n, ["mean"] = e.Outputs[k], ["standardError"] = double.IsFinite(e.OutputStandardErrors[k]) ? e.OutputStandardErrors[k] : null })]),
    };

    /// <summary>The optimum as JSON (optimize.json).</summary>
    public static JsonObject Optimum(string scenario, OptimizationResult r, JsonNode structure)
    {
        return new JsonObject
        {
            ["scenario"] = scenario,
            ["goal"] = r.Goal.ToString(),
            ["target"] = r.Goal == PackageGoal.CheapestReachingTarget ? r.Target : null,
            ["budget"] = r.Goal == PackageGoal.MostEffectiveWithinBudget ? r.Budget : null,
            ["confirmation"] = Estimate(r.Confirmation, r.LeverNames, r.OutputNames),
            ["search"] = Estimate(r.Best, r.LeverNames, r.OutputNames),
            ["meetsGoalWithConfidence"] = r.MeetsGoalWithConfidence,
            ["meetsGoalByEstimate"] = r.MeetsGoalByEstimate,
            ["replications"] = r.Replications,
            ["rounds"] = new JsonArray([.. r.Rounds.Select(x => (JsonNode)new JsonObject { ["round"] = x.Round, ["replicationsPerPackage"] = x.ReplicationsPerPackage, ["packages"] = x.Packages, ["incumbent"] = Estimate(x.Incumbent, r.LeverNames, r.OutputNames) })]),
            ["packageVersion"] = SummaryJson.PackageVersion,
            ["structure"] = structure,
        };
    }

    /// <summary>The optimum's verdict and its table.</summary>
    public static (string Verdict, TextTable Table) OptimumView(string scenario, OptimizationResult r)
    {
        var c = r.Confirmation;
        string goal = r.Goal == PackageGoal.CheapestReachingTarget ? $"the cheapest package with P(collapse) ≥ {r.Target.ToString(CultureInfo.InvariantCulture)}" : $"the most effective package costing at most {r.Budget.ToString(CultureInfo.InvariantCulture)}";
        var (pe, plo, phi) = Rounding.Percent(c.Probability, c.ProbabilityInterval.Lower, c.ProbabilityInterval.Upper, double.NaN);
        string levers = string.Join(", ", r.LeverNames.Select((n, j) => $"{n} = {Rounding.Significant(c.Levers[j])}"));
        string outcome = r.MeetsGoalWithConfidence ? "reaches the goal beyond Monte Carlo doubt" : r.MeetsGoalByEstimate ? "reaches the goal by its estimate, but not beyond Monte Carlo doubt" : "MISSES the goal on fresh random numbers";
        string verdict = $"Verdict: {goal} found is {levers}; it {outcome}: P(collapse) {pe} ({plo} to {phi}) on {c.Replications:N0} fresh runs.";
        var t = new TextTable($"{scenario}: {goal}").Left("").Right("value");
        for (int j = 0; j < r.LeverNames.Count; j++)
        {
            t.Row(r.LeverNames[j], Rounding.Significant(c.Levers[j]));
        }

        t.Row("P(collapse), confirmation", $"{pe} ({plo} to {phi}; {c.Replications:N0} fresh runs)");
        for (int k = 0; k < r.OutputNames.Count; k++)
        {
            t.Row(r.OutputNames[k], $"{Rounding.Number(c.Outputs[k], c.OutputStandardErrors[k])} ± {Rounding.Number(c.OutputStandardErrors[k], c.OutputStandardErrors[k] / 10)}");
        }

        t.Row("verdict", r.MeetsGoalWithConfidence ? "meets the goal beyond Monte Carlo doubt" : r.MeetsGoalByEstimate ? "meets the goal by its estimate, not beyond Monte Carlo doubt" : "MISSES the goal on fresh random numbers (the search's estimate was lucky): rerun with more --runs or --rounds");
        t.Row("replications in all", r.Replications.ToString("N0", CultureInfo.InvariantCulture));
        return (verdict, t);
    }

    /// <summary>The Pareto front as JSON (pareto.json).</summary>
    public static JsonObject Pareto(string scenario, ParetoResult r, JsonNode structure)
    {
        return new JsonObject
        {
            ["scenario"] = scenario,
            ["costs"] = new JsonArray([.. r.OutputNames.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["replications"] = r.Replications,
            ["points"] = new JsonArray([.. r.Points.Select(p =>
            {
                var o = Estimate(p.Estimate, r.LeverNames, r.OutputNames);
                o["dominatedByEstimate"] = p.DominatedByEstimate;
                o["significantlyDominated"] = p.SignificantlyDominated;
                return (JsonNode)o;
            })]),
            ["packageVersion"] = SummaryJson.PackageVersion,
            ["structure"] = structure,
        };
    }

    /// <summary>Every package tried as CSV (pareto.csv), dominated ones marked.</summary>
    public static string ParetoCsv(ParetoResult r)
    {
        var csv = new StringBuilder(string.Join(",", r.LeverNames) + ",collapseProbability,collapseLower,collapseUpper," + string.Join(",", r.OutputNames.SelectMany((_, k) => new[] { $"cost{k}", $"cost{k}Se" })) + ",dominatedByEstimate,significantlyDominated\n");
        foreach (var p in r.Points)
        {
            var e = p.Estimate;
            csv.Append(string.Join(",", e.Levers.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
                .Append(CultureInfo.InvariantCulture, $",{e.Probability:R},{e.ProbabilityInterval.Lower:R},{e.ProbabilityInterval.Upper:R},")
                .Append(string.Join(",", e.Outputs.Select((m, k) => string.Create(CultureInfo.InvariantCulture, $"{m:R},{e.OutputStandardErrors[k]:R}"))))
                .Append(CultureInfo.InvariantCulture, $",{(p.DominatedByEstimate ? "true" : "false")},{(p.SignificantlyDominated ? "true" : "false")}\n");
        }
        return csv.ToString();
    }

    /// <summary>The front's verdict.</summary>
    public static string ParetoVerdict(ParetoResult r)
        => $"Verdict: {r.Front.Count} of the {r.Points.Count} packages tried are on the front (no other package is clearly both more likely to bring collapse and cheaper); the table lists them all, the dominated ones marked.";

    /// <summary>Every package tried as a table, dominated ones marked.</summary>
    public static TextTable ParetoTable(string scenario, ParetoResult r)
    {
        var t = new TextTable($"{scenario}: P(collapse) against {string.Join(", ", r.OutputNames)} ({r.Front.Count} of {r.Points.Count} packages on the front within Monte Carlo error)");
        foreach (string n in r.LeverNames)
        {
            t.Right(n);
        }

        t.Right("P(collapse)");
        foreach (string n in r.OutputNames)
        {
            t.Right(n);
        }

        t.Left("");
        foreach (var p in r.Points)
        {
            var e = p.Estimate;
            var (pe, plo, phi) = Rounding.Percent(e.Probability, e.ProbabilityInterval.Lower, e.ProbabilityInterval.Upper, double.NaN);
            t.Row([.. e.Levers.Select(v => Rounding.Significant(v, 3)), $"{pe} ({plo} to {phi})", .. e.Outputs.Select((m, k) => $"{Rounding.Number(m, e.OutputStandardErrors[k])} ± {Rounding.Number(e.OutputStandardErrors[k], e.OutputStandardErrors[k] / 10)}"), p.SignificantlyDominated ? "dominated" : ""]);
        }

        return t;
    }
}
