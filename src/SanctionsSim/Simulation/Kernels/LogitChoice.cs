using System.Numerics;
using System.Runtime.CompilerServices;

namespace SanctionsSim.Simulation.Kernels;

/// <summary>
/// The weekly logit choice (docs/model.md, Eq. 6): an officer attempts when u &lt; Λ(Δ/τ), u uniform on (0, 1]
/// from the officer's decision draw. Since logit(u) &gt; ln u ≥ ln 2 · ⌊log₂ u⌋, officers far from defecting are
/// rejected from the exponent of u alone, without a transcendental call; the result is the same.
/// </summary>
internal static class LogitChoice
{
    /// <summary>ln 2.</summary>
    public const double Ln2 = 0.69314718055994530942;

    /// <summary>Below −53 ln 2 no 53-bit uniform falls under the logistic: the draw cannot matter.</summary>
    public const double Hopeless = -36.8;

    /// <summary>u &lt; Λ(x) for u = (⌊bits / 2¹¹⌋ + 1) · 2⁻⁵³ in (0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Chooses(double x, ulong bits)
    {
        ulong mantissa = (bits >> 11) + 1;
        return x >= Ln2 * (BitOperations.Log2(mantissa) - 53)
            && mantissa * (1.0 / (1UL << 53)) < 1.0 / (1.0 + Math.Exp(-x));
    }
}
