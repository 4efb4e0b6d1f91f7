using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.Cascades;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>
/// Charts of SanctionsSim results. Each method returns a ScottPlot <see cref="Plot"/> with a title, axis labels
/// and units, which callers may adjust before saving with <see cref="Save"/>.
/// </summary>
public static partial class Charts
{
    private static readonly Color Primary = new(31, 119, 180);
    private static readonly Color Secondary = new(255, 127, 14);

    /// <summary>A fan chart of the defected share of command strength over time: the median and the 5–95 % and 25–75 % bands.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <returns>The chart.</returns>
    public static Plot FanChart(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double[] weeks = Enumerable.Range(1, summary.Weeks).Select(w => (double)w).ToArray();
        double[] Percent(double p) => summary.DefectedSharePercentile(p).Select(x => 100 * x).ToArray();
        var plot = new Plot();
        var outer = plot.Add.FillY(weeks, Percent(0.05), Percent(0.95));
        outer.FillColor = Primary.WithAlpha(0.18);
        outer.LineWidth = 0;
        outer.LegendText = "5–95 %";
        var inner = plot.Add.FillY(weeks, Percent(0.25), Percent(0.75));
        inner.FillColor = Primary.WithAlpha(0.35);
        inner.LineWidth = 0;
        inner.LegendText = "25–75 %";
        var median = plot.Add.Scatter(weeks, Percent(0.5));
        median.Color = Primary;
        median.LineWidth = 2;
        median.MarkerSize = 0;
        median.LegendText = "median";
        AddThreshold(plot, summary.CriticalShare, horizontal: true);
        plot.Title($"{summary.ScenarioName}: defected share of command strength ({summary.Replications:N0} runs)");
        plot.XLabel("week");
        plot.YLabel("defected share of command strength (%)");
        plot.Axes.SetLimitsX(1, summary.Weeks);
        plot.Axes.SetLimitsY(0, 100 * Math.Min(1, Math.Max(summary.CriticalShare * 1.15, summary.DefectedSharePercentile(0.95).Max() * 1.1)));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>The survival curve: the share of runs in which the regime still stands at the end of each week, with pointwise Wilson intervals.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <param name="confidence">Confidence level of the band, in (0, 1).</param>
    /// <returns>The chart.</returns>
    public static Plot SurvivalCurve(SanctionsSummary summary, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var points = summary.SurvivalCurve(confidence);
        double[] weeks = [0, .. points.Select(p => p.Week + 1.0)];
        double[] surviving = [100, .. points.Select(p => 100 * p.Surviving)];
        double[] lower = [100, .. points.Select(p => 100 * p.Interval.Lower)];
        double[] upper = [100, .. points.Select(p => 100 * p.Interval.Upper)];
        var plot = new Plot();
        var band = plot.Add.FillY(weeks, lower, upper);
        band.FillColor = Primary.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = $"{confidence:P0} Wilson interval";
        var line = plot.Add.Scatter(weeks, surviving);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.Color = Primary;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = "regime still standing";
        plot.Title($"{summary.ScenarioName}: survival of the regime ({summary.Replications:N0} runs)");
        plot.XLabel("week");
        plot.YLabel("runs in which the regime stands (%)");
        plot.Axes.SetLimits(0, summary.Weeks, 0, 100);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>A histogram of the final defected share of command strength.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <param name="bins">Number of bars (the 1,000 summary bins are grouped), 1 to 1000.</param>
    /// <returns>The chart.</returns>
    public static Plot FinalShareHistogram(SanctionsSummary summary, int bins = 50)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 1000);
        var h = summary.FinalDefectedShareDistribution;
        double maxShare = Math.Max(h.Quantile(1.0), 0.01);
        int group = Math.Max(1, (int)Math.Ceiling(maxShare * h.BinCount / bins));
        var bars = new List<Bar>();
        ReadOnlySpan<long> counts = h.Counts;
        for (int start = 0; start < counts.Length && h.BinLowerEdge(start) <= maxShare; start += group)
        {
            long total = 0;
            for (int i = start; i < Math.Min(counts.Length, start + group); i++)
            {
                total += counts[i];
            }

            double width = group * h.BinWidth * 100;
            bars.Add(new Bar { Position = (h.BinLowerEdge(start) * 100) + (width / 2), Value = 100.0 * total / Math.Max(1, h.Count), Size = width * 0.95, FillColor = Primary, LineWidth = 0 });
        }

        var plot = new Plot();
        plot.Add.Bars(bars);
        plot.Title($"{summary.ScenarioName}: final defected share ({summary.Replications:N0} runs)");
        plot.XLabel("final defected share of command strength (%)");
        plot.YLabel("runs (%)");
        plot.Axes.Margins(bottom: 0);
        AddThreshold(plot, summary.CriticalShare, horizontal: false);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsX(0, Math.Max(100 * summary.CriticalShare * 1.1, bars.Count == 0 ? 1 : bars[^1].Position + bars[^1].Size));
        return plot;
    }

