using System.Runtime.CompilerServices;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// Geometric skipping for Bernoulli(p) trials over a long sequence (Batagelj &amp; Brandes 2005, "Efficient
/// generation of large random networks", Phys. Rev. E 71:036113): the gap to the next success is
/// floor(E / λ) with E ~ Exp(1) and λ = −ln(1 − p), since P(floor(E/λ) ≥ k) = e^{−λk} = (1 − p)^k; so a sequence of
/// L trials costs O(L·p) draws instead of O(L). The exponential comes from the ziggurat, not a logarithm.
/// </summary>
internal readonly struct GeometricSkip
{
    private readonly double _inverseLogQ;

    public GeometricSkip(double p)
    {
        P = p;
        _inverseLogQ = p is > 0.0 and < 1.0 ? -1.0 / Math.Log(1.0 - p) : 0.0;
    }

    public double P { get; }

    /// <summary>The number of failures before the next success (long.MaxValue when p = 0; 0 when p = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(RandomStream rng)
    {
        if (_inverseLogQ == 0.0)
        {
            return P >= 1.0 ? 0 : long.MaxValue;
        }

        double gap = rng.NextExponential() * _inverseLogQ;
        return gap < 9.0e18 ? (long)gap : long.MaxValue;
    }
}
