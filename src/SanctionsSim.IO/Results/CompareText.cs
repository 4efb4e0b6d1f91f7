using SanctionsSim.Analysis;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A comparison's result as a table and its rows; the HTML report shows the same rows (#28 item 3).</summary>
internal static class CompareText
{
    /// <summary>The comparison's JSON (comparison.json): the summary, the structure it used and, when drawn, its posterior.</summary>
    public static System.Text.Json.Nodes.JsonObject Json(MonteCarlo.MonteCarloResult<ComparisonSummary> result, Inputs.StructureChoice structure, Calibration.Posterior? posterior)
    {
        var json = SummaryJson.Comparison(result.Summary, result);
        json["structure"] = structure.Json();
        if (posterior is { } used)
        {
            json["posterior"] = SummaryJson.Posterior(used);
        }

        return json;
    }

    /// <summary>The comparison's table: each arm's P(collapse) and the paired differences.</summary>
    public static TextTable Table(ComparisonSummary s, double c, long runs)
    {
        var table = new TextTable($"{runs:N0} paired runs (common random numbers), {c:P0} intervals").Left(Header(s)[0]);
        foreach (string column in Header(s).Skip(1))
        {
            table.Right(column);
        }

        foreach (string[] row in Rows(s, c))
        {
            table.Row(row);
        }

        return table;
    }

    /// <summary>How much pairing on common random numbers gained, arm by arm (empty when it gained nothing to speak of).</summary>
    public static List<string> Reductions(ComparisonSummary s, double c)
    {
        var reductions = new List<string>();
        for (int k = 1; k < s.Arms.Count; k++)
        {
            var e = s.Effect(k, c);
            string? r = Reduction("weeks survived", e.WeeksVarianceReduction) ?? Reduction("P(collapse)", e.CollapseVarianceReduction);
            if (r is not null)
            {
                reductions.Add($"{e.Arm}: {r}");
            }
        }

        return reductions;
    }

    /// <summary>The comparison table's columns (the report shows the same).</summary>
    public static string[] Header(ComparisonSummary s)
        => ["scenario", "P(collapse)", "interval", "ΔP vs " + s.Arms[0].ScenarioName, "interval", "Δ weeks survived", "interval"];

    /// <summary>One row per arm: P(collapse) and its interval; for the alternatives, the paired differences (in percentage points) and their intervals.</summary>
    public static List<string[]> Rows(ComparisonSummary s, double c)
    {
        var rows = new List<string[]>();
        for (int k = 0; k < s.Arms.Count; k++)
        {
            var p = s.Arms[k].CollapseProbability;
            var ci = p.Wilson(c);
            var (pe, plo, phi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
            string dp = "", dpi = "", dw = "", dwi = "";
            if (k > 0)
            {
                var e = s.Effect(k, c);
                var (d, dlo, dhi) = Rounding.Points(e.CollapseProbabilityDifference, e.CollapseProbabilityDifferenceInterval.Lower, e.CollapseProbabilityDifferenceInterval.Upper, e.CollapseProbabilityDifferenceStandardError);
                (dp, dpi) = (d, $"{dlo} to {dhi}");
                var (w, wlo, whi) = Rounding.SignedInterval(e.WeeksSurvivedDifference, e.WeeksSurvivedDifferenceInterval.Lower, e.WeeksSurvivedDifferenceInterval.Upper, e.WeeksSurvivedDifferenceStandardError);
                (dw, dwi) = (w, $"{wlo} to {whi}");
            }

            rows.Add([s.Arms[k].ScenarioName, pe, $"{plo} to {phi}", dp, dpi, dw, dwi]);
        }

        return rows;
    }

    /// <summary>"6.2× for weeks survived", or null when degenerate (an arm that never varies: no reduction to speak of).</summary>
    private static string? Reduction(string output, double factor)
        => double.IsFinite(factor) && factor > 1.05 ? $"{Rounding.Cell(factor, "F1")}× for {output}" : null;
}
