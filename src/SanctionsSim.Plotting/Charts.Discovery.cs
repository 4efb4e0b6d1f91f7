using SanctionsSim.Analysis;
using ScottPlot;

namespace SanctionsSim.Plotting;

/// <summary>Charts of scenario discovery.</summary>
public static partial class Charts
{
    /// <summary>A PRIM peeling trajectory: each box's coverage against its density, labelled with how many inputs it restricts; the chosen box ringed.</summary>
    /// <param name="result">The trajectory.</param>
    /// <param name="chosen">The chosen box, or null.</param>
    /// <returns>The chart.</returns>
    public static Plot PrimTrajectory(PrimResult result, PrimBox? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var line = plot.Add.Scatter(result.Trajectory.Select(b => 100 * b.Coverage).ToArray(), result.Trajectory.Select(b => 100 * b.Density).ToArray());
        line.Color = Primary;
        line.MarkerSize = 6;
        foreach (var b in result.Trajectory.Where((x, i) => i % Math.Max(1, result.Trajectory.Count / 12) == 0 || x.Index == result.Trajectory.Count - 1))
        {
            var label = plot.Add.Text(b.RestrictedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), 100 * b.Coverage, 100 * b.Density);
            label.LabelFontSize = 10;
            label.LabelFontColor = Colors.Gray;
        }

        if (chosen is not null)
        {
            var ring = plot.Add.Marker(100 * chosen.Coverage, 100 * chosen.Density);
            ring.Shape = MarkerShape.OpenCircle;
            ring.Size = 18;
            ring.Color = Secondary;
            ring.LineWidth = 2;
        }

        plot.Title($"PRIM peeling trajectory: {result.Cases:N0} cases of interest among {result.Points:N0} points (numbers: inputs restricted)");
        plot.XLabel("coverage (%)");
        plot.YLabel("density (%)");
        plot.Axes.SetLimits(0, 102, 0, 102);
        return plot;
    }
}
