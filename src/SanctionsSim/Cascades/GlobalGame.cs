using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// The global game of regime change (Morris &amp; Shin 1998, American Economic Review 88:587; Angeletos, Hellwig
/// &amp; Pavan 2007, Econometrica 75:711). The regime's strength θ is drawn from N(y, 1/α); each agent sees a
/// private signal x = θ + ε, ε ~ N(0, 1/β), and attacks (defects) at cost c, gaining 1 if the regime falls,
/// which happens when the share attacking is at least θ.
/// </summary>
/// <remarks>
/// In the unique monotone equilibrium agents attack when x &lt; x* and the regime falls when θ &lt; θ*, where
/// θ* = Φ(√β (x* − θ*)) and P(θ &lt; θ* | x*) = c. Eliminating x* gives one equation,
/// (α(θ* − y) − √β Φ⁻¹(θ*)) / √(α + β) = Φ⁻¹(c), solved with MathNet's Brent method. With an uninformative
/// prior (α → 0) it reduces to θ* = 1 − c. Uniqueness needs β ≥ α²/(2π).
/// </remarks>
internal static class GlobalGame
{
    /// <summary>The regime-change threshold θ*: the regime falls when its strength is below it.</summary>
    /// <param name="priorMean">y, the prior mean of θ (finite).</param>
    /// <param name="priorPrecision">α ≥ 0 (0 = uninformative prior).</param>
    /// <param name="signalPrecision">β &gt; 0, with β ≥ α²/(2π) for a unique equilibrium.</param>
    /// <param name="cost">c in (0, 1), the cost of attacking relative to the gain.</param>
    /// <returns>θ* in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or the equilibrium is not unique.</exception>
    /// <example>α = 1, β = 100, y = 0.5, c = 0.3 give θ* ≈ 0.708094.</example>
    public static double RegimeChangeThreshold(double priorMean, double priorPrecision, double signalPrecision, double cost)
    {
        Guard.Finite(priorMean);
        Guard.NonNegative(priorPrecision);
        Guard.Positive(signalPrecision);
        Guard.OpenUnit(cost);
        if (signalPrecision < priorPrecision * priorPrecision / (2 * Math.PI))
        {
            throw new ArgumentOutOfRangeException(nameof(signalPrecision), signalPrecision,
                $"signalPrecision must be at least priorPrecision²/(2π) = {Guard.Format(priorPrecision * priorPrecision / (2 * Math.PI))} for a unique equilibrium.");
        }

        double target = Normal.InvCDF(0, 1, cost);
        double a = priorPrecision, b = signalPrecision;
        double f(double theta) => (((a * (theta - priorMean)) - (Math.Sqrt(b) * Normal.InvCDF(0, 1, theta))) / Math.Sqrt(a + b)) - target;
        return Brent.FindRoot(f, 1e-12, 1 - 1e-12, 1e-13, 500);
    }

    /// <summary>The signal threshold x* = θ* + Φ⁻¹(θ*)/√β below which agents attack.</summary>
    /// <param name="priorMean">y.</param>
    /// <param name="priorPrecision">α ≥ 0.</param>
    /// <param name="signalPrecision">β &gt; 0.</param>
    /// <param name="cost">c in (0, 1).</param>
    /// <returns>x*.</returns>
    public static double SignalThreshold(double priorMean, double priorPrecision, double signalPrecision, double cost)
    {
        double theta = RegimeChangeThreshold(priorMean, priorPrecision, signalPrecision, cost);
        return theta + (Normal.InvCDF(0, 1, theta) / Math.Sqrt(signalPrecision));
    }

    /// <summary>
    /// x* and θ* of <see cref="SignalThreshold"/> without allocating (the simulation's weekly loop calls it): the same
    /// equation solved for u = Φ⁻¹(θ*) by Newton's method kept inside a bracket, g(u) = α(Φ(u) − y) − √β·u − √(α + β)·Φ⁻¹(c),
    /// whose slope αφ(u) − √β is negative exactly when the equilibrium is unique (β ≥ α²/(2π)). Arguments are not
    /// checked (the caller's plan is validated).
    /// </summary>
    /// <param name="priorMean">y.</param>
    /// <param name="priorPrecision">α ≥ 0.</param>
    /// <param name="signalPrecision">β ≥ α²/(2π), β &gt; 0.</param>
    /// <param name="cost">c in (0, 1).</param>
    /// <param name="regimeThreshold">θ*.</param>
    /// <returns>x* = θ* + Φ⁻¹(θ*)/√β.</returns>
    internal static double SignalThresholdInPlace(double priorMean, double priorPrecision, double signalPrecision, double cost, out double regimeThreshold)
    {
        double u = double.NaN;
        double x = SignalThresholdFromQuantile(priorMean, priorPrecision, signalPrecision, Normal.InvCDF(0, 1, cost), ref u);
        regimeThreshold = Normal.CDF(0, 1, u);
        return x;
    }