    /// <summary>The complementary distribution of the largest weekly cascade (officers defecting in one week), P(X ≥ x), on log–log axes.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <returns>The chart.</returns>
    public static Plot CascadeSizeCcdf(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var h = summary.LargestWeeklyCascadeDistribution;
        return Ccdf(h.Counts, h.Overflow, h.Count, x => x, $"{summary.ScenarioName}: largest weekly cascade ({summary.Replications:N0} runs)", "officers defecting in the largest week (log scale)");
    }

    /// <summary>The complementary distribution of final cascade sizes of a threshold-cascade batch (for example the Watts model), on log–log axes.</summary>
    /// <param name="summary">A cascade summary.</param>
    /// <param name="nodeCount">The number of agents, to express sizes as counts.</param>
    /// <returns>The chart.</returns>
    public static Plot CascadeSizeCcdf(CascadeSummary summary, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        var h = summary.LogSizeDistribution;
        return Ccdf(h.Counts, h.Overflow, h.Count, bin => Math.Round(Math.Pow(10, h.BinLowerEdge(bin))), $"cascade sizes, N = {nodeCount:N0} ({summary.Replications:N0} runs)", "final active agents (log scale)");
    }

    /// <summary>The defected share of each faction's troops (mean per run, with its 95 % interval), against the collapse threshold.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <returns>The chart.</returns>
    public static Plot DefectionsByFaction(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plot = new Plot();
        var ticks = new List<Tick>();
        for (int f = 0; f < summary.FactionNames.Count; f++)
        {
            var faction = summary.Faction(summary.FactionNames[f]);
            var ci = faction.DefectedShare.MeanInterval(0.95);
            plot.Add.Bar(new Bar { Position = f, Value = 100 * faction.DefectedShare.Mean, FillColor = Primary, LineWidth = 0, Size = 0.6 });
            AddErrorBar(plot, f, 100 * faction.DefectedShare.Mean, 100 * ci.Lower, 100 * ci.Upper);
            ticks.Add(new Tick(f, faction.Name));
        }

        AddThreshold(plot, summary.CriticalShare, horizontal: true);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title($"{summary.ScenarioName}: defected share of each faction's troops (mean per run, 95 % CI)");
        plot.XLabel("faction");
        plot.YLabel("defected share of the faction's troops (%)");
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, 100 * Math.Min(1, Math.Max(summary.CriticalShare * 1.2, summary.FactionNames.Max(n => summary.Faction(n).DefectedShare.Mean) * 1.3)));
        return plot;
    }

    /// <summary>
    /// A lever's path in words: "coalition.us.amnesty.credibility" → "US amnesty: credibility",
    /// "regime.detectionProbability" → "regime: detection probability". Paths that are not scenario levers pass unchanged.
    /// </summary>
    internal static string LeverLabel(string path)
    {
        string[] parts = path.Split('.');
        if (parts.Length < 2 || parts.Any(p => p.Length == 0 || p.Contains('[', StringComparison.Ordinal) || p.Contains('$', StringComparison.Ordinal)))
        {
            return path;
        }

        static string Words(string camel) => string.Concat(camel.Select((ch, i) => char.IsUpper(ch) && i > 0 ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
        string field = Words(parts[^1]);
        if (parts[0] == "coalition" && parts.Length >= 3)
        {
            string sender = parts[1].Length <= 3 ? parts[1].ToUpperInvariant() : char.ToUpperInvariant(parts[1][0]) + parts[1][1..];
            string owner = parts.Length >= 4 ? sender + " " + string.Join(" ", parts[2..^1].Select(Words)) : sender;
            return owner + ": " + field;
        }

        return string.Join(" ", parts[..^1].Select(Words)) + ": " + field;
    }

    /// <summary>The collapse threshold as a dashed line (horizontal on a share axis, vertical on a share x-axis).</summary>
    private static void AddThreshold(Plot plot, double criticalShare, bool horizontal)
    {
        var line = horizontal ? (ScottPlot.Plottables.AxisLine)plot.Add.HorizontalLine(100 * criticalShare) : plot.Add.VerticalLine(100 * criticalShare);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.DarkRed;
        line.LineWidth = 1.5f;
        line.LegendText = $"collapse at {criticalShare:P0}";
    }

    /// <summary>
    /// A tornado chart of Sobol indices: per lever, the total index (upper bar) and the first-order index (lower
    /// bar) with their bootstrap intervals, levers sorted by total index, largest on top.
    /// </summary>
    /// <param name="indices">The indices.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart.</returns>
    public static Plot Tornado(IReadOnlyList<SobolIndex> indices, string title)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var sorted = indices.OrderBy(i => double.IsNaN(i.Total) ? double.NegativeInfinity : i.Total).ToArray();
        var plot = PairedBars(
            sorted.Select(i => (i.Name, i.Total, i.TotalInterval, i.First, (ConfidenceInterval?)i.FirstInterval)).ToArray(),
            "total index S_T",
            "first-order index S_1",
            title);
        plot.XLabel("share of output variance (bars: 95 % bootstrap intervals)");
        return plot;
    }

    /// <summary>A tornado chart of Morris screening: μ* per lever with its bootstrap interval, and σ, sorted by μ*, largest on top.</summary>
    /// <param name="indices">The Morris measures.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The chart.</returns>
    public static Plot Tornado(IReadOnlyList<MorrisIndex> indices, string title)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var plot = PairedBars(
            indices.OrderBy(i => i.MuStar).Select(i => (i.Name, i.MuStar, i.MuStarInterval, i.Sigma, (ConfidenceInterval?)null)).ToArray(),
            "μ* (mean |elementary effect|)",
            "σ (non-linearity, interactions)",
            title);
        plot.XLabel("change in output over the lever's range");
        return plot;
    }

    /// <summary>Two horizontal bars per row (upper: the main measure with its interval; lower: the second measure), rows bottom to top.</summary>
    private static Plot PairedBars((string Name, double Upper, ConfidenceInterval UpperInterval, double Lower, ConfidenceInterval? LowerInterval)[] rows, string upperLegend, string lowerLegend, string title)
    {
        var plot = new Plot();
        var ticks = new List<Tick>();
        var uppers = new List<Bar>();
        var lowers = new List<Bar>();
        for (int k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            uppers.Add(new Bar { Position = k + 0.19, Value = r.Upper, Size = 0.36, FillColor = Primary, LineWidth = 0 });
            lowers.Add(new Bar { Position = k - 0.19, Value = r.Lower, Size = 0.36, FillColor = Secondary, LineWidth = 0 });
            AddHorizontalErrorBar(plot, k + 0.19, r.Upper, r.UpperInterval.Lower, r.UpperInterval.Upper);
            if (r.LowerInterval is ConfidenceInterval ci)
            {
                AddHorizontalErrorBar(plot, k - 0.19, r.Lower, ci.Lower, ci.Upper);
            }

            ticks.Add(new Tick(k, LeverLabel(r.Name)));
        }

        var upper = plot.Add.Bars(uppers);
        upper.Horizontal = true;
        upper.LegendText = upperLegend;
        var lower = plot.Add.Bars(lowers);
        lower.Horizontal = true;
        lower.LegendText = lowerLegend;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MinimumSize = 260;
        plot.Title(title);
        plot.YLabel("lever");
        plot.Axes.SetLimitsY(-0.7, rows.Length - 0.3);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>A tipping-point scan: the collapse probability along the lever with Wilson intervals, the level, and the crossing with its interval.</summary>
    /// <param name="result">The scan's result.</param>
    /// <returns>The chart.</returns>
    public static Plot TippingCurve(TippingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] x = result.Curve.Select(c => c.Value).ToArray();
        var plot = new Plot();
        if (result.Crossing is double crossing && !double.IsNaN(result.CrossingInterval.Lower))
        {
            var span = plot.Add.HorizontalSpan(result.CrossingInterval.Lower, result.CrossingInterval.Upper);
            span.FillStyle.Color = Secondary.WithAlpha(0.2);
            span.LegendText = $"crossing, {result.CrossingInterval.Confidence:P0} bootstrap interval";
            var line = plot.Add.VerticalLine(crossing);
            line.Color = Secondary;
            line.LineWidth = 2;
        }

        var band = plot.Add.FillY(x, result.Curve.Select(c => 100 * c.Interval.Lower).ToArray(), result.Curve.Select(c => 100 * c.Interval.Upper).ToArray());
        band.FillColor = Primary.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "Wilson interval";
        var curve = plot.Add.Scatter(x, result.Curve.Select(c => 100 * c.Probability.Estimate).ToArray());
        curve.Color = Primary;
        curve.LineWidth = 2;
        curve.MarkerSize = 5;
        curve.LegendText = "P(collapse), common random numbers";
        var level = plot.Add.HorizontalLine(100 * result.Level);
        level.Color = Colors.Gray;
        level.LinePattern = LinePattern.Dashed;
        plot.Title(result.ToString().Length > 110 ? $"{result.Lever}: tipping-point scan" : result.ToString());
        plot.XLabel(result.Lever);
        plot.YLabel("P(collapse within the horizon) (%)");
        plot.Axes.SetLimitsY(0, 105);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Saves a chart as PNG and/or SVG, each written atomically (temporary file, then rename).</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="pathWithoutExtension">The target path; ".png" and ".svg" are appended.</param>
    /// <param name="formats">Which formats.</param>
    /// <param name="width">Width in pixels, 100 to 10,000.</param>
    /// <param name="height">Height in pixels, 100 to 10,000.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Save(Plot plot, string pathWithoutExtension, ChartFormat formats = ChartFormat.Both, int width = 900, int height = 550)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(pathWithoutExtension);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 10_000);
        var written = new List<string>();
        if (formats.HasFlag(ChartFormat.Png))
        {
            string path = pathWithoutExtension + ".png";
            AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
            written.Add(path);
        }

        if (formats.HasFlag(ChartFormat.Svg))
        {
            string path = pathWithoutExtension + ".svg";
            AtomicFile.WriteAllText(path, plot.GetSvgXml(width, height));
            written.Add(path);
        }

        return written;
    }

    /// <summary>Saves every chart of a batch summary into a folder: fan-chart, survival, outcomes, final-share, cascade-ccdf, factions, and for a scenario with adaptive agents commitments, regime-actions and patron-offsets.</summary>
    /// <param name="summary">A batch summary.</param>
    /// <param name="folder">The folder (created if missing).</param>
    /// <param name="formats">Which formats.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> SaveAll(SanctionsSummary summary, string folder, ChartFormat formats = ChartFormat.Both)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        files.AddRange(Save(FanChart(summary), Path.Combine(folder, "fan-chart"), formats));
        files.AddRange(Save(SurvivalCurve(summary), Path.Combine(folder, "survival"), formats));
        files.AddRange(Save(Outcomes(summary), Path.Combine(folder, "outcomes"), formats));
        files.AddRange(Save(FinalShareHistogram(summary), Path.Combine(folder, "final-share"), formats));
        files.AddRange(Save(CascadeSizeCcdf(summary), Path.Combine(folder, "cascade-ccdf"), formats));
        files.AddRange(Save(DefectionsByFaction(summary), Path.Combine(folder, "factions"), formats));
        if (summary.AgentSeries.Any(s => s.StartsWith("commitment/", StringComparison.Ordinal)))
        {
            files.AddRange(Save(Commitments(summary), Path.Combine(folder, "commitments"), formats));
        }

        if (summary.AgentSeries.Contains("regime/arrests"))
        {
            files.AddRange(Save(RegimeActions(summary), Path.Combine(folder, "regime-actions"), formats));
        }

        if (summary.AgentSeries.Any(s => s.StartsWith("offset/", StringComparison.Ordinal)))
        {
            files.AddRange(Save(PatronOffsets(summary), Path.Combine(folder, "patron-offsets"), formats));
        }

        return files;
    }

    private static void AddBar(Plot plot, double x, SanctionsSim.MonteCarlo.RunningMoments m, Color color)
    {
        double mean = m.Count > 0 ? m.Mean : 0;
        double half = m.Count > 1 ? 1.96 * m.StandardError : 0;
        plot.Add.Bar(new Bar { Position = x, Value = mean, FillColor = color, LineWidth = 0, Size = 0.9 });
        AddErrorBar(plot, x, mean, mean - half, mean + half);
    }

    private static void AddHorizontalErrorBar(Plot plot, double y, double x, double lower, double upper)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            return;
        }

        var error = new ScottPlot.Plottables.ErrorBar([x], [y], [upper - x], [x - lower], [0.0], [0.0]) { Color = Colors.Black, CapSize = 4 };
        plot.Add.Plottable(error);
    }

    private static void AddErrorBar(Plot plot, double x, double y, double lower, double upper)
    {
        var error = new ScottPlot.Plottables.ErrorBar([x], [y], [0.0], [0.0], [upper - y], [y - lower]) { Color = Colors.Black, CapSize = 6 };
        plot.Add.Plottable(error);
    }

    private static Plot Ccdf(ReadOnlySpan<long> counts, long overflow, long total, Func<int, double> size, string title, string xLabel)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        long atLeast = total;
        for (int bin = 0; bin < counts.Length; bin++)
        {
            double x = size(bin);
            if (x >= 1 && atLeast > 0 && counts[bin] > 0)
            {
                xs.Add(Math.Log10(x));
                ys.Add(Math.Log10((double)atLeast / total));
            }

            atLeast -= counts[bin];
        }

        _ = overflow;
        var plot = new Plot();
        if (xs.Count > 0)
        {
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Primary;
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        else
        {
            plot.Add.Annotation("no run had a cascade of one or more", Alignment.MiddleCenter);
        }

        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        if (xs.Count > 0)
        {
            // whole decades on both axes, so that the log ticks are always labelled
            plot.Axes.SetLimits(-0.1, Math.Max(1, Math.Ceiling(xs.Max())) + 0.1, Math.Min(-1, Math.Floor(ys.Min())) - 0.05, 0.05);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("P(size ≥ x) (log scale)");
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => Labels.Number(Math.Pow(10, v), 4),
    };
}
