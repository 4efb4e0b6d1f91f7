using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>An input of a sensitivity analysis: a name and a uniform range.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SensitivityParameter
{
    /// <summary>The parameter's name (for a scenario, its path, for example <c>coalition[0].instruments[6].credibility</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Lower end of the range.</summary>
    public required double Lower { get; init; }

    /// <summary>Upper end of the range (above <see cref="Lower"/>).</summary>
    public required double Upper { get; init; }
}

/// <summary>One input's Sobol indices with bootstrap intervals.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SobolIndex
{
    /// <summary>The input's name.</summary>
    public required string Name { get; init; }

    /// <summary>First-order index S_i (Saltelli et al. 2010 estimator).</summary>
    public required double First { get; init; }

    /// <summary>Its bootstrap interval.</summary>
    public required ConfidenceInterval FirstInterval { get; init; }

    /// <summary>Total-effect index S_Ti (Jansen 1999 estimator).</summary>
    public required double Total { get; init; }

    /// <summary>Its bootstrap interval.</summary>
    public required ConfidenceInterval TotalInterval { get; init; }
}

/// <summary>
/// Variance-based global sensitivity analysis (Sobol indices) with the Saltelli sampling scheme: two independent
/// N×k sample matrices A and B and, for each input i, the matrix AB_i (A with column i from B), so N(k + 2)
/// model evaluations. First-order indices by the Saltelli et al. (2010) estimator
/// S_i = mean(f(B)·(f(AB_i) − f(A))) / V, total indices by Jansen's (1999)
/// S_Ti = mean((f(A) − f(AB_i))²) / (2V), V the variance of f over A and B; percentile bootstrap intervals over
/// the N rows (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Comput. Phys. Commun.
/// 181:259).
/// </summary>
/// <remarks>
/// The sample matrices are pseudo-random (keyed stream (seed, 0, purpose)); a low-discrepancy Sobol sequence
/// would converge faster and is planned with the experiment designs.
/// </remarks>
public static class SobolAnalysis
{
    /// <summary>Estimates first-order and total Sobol indices of a deterministic model.</summary>
    /// <param name="model">The model: inputs in the parameters' order, one output.</param>
    /// <param name="parameters">The inputs (at least one), each with a finite range, names unique.</param>
    /// <param name="samples">N, rows of each sample matrix, 16 to 10^7.</param>
    /// <param name="seed">The seed of the sample matrices and the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples, 0 (no intervals) to 100,000.</param>
    /// <param name="confidence">Confidence level of the intervals.</param>
    /// <returns>One index per input, in the parameters' order.</returns>
    /// <exception cref="ArgumentException">An argument is out of range, or the model returns a non-finite value.</exception>
    public static IReadOnlyList<SobolIndex> Analyze(Func<double[], double> model, IReadOnlyList<SensitivityParameter> parameters, int samples, ulong seed = 1, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("At least one parameter is needed.", nameof(parameters));
        }

        for (int j = 0; j < parameters.Count; j++)
        {
            var p = parameters[j] ?? throw new ArgumentException($"parameters[{j}] is null.", nameof(parameters));
            if (!(double.IsFinite(p.Lower) && double.IsFinite(p.Upper) && p.Upper > p.Lower))
            {
                throw new ArgumentException($"parameters[{j}] ('{p.Name}'): the range [{Guard.Format(p.Lower)}, {Guard.Format(p.Upper)}] must be finite with upper > lower.", nameof(parameters));
            }
        }

        if (parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            throw new ArgumentException("Parameter names must be unique.", nameof(parameters));
        }

