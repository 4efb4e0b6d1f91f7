using SanctionsSim.Calibration;
using SanctionsSim.Experiments;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>Charts of a calibration: posterior marginals, pairs, and the posterior predictive check of each case.</summary>
public static partial class Charts
{
    /// <summary>The posterior marginal of one parameter: a weighted histogram over the prior's range, with the median.</summary>
    /// <param name="posterior">A calibration's population.</param>
    /// <param name="parameter">The parameter's index.</param>
    /// <param name="prior">Its prior (for the range); null to use the particles' range.</param>
    /// <param name="bins">Bars, 2 to 200.</param>
    /// <returns>The chart.</returns>
    public static Plot PosteriorMarginal(AbcPopulation posterior, int parameter, ExperimentParameter? prior = null, int bins = 30)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, posterior.Dimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 200);
        double[] x = Enumerable.Range(0, posterior.Count).Select(i => posterior[i, parameter]).ToArray();
        bool log = prior?.Distribution == ParameterDistribution.LogUniform;
        double lo = prior?.Lower ?? x.Min(), hi = prior?.Upper ?? x.Max();
        Func<double, double> t = log ? Math.Log10 : v => v;
        double a = t(lo), b = t(hi);
        if (!(b > a))
        {
            b = a + 1;
        }

        var mass = new double[bins];
        for (int i = 0; i < x.Length; i++)
        {
            int k = Math.Clamp((int)((t(x[i]) - a) / (b - a) * bins), 0, bins - 1);
            mass[k] += posterior.Weights[i];
        }

        double width = (b - a) / bins;
        var plot = new Plot();
        plot.Add.Bars(Enumerable.Range(0, bins).Select(k => new Bar { Position = a + ((k + 0.5) * width), Value = 100 * mass[k], Size = width * 0.95, FillColor = Primary, LineWidth = 0 }).ToArray());
        var s = posterior.Summarize()[parameter];
        var median = plot.Add.VerticalLine(t(s.Median));
        median.Color = Secondary;
        median.LineWidth = 2;
        median.LegendText = $"median {Labels.Number(s.Median)}, 90 % [{Labels.Number(s.Lower)}, {Labels.Number(s.Upper)}]";
        plot.Title($"{posterior.ParameterNames[parameter]}: posterior (generation {posterior.Generation}, ε = {Labels.Number(posterior.Tolerance)}, ESS {posterior.EffectiveSampleSize:F0})");
        plot.XLabel(log ? $"log10 {posterior.ParameterNames[parameter]} (prior range)" : $"{posterior.ParameterNames[parameter]} (prior range)");
        plot.YLabel("posterior mass (%)");
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(a, b);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Two parameters' joint posterior: each particle a dot, its opacity its weight.</summary>
    /// <param name="posterior">A calibration's population.</param>
    /// <param name="first">The first parameter's index (x).</param>
    /// <param name="second">The second parameter's index (y).</param>
    /// <returns>The chart.</returns>
    public static Plot PosteriorPair(AbcPopulation posterior, int first, int second)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(first, posterior.Dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(second, posterior.Dimension);
        double maxWeight = posterior.Weights.Max();
        var plot = new Plot();
        for (int i = 0; i < posterior.Count; i++)
        {
            var m = plot.Add.Marker(posterior[i, first], posterior[i, second]);
            m.Color = Primary.WithAlpha(0.1 + (0.8 * posterior.Weights[i] / maxWeight));
            m.Size = 4;
        }

        plot.Title($"{posterior.ParameterNames[first]} and {posterior.ParameterNames[second]}: correlation {posterior.Correlation(first, second):F2} (weighted)");
        plot.XLabel(posterior.ParameterNames[first]);
        plot.YLabel(posterior.ParameterNames[second]);
        return plot;
    }

    /// <summary>The posterior predictive check: each case's P(collapse) with its interval, and what happened (0 or 100 %).</summary>
    /// <param name="predictions">The cases' checks.</param>
    /// <returns>The chart.</returns>
    public static Plot PosteriorPredictive(IReadOnlyList<CasePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var plot = new Plot();
        var ticks = new List<Tick>();
        for (int k = 0; k < predictions.Count; k++)
        {
            var p = predictions[k];
            double y = predictions.Count - 1 - k;
            var bar = plot.Add.Bars(new[] { new Bar { Position = y, Value = 100 * p.Collapse.Estimate, Size = 0.6, FillColor = p.Hit ? Primary : Secondary, LineWidth = 0 } });
            bar.Horizontal = true;
            AddHorizontalErrorBar(plot, y, 100 * p.Collapse.Estimate, 100 * p.CollapseInterval.Lower, 100 * p.CollapseInterval.Upper);
            var observed = plot.Add.Marker(p.Case.Observation.Collapsed ? 100 : 0, y);
            observed.Shape = MarkerShape.FilledDiamond;
            observed.Size = 12;
            observed.Color = Colors.Black;
            ticks.Add(new Tick(y, $"{p.Case.Name} ({(p.Hit ? "hit" : "miss")})"));
        }

        var half = plot.Add.VerticalLine(50);
        half.Color = Colors.Gray;
        half.LinePattern = LinePattern.Dashed;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MinimumSize = 160;
        plot.Title("Posterior predictive: P(collapse within the case's horizon); ◆ what happened");
        plot.XLabel($"P(collapse) (%), {(predictions.Count > 0 ? predictions[0].Confidence : 0.95):P0} Wilson intervals");
        plot.Axes.SetLimitsX(-5, 105);
        plot.Axes.SetLimitsY(-0.7, predictions.Count - 0.3);
        return plot;
    }
}