    /// <summary>
    /// <see cref="SignalThresholdInPlace(double, double, double, double, out double)"/> from Φ⁻¹(c) (a caller that keeps
    /// c for many weeks computes it once) and a starting point: <paramref name="u"/> comes in as a guess of Φ⁻¹(θ*)
    /// (last week's, or NaN for none) and goes out as the solution. The bracket needs no evaluation: Φ ∈ [0, 1] gives
    /// g(u) &gt; 0 below (−αy − √(α+β)Φ⁻¹(c))/√β − 1 and g(u) &lt; 0 above (α(1 − y) − √(α+β)Φ⁻¹(c))/√β + 1.
    /// </summary>
    /// <param name="priorMean">y.</param>
    /// <param name="priorPrecision">α ≥ 0.</param>
    /// <param name="signalPrecision">β ≥ α²/(2π), β &gt; 0.</param>
    /// <param name="costQuantile">Φ⁻¹(c), c in (0, 1).</param>
    /// <param name="u">In: a guess of Φ⁻¹(θ*) or NaN; out: Φ⁻¹(θ*).</param>
    /// <returns>x* = θ* + Φ⁻¹(θ*)/√β.</returns>
    internal static double SignalThresholdFromQuantile(double priorMean, double priorPrecision, double signalPrecision, double costQuantile, ref double u)
    {
        double a = priorPrecision, sb = Math.Sqrt(signalPrecision);
        double target = Math.Sqrt(a + signalPrecision) * costQuantile;
        double lo = ((-a * priorMean) - target) / sb - 1, hi = ((a * (1 - priorMean)) - target) / sb + 1;
        double v = u > lo && u < hi ? u : Math.Clamp(-target / sb, lo, hi);
        for (int i = 0; i < 200; i++)
        {
            double g = (a * (Normal.CDF(0, 1, v) - priorMean)) - (sb * v) - target;
            if (g > 0)
            {
                lo = v;
            }
            else if (g < 0)
            {
                hi = v;
            }
            else
            {
                break;
            }

            double slope = (a * Normal.PDF(0, 1, v)) - sb;
            double next = slope < 0 ? v - (g / slope) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi); // Newton left the bracket: bisect
            }

            bool done = Math.Abs(next - v) <= 1e-14 * Math.Max(1, Math.Abs(v));
            v = next;
            if (done)
            {
                break;
            }
        }

        u = v;
        return Normal.CDF(0, 1, v) + (v / sb);
    }

    /// <summary>
    /// Whether a signal <paramref name="x"/> is below the threshold x* of <see cref="SignalThresholdFromQuantile"/>, deciding
    /// from the reference point <paramref name="u"/> when it can: x*(v) = Φ(v) + v/√β increases with v and g decreases, so
    /// g(u) ≥ 0 (u ≤ Φ⁻¹(θ*)) and x &lt; x*(u) mean x &lt; x*, and g(u) ≤ 0 with x ≥ x*(u) mean x ≥ x*; otherwise it solves,
    /// and <paramref name="u"/> becomes the solution (the next reference point). One evaluation of Φ in most calls.
    /// </summary>
    /// <param name="x">The signal.</param>
    /// <param name="priorMean">y.</param>
    /// <param name="priorPrecision">α ≥ 0.</param>
    /// <param name="signalPrecision">β ≥ α²/(2π), β &gt; 0.</param>
    /// <param name="costQuantile">Φ⁻¹(c), c in (0, 1).</param>
    /// <param name="u">A reference point (NaN for none); the solution when the call had to solve.</param>
    /// <returns>x &lt; x*.</returns>
    internal static bool BelowSignalThreshold(double x, double priorMean, double priorPrecision, double signalPrecision, double costQuantile, ref double u)
    {
        if (double.IsFinite(u))
        {
            double sb = Math.Sqrt(signalPrecision), phi = Normal.CDF(0, 1, u);
            double g = (priorPrecision * (phi - priorMean)) - (sb * u) - (Math.Sqrt(priorPrecision + signalPrecision) * costQuantile);
            double xu = phi + (u / sb);
            if (g >= 0 && x < xu)
            {
                return true;
            }

            if (g <= 0 && x >= xu)
            {
                return false;
            }
        }

        return x < SignalThresholdFromQuantile(priorMean, priorPrecision, signalPrecision, costQuantile, ref u);
    }
}