        Guard.InRange(samples, 16, 10_000_000);
        Guard.InRange(bootstrap, 0, 100_000);
        Guard.OpenUnit(confidence);
        int k = parameters.Count, n = samples;
        var random = new RandomStream(seed, 0, StreamKeys.Policy);
        var a = new double[n, k];
        var b = new double[n, k];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < k; j++)
            {
                a[r, j] = Scale(parameters[j], random.NextDouble());
                b[r, j] = Scale(parameters[j], random.NextDouble());
            }
        }

        var fa = new double[n];
        var fb = new double[n];
        var fab = new double[k][];
        var x = new double[k];
        for (int r = 0; r < n; r++)
        {
            fa[r] = Evaluate(model, Row(a, r, x));
            fb[r] = Evaluate(model, Row(b, r, x));
        }

        for (int i = 0; i < k; i++)
        {
            fab[i] = new double[n];
            for (int r = 0; r < n; r++)
            {
                Row(a, r, x);
                x[i] = b[r, i];
                fab[i][r] = Evaluate(model, x);
            }
        }

        var all = new int[n];
        for (int r = 0; r < n; r++)
        {
            all[r] = r;
        }

        var result = new SobolIndex[k];
        var boot = new RandomStream(seed, 1, StreamKeys.Policy);
        var resample = new int[n];
        var firsts = new double[k][];
        var totals = new double[k][];
        for (int i = 0; i < k; i++)
        {
            firsts[i] = new double[bootstrap];
            totals[i] = new double[bootstrap];
        }

        for (int s = 0; s < bootstrap; s++)
        {
            for (int r = 0; r < n; r++)
            {
                resample[r] = boot.NextInt32(n);
            }

            for (int i = 0; i < k; i++)
            {
                (firsts[i][s], totals[i][s]) = Indices(fa, fb, fab[i], resample);
            }
        }

        double tail = (1 - confidence) / 2;
        for (int i = 0; i < k; i++)
        {
            var (first, total) = Indices(fa, fb, fab[i], all);
            result[i] = new SobolIndex
            {
                Name = parameters[i].Name,
                First = first,
                Total = total,
                FirstInterval = Percentile(firsts[i], tail, confidence),
                TotalInterval = Percentile(totals[i], tail, confidence),
            };
        }

        return result;
    }

    /// <summary>The Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ (Ishigami &amp; Homma 1990), the standard test of sensitivity methods.</summary>
    /// <param name="x">Three inputs.</param>
    /// <param name="a">a (7 by convention).</param>
    /// <param name="b">b (0.1 by convention).</param>
    /// <returns>f(x).</returns>
    public static double Ishigami(double[] x, double a = 7, double b = 0.1)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Math.Sin(x[0]) + (a * Math.Pow(Math.Sin(x[1]), 2)) + (b * Math.Pow(x[2], 4) * Math.Sin(x[0]));
    }

    /// <summary>The Sobol G-function Π (|4x_i − 2| + a_i)/(1 + a_i) on [0, 1]^k; its first-order indices are known in closed form.</summary>
    /// <param name="x">Inputs in [0, 1].</param>
    /// <param name="a">One non-negative coefficient per input (small a_i: important input).</param>
    /// <returns>G(x).</returns>
    public static double SobolG(double[] x, IReadOnlyList<double> a)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(a);
        double g = 1;
        for (int i = 0; i < x.Length; i++)
        {
            g *= (Math.Abs((4 * x[i]) - 2) + a[i]) / (1 + a[i]);
        }

        return g;
    }

    private static (double First, double Total) Indices(double[] fa, double[] fb, double[] fab, int[] rows)
    {
        double mean = 0, n = rows.Length;
        foreach (int r in rows)
        {
            mean += fa[r] + fb[r];
        }

        mean /= 2 * n;
        double variance = 0, first = 0, total = 0;
        foreach (int r in rows)
        {
            variance += ((fa[r] - mean) * (fa[r] - mean)) + ((fb[r] - mean) * (fb[r] - mean));
            first += fb[r] * (fab[r] - fa[r]);
            double d = fa[r] - fab[r];
            total += d * d;
        }

        variance /= (2 * n) - 1;
        return variance > 0 ? (first / n / variance, total / (2 * n) / variance) : (double.NaN, double.NaN);
    }

    private static ConfidenceInterval Percentile(double[] values, double tail, double confidence)
    {
        if (values.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, confidence);
        }

        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, confidence);
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
        return new ConfidenceInterval(At(tail), At(1 - tail), confidence);
    }

    private static double Scale(SensitivityParameter p, double u) => p.Lower + ((p.Upper - p.Lower) * u);

    private static double[] Row(double[,] m, int r, double[] x)
    {
        for (int j = 0; j < x.Length; j++)
        {
            x[j] = m[r, j];
        }

        return x;
    }

    private static double Evaluate(Func<double[], double> model, double[] x)
    {
        double y = model(x);
        return double.IsFinite(y) ? y : throw new ArgumentException($"The model returned {Guard.Format(y)} at ({string.Join(", ", x.Select(Guard.Format))}).", nameof(model));
    }
}
