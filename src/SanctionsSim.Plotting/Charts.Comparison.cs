using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.Cascades;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>Charts of policy comparisons and of one replication's story.</summary>
public static partial class Charts
{
    /// <summary>
    /// A policy comparison as paired differences: for each arm, the change in the probability of collapse against the
    /// first (reference) arm, with its interval from the paired runs, and each arm's own probability in its label.
    /// Horizontal bars, so long scenario names are read in full.
    /// </summary>
    /// <param name="comparison">A comparison summary.</param>
    /// <param name="confidence">Confidence level of the intervals.</param>
    /// <returns>The chart.</returns>
    public static Plot PolicyComparison(ComparisonSummary comparison, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var plot = new Plot();
        var ticks = new List<Tick>();
        var bars = new List<Bar>();
        string reference = comparison.Arms[0].ScenarioName;
        for (int k = 1; k < comparison.Arms.Count; k++)
        {
            var e = comparison.Effect(k, confidence);
            double y = comparison.Arms.Count - 1 - k;
            bars.Add(new Bar { Position = y, Value = 100 * e.CollapseProbabilityDifference, Size = 0.6, FillColor = e.CollapseProbabilityDifferenceInterval.Lower > 0 ? Primary : e.CollapseProbabilityDifferenceInterval.Upper < 0 ? Secondary : Colors.Gray, LineWidth = 0 });
            AddHorizontalErrorBar(plot, y, 100 * e.CollapseProbabilityDifference, 100 * e.CollapseProbabilityDifferenceInterval.Lower, 100 * e.CollapseProbabilityDifferenceInterval.Upper);
            ticks.Add(new Tick(y, $"{comparison.Arms[k].ScenarioName} (P = {comparison.Arms[k].CollapseProbability.Estimate:P0})"));
        }

        var bar = plot.Add.Bars(bars);
        bar.Horizontal = true;
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MinimumSize = 300;
        plot.Title($"ΔP(collapse) vs {reference} (P = {comparison.Arms[0].CollapseProbability.Estimate:P0}), {comparison.Replications:N0} paired runs");
        plot.XLabel($"difference, percentage points ({confidence:P0} paired intervals)");
        plot.YLabel("policy (its own P)");
        plot.Axes.SetLimitsY(-0.7, comparison.Arms.Count - 1.3);
        return plot;
    }

    /// <summary>Every arm's survival curve on one chart (the share of runs in which the regime still stands), on the same paired runs.</summary>
    /// <param name="comparison">A comparison summary.</param>
    /// <param name="confidence">Confidence level of the bands.</param>
    /// <returns>The chart.</returns>
    public static Plot SurvivalCurves(ComparisonSummary comparison, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int weeks = comparison.Arms[0].Weeks;
        for (int k = 0; k < comparison.Arms.Count; k++)
        {
            var points = comparison.Arms[k].SurvivalCurve(confidence);
            double[] x = [0, .. points.Select(p => p.Week + 1.0)];
            Color colour = palette.GetColor(k);
            var band = plot.Add.FillY(x, [100, .. points.Select(p => 100 * p.Interval.Lower)], [100, .. points.Select(p => 100 * p.Interval.Upper)]);
            band.FillColor = colour.WithAlpha(0.18);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(x, [100, .. points.Select(p => 100 * p.Surviving)]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = colour;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = comparison.Arms[k].ScenarioName;
        }

        plot.Title($"survival of the regime by policy ({comparison.Replications:N0} paired runs, {confidence:P0} bands)");
        plot.XLabel("week");
        plot.YLabel("runs in which the regime stands (%)");
        plot.Axes.SetLimits(0, weeks, 0, 100);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>Every arm's defection path on one chart: the median and the 25–75 % band, against the collapse threshold.</summary>
    /// <param name="comparison">A comparison summary.</param>
    /// <returns>The chart.</returns>
    public static Plot FanCharts(ComparisonSummary comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double top = comparison.Arms[0].CriticalShare * 1.15;
        for (int k = 0; k < comparison.Arms.Count; k++)
        {
            SanctionsSummary arm = comparison.Arms[k];
            double[] weeks = Enumerable.Range(1, arm.Weeks).Select(w => (double)w).ToArray();
            double[] Percent(double p) => arm.DefectedSharePercentile(p).Select(x => 100 * x).ToArray();
            Color colour = palette.GetColor(k);
            var band = plot.Add.FillY(weeks, Percent(0.25), Percent(0.75));
            band.FillColor = colour.WithAlpha(0.2);
            band.LineWidth = 0;
            var median = plot.Add.Scatter(weeks, Percent(0.5));
            median.Color = colour;
            median.LineWidth = 2;
            median.MarkerSize = 0;
            median.LegendText = arm.ScenarioName + " (median, 25–75 %)";
            top = Math.Max(top, arm.DefectedSharePercentile(0.75).Max() * 1.1);
        }

        AddThreshold(plot, comparison.Arms[0].CriticalShare, horizontal: true);
        plot.Title($"defected share of command strength by policy ({comparison.Replications:N0} paired runs)");
        plot.XLabel("week");
        plot.YLabel("defected share of command strength (%)");
        plot.Axes.SetLimits(1, comparison.Arms[0].Weeks, 0, 100 * Math.Min(1, top));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>One replication's story: the defected share week by week, and the officers who defected each week (bars), with the collapse threshold.</summary>
    /// <param name="trace">From <see cref="SanctionsModel.Trace"/>.</param>
    /// <param name="criticalShare">The collapse threshold drawn as a line (the scenario's critical share).</param>
    /// <returns>The plot.</returns>
    public static Plot Trace(ReplicationTrace trace, double criticalShare)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var plot = new Plot();
        double[] weeks = trace.Weeks.Select(w => (double)w.Week).ToArray();
        double[] defections = trace.Weeks.Select(w => (double)(w.GeneralDefections + w.SeniorDefections)).ToArray();
        var bars = plot.Add.Bars(weeks, defections);
        bars.Color = Primary.WithAlpha(0.35);
        bars.LegendText = "officers defecting that week (right axis)";
        bars.Axes.YAxis = plot.Axes.Right;
        var share = plot.Add.Scatter(weeks, trace.Weeks.Select(w => 100 * w.DefectedShare).ToArray());
        share.Color = Primary;
        share.LineWidth = 2;
        share.MarkerSize = 0;
        share.LegendText = "defected share of command strength (%)";
        var threshold = plot.Add.HorizontalLine(100 * criticalShare);
        threshold.LinePattern = LinePattern.Dashed;
        threshold.Color = Colors.DarkRed;
        threshold.LegendText = $"collapse at {criticalShare:P0}";
        string outcome = trace.CollapseWeek is int c ? $"regime fell in week {c}" : "regime stood";
        plot.Title($"{trace.Scenario}, run {trace.Replication} (seed {trace.Seed}): {outcome}");
        plot.XLabel("week");
        plot.YLabel("defected share of command strength (%)");
        plot.Axes.Right.Label.Text = "officers defecting";
        plot.Axes.SetLimitsY(0, 100 * Math.Max(criticalShare * 1.15, trace.Weeks.Count == 0 ? 0 : trace.Weeks.Max(w => w.DefectedShare) * 1.1));
        plot.Axes.SetLimitsX(0, Math.Max(1, weeks.Length == 0 ? 1 : weeks[^1] + 1));
        plot.Axes.SetLimitsY(0, Math.Max(1, defections.Length == 0 ? 1 : defections.Max() * 1.15), plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
