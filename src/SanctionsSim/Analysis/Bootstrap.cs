using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>Percentile bootstrap intervals shared by the analyses.</summary>
internal static class Bootstrap
{
    /// <summary>The percentile interval of the finite bootstrap replicates (NaN bounds when none is finite).</summary>
    public static ConfidenceInterval Percentile(double[] values, double tail, double confidence)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, confidence);
        }

        // MathNet's Statistics.Quantile would interpolate; the simple order statistic keeps intervals inside the replicates' range.
        double At(double q) => sorted[Math.Clamp((int)Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
        return new ConfidenceInterval(At(tail), At(1 - tail), confidence);
    }
}
