using SanctionsSim.Design;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>Charts of policy design.</summary>
public static partial class Charts
{
    /// <summary>A Pareto front: each package's P(collapse) (with its interval) against one of its costs; packages dominated beyond Monte Carlo error drawn hollow and grey.</summary>
    /// <param name="result">The trade-off.</param>
    /// <param name="output">Which cost on the horizontal axis.</param>
    /// <returns>The chart.</returns>
    public static Plot ParetoFront(ParetoResult result, int output = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, result.OutputNames.Count);
        var plot = new Plot();
        foreach (var p in result.Points)
        {
            var e = p.Estimate;
            double x = e.Outputs[output];
            var bar = plot.Add.Line(x, 100 * e.ProbabilityInterval.Lower, x, 100 * e.ProbabilityInterval.Upper);
            bar.Color = (p.SignificantlyDominated ? Colors.Gray : Primary).WithAlpha(0.5);
            var m = plot.Add.Marker(x, 100 * e.Probability);
            m.Shape = p.SignificantlyDominated ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
            m.Color = p.SignificantlyDominated ? Colors.Gray : Primary;
            m.Size = 8;
        }

        var front = result.Front.OrderBy(p => p.Estimate.Outputs[output]).ToArray();
        if (front.Length > 1)
        {
            var line = plot.Add.ScatterLine(front.Select(p => p.Estimate.Outputs[output]).ToArray(), front.Select(p => 100 * p.Estimate.Probability).ToArray());
            line.Color = Primary.WithAlpha(0.4);
            line.LinePattern = LinePattern.Dashed;
        }

        string name = result.OutputNames[output].Length <= 60 ? result.OutputNames[output] : result.OutputNames[output][..59] + "…";
        plot.Title($"P(collapse) against cost {output + 1} (hollow: dominated beyond Monte Carlo error)");
        plot.XLabel(name);
        plot.YLabel("P(collapse) (%)");
        return plot;
    }
}
