using MathNet.Numerics.LinearAlgebra;
using SanctionsSim.Experiments;

namespace SanctionsSim.Calibration;

/// <summary>
/// The Gaussian perturbation kernel N(θ_j, s·Σ_w) of an ABC-SMC population (<see cref="AbcSmc"/>), in working
/// coordinates, with its mixture density; the weighted covariance and its Cholesky factor come from MathNet.Numerics.
/// </summary>
internal sealed class AbcKernel
{
    /// <summary>
    /// The kernel works on log θ for a log-uniform prior (and on θ otherwise): there the prior is flat, so weights
    /// do not swing with 1/θ across orders of magnitude, and a Gaussian step is a relative step.
    /// </summary>
    internal static double ToWorking(ExperimentParameter p, double x) => p.Distribution == ParameterDistribution.LogUniform ? Math.Log(x) : x;

    internal static double FromWorking(ExperimentParameter p, double z) => p.Distribution == ParameterDistribution.LogUniform ? Math.Exp(z) : z;

    /// <summary>The log prior density of the working coordinate (the Jacobian of log θ included).</summary>
    internal static double LogWorkingPriorDensity(ExperimentParameter p, double x)
    {
        double log = AbcSmc.LogPriorDensity(p, x);
        return p.Distribution == ParameterDistribution.LogUniform && !double.IsNegativeInfinity(log) ? log + Math.Log(x) : log;
    }

    private readonly double[] _values;
    private readonly double[] _logWeights;
    private readonly double[] _cumulative;
    private readonly double[] _cholesky; // lower triangle, row-major
    private readonly int _d;

    public AbcKernel(AbcPopulation population, IReadOnlyList<ExperimentParameter> priors, double scale)
    {
        _d = population.Dimension;
        int n = population.Count;
        _values = new double[n * _d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < _d; j++)
            {
                _values[(i * _d) + j] = ToWorking(priors[j], population[i, j]);
            }
        }

        _logWeights = population.Weights.Select(w => Math.Log(w)).ToArray();
        _cumulative = new double[n];
        double c = 0;
        for (int i = 0; i < n; i++)
        {
            c += population.Weights[i];
            _cumulative[i] = c;
        }

        var mean = new double[_d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < _d; j++)
            {
                mean[j] += population.Weights[i] * _values[(i * _d) + j];
            }
        }

        var cov = Matrix<double>.Build.Dense(_d, _d);
        for (int i = 0; i < n; i++)
        {
            double w = population.Weights[i];
            for (int a = 0; a < _d; a++)
            {
                double da = _values[(i * _d) + a] - mean[a];
                for (int b = 0; b <= a; b++)
                {
                    cov[a, b] += w * da * (_values[(i * _d) + b] - mean[b]);
                }
            }
        }

        for (int a = 0; a < _d; a++)
        {
            for (int b = 0; b < a; b++)
            {
                cov[b, a] = cov[a, b];
            }
        }

        // A parameter that has collapsed to one value would make Σ singular: a tiny ridge keeps the factor defined.
        for (int a = 0; a < _d; a++)
        {
            cov[a, a] = (cov[a, a] * scale) + 1e-12 + (1e-9 * Math.Abs(mean[a]));
            for (int b = 0; b < a; b++)
            {
                cov[a, b] *= scale;
                cov[b, a] = cov[a, b];
            }
        }

        var l = cov.Cholesky().Factor;
        _cholesky = new double[_d * _d];
        for (int a = 0; a < _d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                _cholesky[(a * _d) + b] = l[a, b];
            }
        }
    }

    public int Ancestor(double u)
    {
        double target = u * _cumulative[^1];
        int k = Array.BinarySearch(_cumulative, target);
        k = k < 0 ? ~k : k;
        return Math.Min(k, _cumulative.Length - 1);
    }

    public void Perturb(int ancestor, double[] z, double[] theta)
    {
        for (int a = 0; a < _d; a++)
        {
            double s = _values[(ancestor * _d) + a];
            for (int b = 0; b <= a; b++)
            {
                s += _cholesky[(a * _d) + b] * z[b];
            }

            theta[a] = s;
        }
    }

    /// <summary>log Σ_j w_j exp(−½|L⁻¹(θ − θ_j)|²), up to the constant shared by every θ.</summary>
    public double LogMixtureDensity(ReadOnlySpan<double> theta)
    {
        int n = _logWeights.Length;
        Span<double> q = stackalloc double[_d];
        double max = double.NegativeInfinity;
        Span<double> terms = n <= 4096 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            double norm = 0;
            for (int a = 0; a < _d; a++)
            {
                double s = theta[a] - _values[(i * _d) + a];
                for (int b = 0; b < a; b++)
                {
                    s -= _cholesky[(a * _d) + b] * q[b];
                }

                q[a] = s / _cholesky[(a * _d) + a];
                norm += q[a] * q[a];
            }

            terms[i] = _logWeights[i] - (0.5 * norm);
            max = Math.Max(max, terms[i]);
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Exp(terms[i] - max);
        }

        return max + Math.Log(sum);
    }
}
