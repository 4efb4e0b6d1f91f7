using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// The Erdős–Rényi random graph G(n, p): each of the n(n − 1)/2 pairs is tied independently with
/// probability p. Generated in O(n + m) time by geometric skipping (Batagelj &amp; Brandes 2005), never by a
/// loop over all pairs.
/// </summary>
public static class ErdosRenyi
{
    /// <summary>The tie probability giving mean degree <paramref name="meanDegree"/>: p = z / (n − 1), capped at 1.</summary>
    /// <param name="nodeCount">Number of nodes, at least 2.</param>
    /// <param name="meanDegree">Mean degree z, finite and ≥ 0.</param>
    /// <returns>The edge probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double EdgeProbability(int nodeCount, double meanDegree)
    {
        Guard.InRange(nodeCount, 2, int.MaxValue);
        Guard.NonNegative(meanDegree);
        return Math.Min(1.0, meanDegree / (nodeCount - 1));
    }

    /// <summary>Draws a G(n, p) graph.</summary>
    /// <param name="nodeCount">Number of nodes, ≥ 0.</param>
    /// <param name="edgeProbability">Tie probability p in [0, 1].</param>
    /// <param name="random">The random stream to draw from.</param>
    /// <param name="reuse">An existing graph to refill (no allocation once large enough), or null for a new one.</param>
    /// <returns>The graph (<paramref name="reuse"/> when given).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or the expected graph cannot fit in memory.</exception>
    public static CsrGraph Generate(int nodeCount, double edgeProbability, RandomStream random, CsrGraph? reuse = null)
        => Generate(nodeCount, edgeProbability, random, reuse, new EdgeList());

    internal static CsrGraph Generate(int nodeCount, double edgeProbability, RandomStream random, CsrGraph? reuse, EdgeList edges)
    {
        Guard.NonNegative(nodeCount);
        Guard.Probability(edgeProbability);
        ArgumentNullException.ThrowIfNull(random);
        double pairs = (double)nodeCount * (nodeCount - 1) / 2.0;
        double expected = pairs * edgeProbability;
        Guard.EdgeSlots(2.0 * (expected + (6.0 * Math.Sqrt(expected + 1.0))), nameof(edgeProbability));
        edges.Clear();
        edges.EnsureCapacity((long)(expected + (4.0 * Math.Sqrt(expected + 1.0)) + 16));
        // Batagelj–Brandes: walk the pairs (v, w), w < v, in row order, jumping over failures.
        new GeometricSkip(edgeProbability).Triangle(random, 0, nodeCount, edges);
        return edges.BuildUndirected(nodeCount, reuse ?? new CsrGraph(), simplify: false);
    }
}
