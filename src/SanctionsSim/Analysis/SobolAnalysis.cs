using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>
/// Variance-based global sensitivity analysis (Sobol indices) with the Saltelli sampling scheme
/// (<see cref="SaltelliDesign"/>): two independent N×k sample matrices A and B and, for each input i, the matrix
/// AB_i (A with column i from B), so N(k + 2) model evaluations. First-order indices by the Saltelli et al.
/// (2010) estimator S_i = mean(f(B)·(f(AB_i) − f(A))) / V, total indices by Jansen's (1999)
/// S_Ti = mean((f(A) − f(AB_i))²) / (2V), V the variance of f over A and B; percentile bootstrap intervals over
/// the N rows (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Comput. Phys. Commun.
/// 181:259). Rows come from a digitally shifted Sobol sequence by default (faster convergence than
/// pseudo-random rows); the bootstrap treats rows as exchangeable, as SALib does.
/// </summary>
/// <remarks>For a stochastic model (the sanctions model) use <see cref="ScenarioSensitivity"/>, which runs
/// replications per point on common random numbers and reports the share of variance that is the model's noise.</remarks>
public static class SobolAnalysis
{
    /// <summary>Estimates first-order and total Sobol indices of a deterministic model.</summary>
    /// <param name="model">The model: inputs in the parameters' order, one output.</param>
    /// <param name="parameters">The inputs (at least one), each with a finite range and a distribution, names unique.</param>
    /// <param name="samples">N, rows of each sample matrix, 16 to 10^7 (a power of two suits the Sobol sequence).</param>
    /// <param name="seed">The seed of the sample matrices and the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples, 0 (no intervals) to 100,000.</param>
    /// <param name="confidence">Confidence level of the intervals.</param>
    /// <param name="quasiRandom">Rows from the Sobol sequence (default) or pseudo-random.</param>
    /// <returns>One index per input, in the parameters' order.</returns>
    /// <exception cref="ArgumentException">An argument is out of range, or the model returns a non-finite value.</exception>
    public static IReadOnlyList<SobolIndex> Analyze(Func<double[], double> model, IReadOnlyList<ExperimentParameter> parameters, int samples, ulong seed = 1, int bootstrap = 200, double confidence = 0.95, bool quasiRandom = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExperimentParameter.ValidateAll(parameters, nameof(parameters));
        Guard.InRange(samples, 16, 10_000_000);
        Guard.InRange(bootstrap, 0, 100_000);
        Guard.OpenUnit(confidence);
        var design = new SaltelliDesign(samples, parameters.Count, seed, quasiRandom);
        double[] outputs = Bootstrap.Evaluate(model, parameters, design);
        return FromOutputs(design, outputs, parameters.Select(p => p.Name).ToArray(), seed, bootstrap, confidence);
    }

    /// <summary>Sobol indices from the outputs of a Saltelli design's points (in the design's order).</summary>
    /// <param name="design">The design the outputs belong to.</param>
    /// <param name="outputs">One finite output per design point.</param>
    /// <param name="names">One name per input.</param>
    /// <param name="seed">The seed of the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples, 0 to 100,000.</param>
    /// <param name="confidence">Confidence level.</param>
    /// <returns>One index per input.</returns>
    /// <exception cref="ArgumentException">The sizes do not match the design.</exception>
    public static IReadOnlyList<SobolIndex> FromOutputs(SaltelliDesign design, IReadOnlyList<double> outputs, IReadOnlyList<string> names, ulong seed = 1, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(names);
        if (outputs.Count != design.Count || names.Count != design.Dimensions)
        {
            throw new ArgumentException($"Expected {design.Count} outputs and {design.Dimensions} names; got {outputs.Count} and {names.Count}.", nameof(outputs));
        }

        Guard.InRange(bootstrap, 0, 100_000);
        Guard.OpenUnit(confidence);
        int k = design.Dimensions, n = design.Samples;
        var fa = new double[n];
        var fb = new double[n];
        var fab = new double[k][];
        for (int i = 0; i < k; i++)
        {
            fab[i] = new double[n];
        }

        for (int r = 0; r < n; r++)
        {
            fa[r] = outputs[(int)design.IndexOf(r, -1)];
            fb[r] = outputs[(int)design.IndexOf(r, k)];
            for (int i = 0; i < k; i++)
            {
                fab[i][r] = outputs[(int)design.IndexOf(r, i)];
            }
        }

        var all = new int[n];
        for (int r = 0; r < n; r++)
        {
            all[r] = r;
        }

        var result = new SobolIndex[k];
        var boot = new RandomStream(seed, 1, StreamKeys.Design);
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
                Name = names[i],
                First = first,
                Total = total,
                FirstInterval = Bootstrap.Percentile(firsts[i], tail, confidence),
                TotalInterval = Bootstrap.Percentile(totals[i], tail, confidence),
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
}
