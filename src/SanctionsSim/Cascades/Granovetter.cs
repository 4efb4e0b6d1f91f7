using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// Granovetter's (1978) threshold model of collective behaviour ("Threshold models of collective behavior",
/// American Journal of Sociology 83:1420): each person joins once at least θ_i others have joined; the crowd
/// settles at the smallest fixed point of r = #{i : θ_i ≤ r}, or r = N·F(r) for a threshold distribution F.
/// </summary>
internal static class Granovetter
{
    /// <summary>
    /// The equilibrium number of participants for integer thresholds (counts of others who must act first),
    /// by iterating r ← #{θ_i ≤ r} from r = 0. Runs in O(N).
    /// </summary>
    /// <param name="thresholds">θ_i for every person (negative values act like 0).</param>
    /// <returns>The number who end up participating.</returns>
    /// <example>Thresholds 0, 1, …, 99 give 100; changing the 1 into a 2 gives 1.</example>
    public static int Equilibrium(ReadOnlySpan<int> thresholds)
    {
        int n = thresholds.Length;
        var atMost = new int[n + 1];
        foreach (int t in thresholds)
        {
            if (t <= n)
            {
                atMost[Math.Max(t, 0)]++;
            }
        }

        for (int i = 1; i <= n; i++)
        {
            atMost[i] += atMost[i - 1];
        }

        int r = 0;
        while (true)
        {
            int next = atMost[Math.Min(r, n)];
            if (next == r)
            {
                return r;
            }

            r = next;
        }
    }

    /// <summary>
    /// The equilibrium of the continuous model r = N·F(r): the smallest root of N·F(r) − r on [0, N],
    /// which is the point the crowd reaches from r = 0 (bracketed on a grid of 10^4 steps, refined with
    /// MathNet's Brent solver).
    /// </summary>
    /// <param name="populationSize">N &gt; 0.</param>
    /// <param name="cdf">F, the distribution function of thresholds (counts of others), non-decreasing with values in [0, 1].</param>
    /// <returns>The equilibrium number of participants r*.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="populationSize"/> is not positive and finite.</exception>
    public static double ContinuousEquilibrium(double populationSize, Func<double, double> cdf)
    {
        Guard.Positive(populationSize);
        ArgumentNullException.ThrowIfNull(cdf);
        double g(double r) => (populationSize * cdf(r)) - r;
        if (g(0) <= 0)
        {
            return 0;
        }

        const int steps = 10_000;
        double h = populationSize / steps;
        double previous = 0;
        for (int i = 1; i <= steps; i++)
        {
            double r = i * h;
            if (g(r) <= 0)
            {
                return Brent.FindRoot(g, previous, r, 1e-12, 200);
            }

            previous = r;
        }

        return populationSize;
    }

    /// <summary>
    /// Every fixed point of r = N·F(r) on [0, N], in increasing order: the roots of N·F(r) − r, bracketed on a grid
    /// of 10^4 steps and refined with MathNet's Brent solver. The first is where the crowd settles from r = 0;
    /// fixed points alternate between stable and unstable where F is smooth.
    /// </summary>
    /// <param name="populationSize">N &gt; 0.</param>
    /// <param name="cdf">F, the threshold distribution function.</param>
    /// <returns>The fixed points (N itself when the whole crowd joins).</returns>
    public static IReadOnlyList<double> FixedPoints(double populationSize, Func<double, double> cdf)
    {
        Guard.Positive(populationSize);
        ArgumentNullException.ThrowIfNull(cdf);
        double g(double r) => (populationSize * cdf(r)) - r;
        var roots = new List<double>();
        const int steps = 10_000;
        double h = populationSize / steps;
        double previous = 0, gPrevious = g(0);
        if (gPrevious == 0)
        {
            roots.Add(0);
        }

        for (int i = 1; i <= steps; i++)
        {
            double r = i * h;
            double gr = g(r);
            if (gr == 0)
            {
                roots.Add(r);
            }
            else if (gPrevious != 0 && Math.Sign(gr) != Math.Sign(gPrevious))
            {
                roots.Add(Brent.FindRoot(g, previous, r, 1e-12, 200));
            }

            previous = r;
            gPrevious = gr;
        }

        if (gPrevious > 0 && (roots.Count == 0 || roots[^1] < populationSize))
        {
            roots.Add(populationSize); // N·F(N) ≥ N: everybody, capped at the population
        }

        return roots;
    }

    /// <summary>The equilibrium of a crowd of N with normally distributed thresholds: r = N·Φ((r − μ)/σ).</summary>
    /// <param name="populationSize">N &gt; 0.</param>
    /// <param name="mean">μ, the mean threshold (finite).</param>
    /// <param name="standardDeviation">σ &gt; 0.</param>
    /// <returns>r*.</returns>
    /// <example>N = 100, μ = 25: σ = 12.2 gives r* ≈ 5.479, σ = 1000 gives r* ≈ 51.04.</example>
    public static double NormalEquilibrium(double populationSize, double mean, double standardDeviation)
    {
        Guard.Finite(mean);
        Guard.Positive(standardDeviation);
        return ContinuousEquilibrium(populationSize, r => Normal.CDF(mean, standardDeviation, r));
    }

    /// <summary>
    /// The critical spread σ_c of normally distributed thresholds: for σ below it the crowd stalls near zero,
    /// for σ above it the crowd tips past its mean threshold (Granovetter's Figure 2). Found by bisection on
    /// whether r* exceeds μ.
    /// </summary>
    /// <param name="populationSize">N &gt; 0.</param>
    /// <param name="mean">μ, with 0 &lt; μ &lt; N.</param>
    /// <returns>σ_c (to about 10^-9).</returns>
    /// <example>N = 100, μ = 25: σ_c ≈ 12.2221.</example>
    public static double NormalCriticalSpread(double populationSize, double mean)
    {
        Guard.Positive(populationSize);
        Guard.InRange(mean, double.Epsilon, populationSize);
        double lo = mean * 1e-3, hi = populationSize * 10;
        if (Tips(lo) || !Tips(hi))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "No tipping point between tiny and very large spreads for this mean.");
        }

        for (int i = 0; i < 200 && hi - lo > 1e-10 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Tips(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return 0.5 * (lo + hi);

        bool Tips(double sigma) => NormalEquilibrium(populationSize, mean, sigma) > mean;
    }
}
