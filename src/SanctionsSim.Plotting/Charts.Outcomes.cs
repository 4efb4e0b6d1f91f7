using SanctionsSim.Model;
using SanctionsSim.Simulation;
using ScottPlot;

namespace SanctionsSim.Plotting;

public static partial class Charts
{
    /// <summary>
    /// How the runs ended, week by week (docs/model.md, §2b): the share of runs in which, by the end of each week, the high
    /// command had removed the ruler, the regime had collapsed by defection, or a faction had split off, with the
    /// pointwise Wilson interval of each; the share that survived the horizon is in the legend.
    /// </summary>
    /// <param name="summary">A batch summary.</param>
    /// <param name="confidence">Confidence level of the bands, in (0, 1).</param>
    /// <returns>The chart.</returns>
    public static Plot Outcomes(SanctionsSummary summary, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plot = new Plot();
        // each week's value drawn across that week (from its start to its end), band and line alike
        double[] x = new double[2 * summary.Weeks];
        for (int w = 0; w < summary.Weeks; w++)
        {
            (x[2 * w], x[(2 * w) + 1]) = (w, w + 1);
        }

        (OutcomeType Outcome, Color Color, string Label)[] series =
        [
            (OutcomeType.RemovedByHighCommand, new Color(148, 103, 189), "removed by the high command"),
            (OutcomeType.CollapseByDefection, new Color(214, 39, 40), "collapse by defection"),
            (OutcomeType.Split, Secondary, "split (the ruler stays)"),
        ];
        foreach (var (outcome, color, label) in series)
        {
            OutcomeSummary o = summary.Outcome(outcome);
            double[] share = new double[x.Length], lower = new double[x.Length], upper = new double[x.Length];
            long seen = 0;
            for (int w = 0; w < summary.Weeks; w++)
            {
                seen += o.WeekCounts[w];
                var p = new MonteCarlo.ProportionEstimate(seen, summary.Replications);
                var ci = p.Wilson(confidence);
                for (int k = 2 * w; k <= (2 * w) + 1; k++)
                {
                    (share[k], lower[k], upper[k]) = (100 * p.Estimate, 100 * ci.Lower, 100 * ci.Upper);
                }
            }

            var band = plot.Add.FillY(x, lower, upper);
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(x, share);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{label}: {o.Probability.Estimate:P1}";
        }

        plot.Title($"{summary.ScenarioName}: how the runs ended ({summary.Replications:N0} runs; survived {summary.OutcomeProbability(OutcomeType.Survived).Estimate:P1})");
        plot.XLabel("week");
        plot.YLabel("runs ended this way by the end of the week (%)");
        plot.Axes.SetLimits(0, summary.Weeks, 0, 100);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
