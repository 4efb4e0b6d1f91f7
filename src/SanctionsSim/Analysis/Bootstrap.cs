using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>What the sensitivity analyses share: evaluating a deterministic model over a design, and percentile bootstrap intervals.</summary>
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

    /// <summary>The model's output at every point of the design (unit coordinates mapped by the parameters' distributions); a non-finite output is an error naming the point.</summary>
    public static double[] Evaluate(Func<double[], double> model, IReadOnlyList<ExperimentParameter> parameters, ExperimentDesign design)
    {
        var outputs = new double[design.Count];
        var unit = new double[parameters.Count];
        var x = new double[parameters.Count];
        for (long i = 0; i < design.Count; i++)
        {
            design.Point(i, unit);
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = parameters[j].FromUnit(unit[j]);
            }

            double y = model(x);
            outputs[i] = double.IsFinite(y) ? y : throw new ArgumentException($"The model returned {Guard.Format(y)} at ({string.Join(", ", x.Select(Guard.Format))}).", nameof(model));
        }

        return outputs;
    }
}
