using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// Analytic oracles for Watts's (2002) threshold model on random graphs ("A simple model of global cascades on
/// random networks", PNAS 99:5766): the cascade condition, the cascade window for Erdős–Rényi graphs, the
/// probability that one seed triggers a global cascade, and the expected global cascade size by the
/// Gleeson–Cahalane (2007, Phys. Rev. E 75:056103) tree approximation.
/// </summary>
/// <remarks>
/// With degree distribution p_k, mean degree z and ρ_k = P(φ ≤ 1/k) the share of degree-k agents that are
/// vulnerable (one active neighbour suffices):
/// <list type="bullet">
/// <item>cascade condition: Σ_k k(k − 1) ρ_k p_k &gt; z;</item>
/// <item>u, the probability that an edge does not lead into the giant vulnerable cluster, is the smallest root
/// in [0, 1] of u = 1 − G₁(1) + G₁(u), with G₁(x) = Σ_k k ρ_k p_k x^{k−1} / z; a random seed (forced active
/// whatever its own threshold) triggers a global cascade with probability 1 − Σ_k p_k u^k;</item>
/// <item>with seed share ρ₀, q ← ρ₀ + (1 − ρ₀) Σ_k (k/z) p_k Σ_{m&lt;k} C(k−1, m) q^m (1 − q)^{k−1−m} F(m, k)
/// iterated from q = ρ₀, and the final share ρ = ρ₀ + (1 − ρ₀) Σ_k p_k Σ_{m≤k} C(k, m) q^m (1 − q)^{k−m} F(m, k),
/// where F(m, k) is the probability that m active out of k neighbours meet a threshold.</item>
/// </list>
/// </remarks>
public static class WattsAnalytics
{
    /// <summary>Predictions for an Erdős–Rényi graph (Poisson degrees, mean z) with the same threshold φ for every agent.</summary>
    /// <param name="meanDegree">z &gt; 0 (finite).</param>
    /// <param name="phi">φ in (0, 1].</param>
    /// <param name="nodeCount">N, used for the seed share 1/N of the size approximation (≥ 2).</param>
    /// <returns>The predictions.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static CascadePrediction ErdosRenyi(double meanDegree, double phi, int nodeCount = 10_000)
    {
        Guard.Positive(meanDegree);
        Guard.InRange(phi, double.Epsilon, 1.0);
        Guard.InRange(nodeCount, 2, int.MaxValue);
        int kmax = PoissonCutoff(meanDegree);
        var pk = new double[kmax + 1];
        for (int k = 0; k <= kmax; k++)
        {
            pk[k] = Poisson.PMF(meanDegree, k);
        }

        return Predict(pk, (m, k) => m >= Threshold.RequiredCount(phi, k) ? 1.0 : 0.0, 1.0 / nodeCount);
    }

    /// <summary>Predictions for any degree distribution and any threshold rule.</summary>
    /// <param name="degreeProbabilities">p_k for k = 0, 1, …; non-negative, summing to 1 (within 10^-6) with a positive mean.</param>
    /// <param name="activationProbability">F(m, k): the probability that an agent of degree k with m active neighbours is active (non-decreasing in m).</param>
    /// <param name="seedShare">ρ₀, the initially active share, in (0, 1).</param>
    /// <returns>The predictions.</returns>
    /// <exception cref="ArgumentException">The distribution is invalid.</exception>
    public static CascadePrediction Predict(ReadOnlySpan<double> degreeProbabilities, Func<int, int, double> activationProbability, double seedShare)
    {
        ArgumentNullException.ThrowIfNull(activationProbability);
        Guard.OpenUnit(seedShare);
        double total = 0, z = 0;
        for (int k = 0; k < degreeProbabilities.Length; k++)
        {
            double p = degreeProbabilities[k];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"degreeProbabilities[{k}] = {Guard.Format(p)} must be a probability.", nameof(degreeProbabilities));
            }

