using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// Exact threshold arithmetic. A fractional threshold φ is met by m active neighbours out of k when
/// m/k ≥ φ; the library turns that into the smallest integer count m that meets it, once per node, and
/// then compares integers only.
/// </summary>
/// <remarks>
/// <para>
/// The test is never written as <c>m &gt;= φ * k</c>: the product rounds (0.07 × 100 = 7.000000000000001, so 7
/// of 100 would fail a 7 % threshold). The quotient m/k is computed with one correctly rounded division and
/// compared with φ. Rounding is monotone, so whenever the rational m/k is at least the decimal φ was written
/// as, the comparison holds; and it can only wrongly hold if m/k lies within half an ulp (about 10^-17) below
/// that decimal, which two distinct rationals with denominators below 10^8 never do. This is the same test
/// the Python peers use (<c>m / k &gt;= phi</c>), so results agree run by run.
/// </para>
/// <para>For exactly rational thresholds use <see cref="RequiredCount(long, long, int)"/>, which works in integers.</para>
/// </remarks>
internal static class Threshold
{
    /// <summary>The required count meaning "never activates through neighbours".</summary>
    public const int Never = int.MaxValue;

    /// <summary>The smallest m in [0, k] with m/k ≥ φ, or <see cref="Never"/> when none exists (φ &gt; 1, or k = 0 with φ &gt; 0).</summary>
    /// <param name="phi">The fractional threshold; any value, NaN excluded (φ ≤ 0 gives 0).</param>
    /// <param name="degree">The number of neighbours k ≥ 0.</param>
    /// <returns>The required number of active neighbours.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phi"/> is NaN or <paramref name="degree"/> is negative.</exception>
    public static int RequiredCount(double phi, int degree)
    {
        if (double.IsNaN(phi))
        {
            throw new ArgumentOutOfRangeException(nameof(phi), phi, "A threshold cannot be NaN.");
        }

        Guard.NonNegative(degree);
        if (phi <= 0.0)
        {
            return 0;
        }

        if (phi > 1.0 || degree == 0)
        {
            return Never;
        }

        double k = degree;
        int m = (int)Math.Min(Math.Ceiling(phi * k), degree);
        while (m > 0 && (m - 1) / k >= phi)
        {
            m--;
        }

        while (m <= degree && m / k < phi)
        {
            m++;
        }

        return m > degree ? Never : m;
    }

    /// <summary>The smallest m in [0, k] with m/k ≥ p/q, in exact integer arithmetic (m·q ≥ p·k).</summary>
    /// <param name="numerator">p ≥ 0.</param>
    /// <param name="denominator">q &gt; 0.</param>
    /// <param name="degree">k ≥ 0.</param>
    /// <returns>The required number of active neighbours, or <see cref="Never"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static int RequiredCount(long numerator, long denominator, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        Guard.NonNegative(degree);
        if (numerator == 0)
        {
            return 0;
        }

        if (numerator > denominator || degree == 0)
        {
            return Never;
        }

        // ceil(p·k / q) in 128-bit arithmetic
        Int128 product = (Int128)numerator * degree;
        Int128 m = (product + denominator - 1) / denominator;
        return (int)m;
    }
}
