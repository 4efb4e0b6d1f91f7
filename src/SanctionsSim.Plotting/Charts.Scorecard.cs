using SanctionsSim.Model;
using SanctionsSim.Scorecard;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>Charts of a scorecard: the model's reliability diagram.</summary>
public static partial class Charts
{
    /// <summary>The model's reliability diagram: for each outcome type, the mean forecast of each bin against how often the type happened, with Wilson intervals; the diagonal is perfect reliability.</summary>
    /// <param name="result">A scorecard's result.</param>
    /// <returns>The chart.</returns>
    public static Plot Reliability(ScorecardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineStyle.Pattern = LinePattern.Dashed;
        diagonal.LineColor = Colors.Gray;
        foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
        {
            var bins = result.Reliability.Where(b => b.Type == t).ToArray();
            if (bins.Length == 0)
            {
                continue;
            }

            double[] x = [.. bins.Select(b => b.MeanForecast)];
            double[] y = [.. bins.Select(b => b.Observed.Estimate)];
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = OutcomeTypes.Name(t);
            scatter.MarkerSize = 8;
            for (int i = 0; i < bins.Length; i++)
            {
                var ci = bins[i].Observed.Wilson(result.Confidence);
                var bar = plot.Add.Line(x[i], ci.Lower, x[i], ci.Upper);
                bar.LineColor = scatter.LineColor;
            }
        }

        plot.Title($"Reliability of the model's held-out forecasts ({result.Folds} folds, {result.Cases.Count} cases)");
        plot.XLabel("forecast probability of the type (bin mean)");
        plot.YLabel($"how often it happened ({result.Confidence:P0} Wilson interval)");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
