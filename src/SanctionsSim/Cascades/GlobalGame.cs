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
public static class GlobalGame
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
        double a = priorPrecision, sb = Math.Sqrt(signalPrecision);
        double target = Math.Sqrt(a + signalPrecision) * Normal.InvCDF(0, 1, cost);
        double lo = -40, hi = 40; // Φ(±40) is 0 or 1 in doubles: g(lo) > 0 > g(hi) whenever |target|, α·|y| are moderate; widened below otherwise
        while (G(lo) <= 0 && lo > -1e9)
        {
            lo *= 4;
        }

        while (G(hi) >= 0 && hi < 1e9)
        {
            hi *= 4;
        }

        double u = Math.Clamp(-target / sb, lo, hi);
        for (int i = 0; i < 200; i++)
        {
            double g = G(u);
            if (g > 0)
            {
                lo = u;
            }
            else if (g < 0)
            {
                hi = u;
            }
            else
            {
                break;
            }

            double slope = (a * Normal.PDF(0, 1, u)) - sb;
            double next = slope < 0 ? u - (g / slope) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi); // Newton left the bracket: bisect
            }

            if (Math.Abs(next - u) <= 1e-14 * Math.Max(1, Math.Abs(u)))
            {
                u = next;
                break;
            }

            u = next;
        }

        regimeThreshold = Normal.CDF(0, 1, u);
        return regimeThreshold + (u / sb);

        double G(double x) => (a * (Normal.CDF(0, 1, x) - priorMean)) - (sb * x) - target;
    }
}
