using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SanctionsSim.Calibration;

namespace SanctionsSim.Scorecard;

/// <summary>
/// A multinomial logistic regression of the outcome type on the coded facts alone (<see cref="CaseFeatures"/>), with
/// an L2 penalty: the statistical baseline the model must beat. Features are standardised on the training folds;
/// the penalised negative log-likelihood is minimised with MathNet's BFGS.
/// </summary>
/// <remarks>
/// MathNet has no multinomial logistic regression; the likelihood and its gradient are a few lines, the
/// optimisation is MathNet's. The penalty λ is fixed (not tuned on the folds), so the baseline is not fitted to
/// the cases it is scored on.
/// </remarks>
internal sealed class LogisticForecaster(double penalty = LogisticForecaster.DefaultPenalty) : OutcomeForecaster
{
    /// <summary>λ of the L2 penalty on the standardised coefficients (intercepts unpenalised).</summary>
    public const double DefaultPenalty = 1.0;

    public override string Name => "logistic regression on the facts";

    public override Func<HistoricalCase, double[]> Fit(IReadOnlyList<HistoricalCase> training, int fold)
    {
        int n = training.Count, f = CaseFeatures.Names.Length, k = Types;
        var x = training.Select(c => CaseFeatures.Of(c.File ?? throw new ArgumentException($"case '{c.Name}' has no case file: the logistic baseline reads coded facts."))).ToArray();
        var mean = new double[f];
        var sd = new double[f];
        for (int j = 0; j < f; j++)
        {
            mean[j] = x.Average(r => r[j]);
            double v = x.Sum(r => (r[j] - mean[j]) * (r[j] - mean[j])) / Math.Max(1, n - 1);
            sd[j] = v > 1e-12 ? Math.Sqrt(v) : 1;
        }

        double[][] z = [.. x.Select(r => Standardise(r, mean, sd))];
        int[] y = [.. training.Select(c => (int)Observed(c))];
        int width = f + 1;

        double Objective(Vector<double> w, Vector<double>? gradient)
        {
            double nll = 0;
            var p = new double[k];
            gradient?.Clear();
            for (int i = 0; i < n; i++)
            {
                Softmax(w, z[i], p);
                nll -= Math.Log(Math.Max(1e-300, p[y[i]]));
                if (gradient is not null)
                {
                    for (int c = 0; c < k; c++)
                    {
                        double r = p[c] - (c == y[i] ? 1 : 0);
                        gradient[c * width] += r;
                        for (int j = 0; j < f; j++)
                        {
                            gradient[(c * width) + 1 + j] += r * z[i][j];
                        }
                    }
                }
            }

            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < f; j++)
                {
                    double b = w[(c * width) + 1 + j];
                    nll += 0.5 * penalty * b * b;
                    if (gradient is not null)
                    {
                        gradient[(c * width) + 1 + j] += penalty * b;
                    }
                }
            }

            return nll;
        }

        var objective = ObjectiveFunction.Gradient(
            w => Objective(w, null),
            w =>
            {
                var g = Vector<double>.Build.Dense(w.Count);
                Objective(w, g);
                return g;
            });
        var start = Vector<double>.Build.Dense(k * width);
        var weights = new BfgsMinimizer(1e-8, 1e-10, 1e-12, 2000).FindMinimum(objective, start).MinimizingPoint;
        return c =>
        {
            var p = new double[k];
            Softmax(weights, Standardise(CaseFeatures.Of(c.File!), mean, sd), p);
            return OutcomeForecast.Normalise(p);
        };
    }

    private static double[] Standardise(double[] row, double[] mean, double[] sd) => [.. row.Select((v, j) => (v - mean[j]) / sd[j])];

    private static void Softmax(Vector<double> w, double[] z, double[] p)
    {
        int k = p.Length, width = z.Length + 1;
        double max = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            double s = w[c * width];
            for (int j = 0; j < z.Length; j++)
            {
                s += w[(c * width) + 1 + j] * z[j];
            }

            p[c] = s;
            max = Math.Max(max, s);
        }

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (int c = 0; c < k; c++)
        {
            p[c] /= sum;
        }
    }
}
