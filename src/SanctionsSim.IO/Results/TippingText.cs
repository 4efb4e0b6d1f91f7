using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A tipping-point scan (<c>sanctionssim tipping</c>) as JSON, a verdict and a table (#28 item 3).</summary>
internal static class TippingText
{
    /// <summary>The one-sentence verdict: where along the lever the probability of collapse crosses the level, with its interval.</summary>
    public static string Verdict(TippingResult result, double confidence)
    {
        string level = Rounding.Fixed(result.Level * 100, 0) + " %";
        if (result.Crossing is double x)
        {
            var (e, lo, hi) = Rounding.Interval(x, result.CrossingInterval.Lower, result.CrossingInterval.Upper, double.NaN);
            string rising = result.Direction > 0 ? "rises above" : "falls below";
            string caveat = result.NoCrossingShare > 0.05 ? $"; in {Rounding.Fixed(result.NoCrossingShare * 100, 0)} % of bootstrap resamples the curve did not cross at all, so treat the point with care" : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"Verdict: the tipping point is at {result.Lever} = {e} ({confidence:P0} interval {lo} to {hi}): there the probability of collapse {rising} {level}{caveat}.");
        }

        bool above = result.Curve.Count > 0 && result.Curve[0].Probability.Estimate >= result.Level;
        string from = result.Curve.Count > 0 ? Rounding.Significant(result.Curve[0].Value) : "—";
        string to = result.Curve.Count > 0 ? Rounding.Significant(result.Curve[^1].Value) : "—";
        return $"Verdict: no tipping point in this range: the probability of collapse stays {(above ? "at or above" : "below")} {level} for {result.Lever} from {from} to {to}.";
    }

    /// <summary>The scan as JSON (tipping.json).</summary>
    public static JsonObject Json(string scenario, TippingResult result, double lv, int r, ulong sd, double c, JsonNode structure)
    {
        var curve = new JsonArray();
        foreach (var p in result.Curve)
        {
            curve.Add(new JsonObject { ["value"] = p.Value, ["collapseProbability"] = SummaryJson.Proportion(p.Probability, c) });
        }

        return new JsonObject
        {
            ["scenario"] = scenario,
            ["lever"] = result.Lever,
            ["level"] = lv,
            ["replicationsPerPoint"] = r,
            ["seed"] = sd,
            ["crossing"] = result.Crossing,
            ["crossingLower"] = result.Crossing is null ? null : result.CrossingInterval.Lower,
            ["crossingUpper"] = result.Crossing is null ? null : result.CrossingInterval.Upper,
            ["confidence"] = c,
            ["direction"] = result.Direction > 0 ? "rising" : result.Direction < 0 ? "falling" : "none",
            ["noCrossingShare"] = result.NoCrossingShare,
            ["curve"] = curve,
            ["structure"] = structure,
        };
    }

    /// <summary>P(collapse) along the lever, point by point.</summary>
    public static TextTable Table(string scenario, TippingResult result, int r, double c)
    {
        var table = new TextTable($"{scenario}: P(collapse) along {result.Lever} ({r} replications per point, common random numbers)")
            .Right(result.Lever).Right("P(collapse)").Right($"{c:P0} Wilson interval");
        foreach (var p in result.Curve)
        {
            var (pe, plo, phi) = Rounding.Percent(p.Probability.Estimate, p.Interval.Lower, p.Interval.Upper, p.Probability.StandardError);
            table.Row(Rounding.Significant(p.Value), pe, $"{plo} to {phi}");
        }

        return table;
    }
}