            total += p;
            z += k * p;
        }

        if (Math.Abs(total - 1.0) > 1e-6 || !(z > 0))
        {
            throw new ArgumentException($"degreeProbabilities must sum to 1 (they sum to {Guard.Format(total)}) and have a positive mean (mean {Guard.Format(z)}).", nameof(degreeProbabilities));
        }

        double[] pk = degreeProbabilities.ToArray();
        int kmax = pk.Length - 1;
        var rho = new double[kmax + 1];
        double condition = 0, vulnerable = 0, g1At1 = 0;
        for (int k = 1; k <= kmax; k++)
        {
            rho[k] = activationProbability(1, k);
            condition += k * (k - 1) * rho[k] * pk[k];
            vulnerable += rho[k] * pk[k];
            g1At1 += k * rho[k] * pk[k] / z;
        }

        // u = 1 − G1(1) + G1(u), smallest root in [0, 1]: monotone iteration from 0.
        double u = 0;
        for (int it = 0; it < 100_000; it++)
        {
            double g1 = 0;
            for (int k = 1; k <= kmax; k++)
            {
                g1 += k * rho[k] * pk[k] * Math.Pow(u, k - 1) / z;
            }

            double next = 1 - g1At1 + g1;
            if (Math.Abs(next - u) < 1e-15)
            {
                u = next;
                break;
            }

            u = next;
        }

        double f0 = 0;
        for (int k = 0; k <= kmax; k++)
        {
            f0 += pk[k] * Math.Pow(u, k);
        }

        double size = GleesonCahalane(pk, z, activationProbability, seedShare);
        return new CascadePrediction
        {
            MeanDegree = z,
            CascadeConditionSum = condition,
            GlobalCascadeProbability = Math.Clamp(1 - f0, 0, 1),
            MeanGlobalCascadeSize = size,
            VulnerableShare = vulnerable,
        };
    }

    /// <summary>
    /// The cascade window of an Erdős–Rényi graph for threshold φ: the interval of mean degrees z for which
    /// Σ_k k(k − 1) ρ_k p_k &gt; z. With K = the largest degree at which one neighbour suffices, the condition is
    /// z · P(Poisson(z) ≤ K − 2) &gt; 1; its edges are found with MathNet's Brent solver.
    /// </summary>
    /// <param name="phi">φ in (0, 1/2] (for larger φ no degree ≥ 2 is vulnerable and the window is empty).</param>
    /// <returns>(lower, upper) edges of the window, or null when the window is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phi"/> is not in (0, 1].</exception>
    public static (double Lower, double Upper)? ErdosRenyiWindow(double phi)
    {
        Guard.InRange(phi, double.Epsilon, 1.0);
        int vulnerableMax = 0;
        for (int k = 1; k < 100_000 && Threshold.RequiredCount(phi, k) <= 1; k++)
        {
            vulnerableMax = k;
        }

        if (vulnerableMax < 2)
        {
            return null;
        }

        double h(double z) => (z * Poisson.CDF(z, vulnerableMax - 2)) - 1.0;

        // h rises from −1 at z = 0 to a maximum, then falls back towards −1: locate the maximum on a grid.
        double best = 0, bestZ = 0;
        for (double z = 0.01; z < vulnerableMax * 4.0 + 20; z += 0.01)
        {
            double value = h(z);
            if (value > best)
            {
                best = value;
                bestZ = z;
            }
        }

        if (best <= 0)
        {
            return null;
        }

        double lower = Brent.FindRoot(h, 1e-9, bestZ, 1e-12, 500);
        double upper = Brent.FindRoot(h, bestZ, vulnerableMax * 4.0 + 40, 1e-12, 500);
        return (lower, upper);
    }

    private static double GleesonCahalane(double[] pk, double z, Func<int, int, double> activation, double rho0)
    {
        int kmax = pk.Length - 1;

        // F(m, k) table once: it is reused by every iteration.
        var f = new double[kmax + 1][];
        for (int k = 0; k <= kmax; k++)
        {
            f[k] = new double[k + 1];
            for (int m = 0; m <= k; m++)
            {
                f[k][m] = k == 0 ? 0.0 : activation(m, k);
            }
        }

        double q = rho0;
        for (int it = 0; it < 100_000; it++)
        {
            double sum = 0;
            for (int k = 1; k <= kmax; k++)
            {
                double inner = 0;
                for (int m = 0; m < k; m++)
                {
                    inner += Binomial.PMF(q, k - 1, m) * f[k][m];
                }

                sum += k / z * pk[k] * inner;
            }

            double next = rho0 + ((1 - rho0) * sum);
            if (Math.Abs(next - q) < 1e-14)
            {
                q = next;
                break;
            }

            q = next;
        }

        double rho = 0;
        for (int k = 0; k <= kmax; k++)
        {
            double inner = 0;
            for (int m = 0; m <= k; m++)
            {
                inner += Binomial.PMF(q, k, m) * f[k][m];
            }

            rho += pk[k] * inner;
        }

        return rho0 + ((1 - rho0) * rho);
    }

    private static int PoissonCutoff(double mean)
    {
        int k = (int)Math.Ceiling(mean);
        while (Poisson.CDF(mean, k) < 1 - 1e-16 && k < 100_000)
        {
            k++;
        }

        return Math.Max(k + 5, 10);
    }
}
