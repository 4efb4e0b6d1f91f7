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
        return Build(nodeCount, new GeometricSkip(edgeProbability), random, reuse ?? new CsrGraph(), edges, (long)(expected + (4.0 * Math.Sqrt(expected + 1.0)) + 16));
    }

    /// <summary>
    /// Batagelj–Brandes: walk the pairs (v, w), w &lt; v, in row order, jumping over failures with geometric
    /// gaps; then lay out the CSR graph without an edge list. Row v's draws are v's lower neighbours, already
    /// contiguous and sorted, so they are copied; only the upper half (v as a neighbour of each w &lt; v) is
    /// scattered, and degrees of the lower half come from row lengths. Half the random memory traffic of a
    /// counting sort over an edge list, and the same graph, slot for slot (a test compares the two).
    /// </summary>
    private static CsrGraph Build(int n, GeometricSkip skip, RandomStream random, CsrGraph graph, EdgeList scratch, long expectedEdges)
    {
        int[] lower = scratch.Buffer(0, expectedEdges);
        int[] rows = scratch.Buffer(2, (long)n + 1);
        int[] upper = scratch.Buffer(1, (long)n + 1);
        Array.Clear(upper, 0, n + 1);
        Array.Clear(rows, 0, n + 1);
        int m = 0;

        // Pair index L over the lower triangle in row order: L = v(v − 1)/2 + w. Each success maps to (v, w) with a
        // square root instead of walking rows, so the loop has no data-dependent branch to mispredict.
        long total = (long)n * (n - 1) / 2;
        long pair = -1;
        double scale = skip.InverseLogQ;
        var rng = random.Detach();
        while (total > 0)
        {
            // GeometricSkip.Next on a register-resident copy of the generator's state
            long gap;
            if (scale == 0)
            {
                gap = skip.P >= 1.0 ? 0 : long.MaxValue;
            }
            else
            {
                double g = ExponentialZiggurat.Next(ref rng) * scale;
                gap = g < 9.0e18 ? (long)g : long.MaxValue;
            }

            if (gap == long.MaxValue || gap >= total - pair - 1)
            {
                break;
            }

            pair += 1 + gap;
            long v = (long)((1.0 + Math.Sqrt(1.0 + (8.0 * pair))) * 0.5);
            long first = v * (v - 1) / 2;
            if (first > pair)
            {
                v--;
                first -= v;
            }
            else if (first + v <= pair)
            {
                first += v;
                v++;
            }

            int w = (int)(pair - first);
            if (m == lower.Length)
            {
                lower = Grow(scratch, lower, m);
            }

            lower[m++] = w;
            rows[v + 1]++;
            upper[w]++;
        }

        random.Restore(rng);
        for (int r = 0; r < n; r++)
        {
            rows[r + 1] += rows[r];
        }

        Internal.Guard.EdgeSlots(2L * m, "edge slots");
        graph.Prepare(n, 2 * m, weighted: false);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;

        // offsets from lower (row length) plus upper degrees; upper[] becomes each node's cursor for its upper neighbours
        int start = 0;
        for (int u = 0; u < n; u++)
        {
            offsets[u] = start;
            int lowerCount = rows[u + 1] - rows[u];
            int upperCount = upper[u];
            upper[u] = start + lowerCount;
            start += lowerCount + upperCount;
        }

        offsets[n] = start;
        for (int u = 0; u < n; u++)
        {
            int from = rows[u], to = rows[u + 1], at = offsets[u] - from;
            for (int e = from; e < to; e++)
            {
                // rows are a few entries long: a plain loop beats Array.Copy's call overhead
                int w = lower[e];
                targets[at + e] = w;
                targets[upper[w]++] = u;
            }
        }

        return graph;
    }

    private static int[] Grow(EdgeList scratch, int[] lower, int m)
    {
        int[] copy = [.. lower.AsSpan(0, m)];
        int[] bigger = scratch.Buffer(0, (long)m * 2);
        copy.CopyTo(bigger, 0);
        return bigger;
    }
}
