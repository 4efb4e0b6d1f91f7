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

    /// <summary>−1 / ln(1 − p), the scale of the exponential (0 when p is 0 or 1).</summary>
    public double InverseLogQ => _inverseLogQ;

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

    /// <summary>
    /// Calls <paramref name="edges"/>.Add(first + v, first + w) for each pair w &lt; v &lt; size drawn with
    /// probability p, walking the lower triangle in row order (Batagelj &amp; Brandes 2005, algorithm G(n, p)).
    /// </summary>
    public void Triangle(RandomStream random, int first, long size, EdgeList edges, double weight = double.NaN)
    {
        long v = 1, w = -1;
        while (v < size)
        {
            long gap = Next(random);
            if (gap == long.MaxValue)
            {
                return;
            }

            w += 1 + gap;
            while (w >= v && v < size)
            {
                w -= v;
                v++;
            }

            if (v < size)
            {
                Add(edges, first + (int)v, first + (int)w, weight);
            }
        }
    }

    /// <summary>Calls edges.Add for each pair (firstA + i, firstB + j), i &lt; sizeA, j &lt; sizeB, drawn with probability p.</summary>
    public void Rectangle(RandomStream random, int firstA, long sizeA, int firstB, long sizeB, EdgeList edges, double weight = double.NaN)
    {
        long total = sizeA * sizeB;
        long index = -1;
        while (true)
        {
            long gap = Next(random);
            if (gap == long.MaxValue || gap >= total - index - 1)
            {
                return;
            }

            index += 1 + gap;
            Add(edges, firstA + (int)(index / sizeB), firstB + (int)(index % sizeB), weight);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(EdgeList edges, int u, int v, double weight)
    {
        if (double.IsNaN(weight))
        {
            edges.Add(u, v);
        }
        else
        {
            edges.Add(u, v, weight);
        }
    }
}
