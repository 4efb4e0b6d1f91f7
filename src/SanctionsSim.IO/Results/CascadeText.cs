using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Cascades;
using SanctionsSim.IO.Text;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Results;

/// <summary>The classic cascade models (<c>sanctionssim cascade</c>) as a table and as lines (#28 item 3).</summary>
internal static class CascadeText
{
    /// <summary>The Watts model's simulated and analytic global cascades, side by side.</summary>
    public static TextTable Watts(WattsModel model, MonteCarloResult<CascadeSummary> result)
    {
        var s = result.Summary;
        var f = s.GlobalCascadeFrequency;
        var ci = f.Wilson(result.Confidence);
        var prediction = model.Predict();
        var table = new TextTable($"Watts model: N = {model.NodeCount:N0}, z = {model.MeanDegree.ToString(CultureInfo.InvariantCulture)}, φ = {model.Threshold.ToString(CultureInfo.InvariantCulture)}, {result.Replications:N0} runs")
            .Left("quantity").Right("simulated").Right("analytic");
        table.Row("P(global cascade)", $"{Rounding.Cell(f.Estimate, "F3")} [{Rounding.Cell(ci.Lower, "F3")}, {Rounding.Cell(ci.Upper, "F3")}]", Rounding.Cell(prediction.GlobalCascadeProbability, "F3"));
        table.Row("mean size of global cascades", s.GlobalCascadeSize.Count > 0 ? $"{Rounding.Cell(s.GlobalCascadeSize.Mean, "F3")} ± {Rounding.Cell(s.GlobalCascadeSize.StandardError, "F3")}" : "—", prediction.InCascadeWindow ? Rounding.Cell(prediction.MeanGlobalCascadeSize, "F3") : "—");
        table.Row("in the cascade window", "", prediction.InCascadeWindow ? "yes" : "no");
        return table;
    }

    /// <summary>Granovetter (1978): where a crowd with normally distributed thresholds settles, and the critical spread.</summary>
    public static JsonObject Granovetter(double population, double mean, double sd) => new()
    {
        ["model"] = "granovetter", ["population"] = population, ["mean"] = mean, ["sd"] = sd,
        ["equilibrium"] = Cascades.Granovetter.NormalEquilibrium(population, mean, sd), ["criticalSpread"] = Cascades.Granovetter.NormalCriticalSpread(population, mean),
    };

    /// <summary>Granovetter (1978): where a crowd with the given integer thresholds settles.</summary>
    public static JsonObject Granovetter(int[] thresholds)
        => new() { ["model"] = "granovetter", ["population"] = thresholds.Length, ["equilibrium"] = Cascades.Granovetter.Equilibrium(thresholds) };

    /// <summary>Kuran (1991): the share of public opposition a population with the given revolutionary thresholds (percent) settles at.</summary>
    public static JsonObject Kuran(double[] thresholds)
        => new() { ["model"] = "kuran", ["people"] = thresholds.Length, ["equilibriumPercent"] = Cascades.Kuran.Equilibrium(thresholds) };

    /// <summary>A Granovetter or Kuran result, one "key value" line per field (or "key,value" as CSV).</summary>
    public static string Lines(JsonObject json, bool csv)
    {
        var b = new StringBuilder();
        foreach (var (key, value) in json)
        {
            b.Append(csv ? key + "," + value?.ToJsonString() : key.PadRight(16) + " " + value?.ToJsonString()).Append('\n');
        }

        return b.ToString();
    }
}
