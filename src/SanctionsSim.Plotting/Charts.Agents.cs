using ScottPlot;
using SanctionsSim.Simulation;

namespace SanctionsSim.Plotting;

/// <summary>Charts of the adaptive agents' states over time (docs/model.md, §Adaptive agents).</summary>
public static partial class Charts
{
    private static readonly Color[] Palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189), new(140, 86, 75), new(227, 119, 194), new(127, 127, 127),
    ];

    /// <summary>
    /// The commitment of every adaptive sender and every patron over time: the median across runs with the 25–75 %
    /// band. A sender whose commitment cannot move (every sensitivity 0) is not drawn.
    /// </summary>
    /// <param name="summary">A batch summary of a scenario with adaptive senders or patrons.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The scenario has no agent whose commitment is recorded.</exception>
    public static Plot Commitments(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string[] series = summary.AgentSeries.Where(s => s.StartsWith("commitment/", StringComparison.Ordinal)).ToArray();
        if (series.Length == 0)
        {
            throw new ArgumentException($"Scenario '{summary.ScenarioName}' has no adaptive sender or patron: there is no commitment to draw.", nameof(summary));
        }

        var plot = new Plot();
        for (int j = 0; j < series.Length; j++)
        {
            Color color = Palette[j % Palette.Length];
            AddBand(plot, summary, series[j], color, 100, Labels.Sender(series[j]["commitment/".Length..]));
        }

        plot.Title($"{summary.ScenarioName}: commitment of senders and patrons (median, 25–75 %; {summary.Replications:N0} runs)");
        plot.XLabel("week");
        plot.YLabel("commitment (%)");
        plot.Axes.SetLimitsX(1, summary.Weeks);
        plot.Axes.SetLimitsY(0, 105);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>The regime's repertoire over time: mean arrests, rotations and promotions per week, with 95 % intervals of the mean.</summary>
    /// <param name="summary">A batch summary of a scenario whose regime has a coup-proofing budget.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The regime has no repertoire.</exception>
    public static Plot RegimeActions(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!summary.AgentSeries.Contains("regime/arrests"))
        {
            throw new ArgumentException($"Scenario '{summary.ScenarioName}' gives its regime no coup-proofing budget: there are no actions to draw.", nameof(summary));
        }

        var plot = new Plot();
        string[] actions = ["regime/arrests", "regime/rotations", "regime/promotions"];
        for (int j = 0; j < actions.Length; j++)
        {
            AddMean(plot, summary, actions[j], Palette[j], actions[j]["regime/".Length..]);
        }

        plot.Title($"{summary.ScenarioName}: the regime's coup-proofing (mean per week, 95 % CI; {summary.Replications:N0} runs)");
        plot.XLabel("week");
        plot.YLabel("officers per week");
        plot.Axes.SetLimitsX(1, summary.Weeks);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>What each patron gives the regime each week (oil purchases and loans, after secondary sanctions): the mean with its 95 % interval.</summary>
    /// <param name="summary">A batch summary of a scenario with patrons.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The scenario has no patron.</exception>
    public static Plot PatronOffsets(SanctionsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string[] series = summary.AgentSeries.Where(s => s.StartsWith("offset/", StringComparison.Ordinal)).ToArray();
        if (series.Length == 0)
        {
            throw new ArgumentException($"Scenario '{summary.ScenarioName}' has no patron.", nameof(summary));
        }

        var plot = new Plot();
        for (int j = 0; j < series.Length; j++)
        {
            AddMean(plot, summary, series[j], Palette[j % Palette.Length], Labels.Sender(series[j]["offset/".Length..]));
        }

        plot.Title($"{summary.ScenarioName}: patrons' support to the regime (mean per week, 95 % CI)");
        plot.XLabel("week");
        plot.YLabel("USD billion per week");
        plot.Axes.SetLimitsX(1, summary.Weeks);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void AddBand(Plot plot, SanctionsSummary summary, string series, Color color, double scale, string label)
    {
        double[] lower = summary.AgentPathPercentile(series, 0.25), upper = summary.AgentPathPercentile(series, 0.75), median = summary.AgentPathPercentile(series, 0.5);
        int n = Reached(median);
        double[] weeks = Enumerable.Range(1, n).Select(w => (double)w).ToArray();
        var band = plot.Add.FillY(weeks, lower[..n].Select(x => scale * x).ToArray(), upper[..n].Select(x => scale * x).ToArray());
        band.FillColor = color.WithAlpha(0.25);
        band.LineWidth = 0;
        var line = plot.Add.Scatter(weeks, median[..n].Select(x => scale * x).ToArray());
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static void AddMean(Plot plot, SanctionsSummary summary, string series, Color color, string label)
    {
        var moments = summary.AgentPathMean(series);
        int n = moments.TakeWhile(m => m.Count > 0).Count();
        double[] weeks = Enumerable.Range(1, n).Select(w => (double)w).ToArray();
        double[] mean = moments.Take(n).Select(m => m.Mean).ToArray();
        double[] half = moments.Take(n).Select(m => m.Count > 1 ? 1.96 * m.StandardError : 0).ToArray();
        var band = plot.Add.FillY(weeks, mean.Zip(half, (m, h) => Math.Max(0, m - h)).ToArray(), mean.Zip(half, (m, h) => m + h).ToArray());
        band.FillColor = color.WithAlpha(0.2);
        band.LineWidth = 0;
        var line = plot.Add.Scatter(weeks, mean);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static int Reached(double[] path) => path.TakeWhile(x => !double.IsNaN(x)).Count();
}
