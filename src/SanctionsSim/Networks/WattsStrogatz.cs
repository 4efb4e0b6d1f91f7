using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// The Watts–Strogatz small-world graph (Watts &amp; Strogatz 1998, Nature 393:440): a ring where each node is
/// tied to its k nearest neighbours, then each edge's far end is rewired with probability β to a uniformly
/// chosen node, avoiding self-loops and duplicate edges.
/// </summary>
internal static class WattsStrogatz
{
    /// <summary>Draws a Watts–Strogatz graph.</summary>
    /// <param name="nodeCount">Number of nodes; must exceed <paramref name="neighbors"/>.</param>
    /// <param name="neighbors">k, the (even) number of ring neighbours per node, 0 ≤ k &lt; n.</param>
    /// <param name="rewiring">β, the rewiring probability in [0, 1].</param>
    /// <param name="random">The random stream to draw from.</param>
    /// <returns>The graph, with exactly n·k/2 edges.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static CsrGraph Generate(int nodeCount, int neighbors, double rewiring, RandomStream random)
    {
        Guard.Positive(nodeCount);
        Guard.InRange(neighbors, 0, nodeCount - 1);
        if ((neighbors & 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(neighbors), neighbors, $"neighbors must be even; got {neighbors}.");
        }

        Guard.Probability(rewiring);
        ArgumentNullException.ThrowIfNull(random);
        Guard.EdgeSlots((double)nodeCount * neighbors, nameof(neighbors));
        int half = neighbors / 2;
        var present = new HashSet<long>(nodeCount * half);
        var from = new int[nodeCount * half];
        var to = new int[nodeCount * half];
        int m = 0;
        for (int u = 0; u < nodeCount; u++)
        {
            for (int j = 1; j <= half; j++)
            {
                int v = (u + j) % nodeCount;
                from[m] = u;
                to[m] = v;
                present.Add(Key(u, v));
                m++;
            }
        }

        for (int e = 0; e < m; e++)
        {
            if (!random.NextBernoulli(rewiring))
            {
                continue;
            }

            int u = from[e];
            if (present.Count >= ((long)nodeCount * (nodeCount - 1) / 2) - 1)
            {
                break; // graph (almost) complete: nowhere left to rewire to
            }

            int target;
            do
            {
                target = random.NextInt32(nodeCount);
            }
            while (target == u || present.Contains(Key(u, target)));

            present.Remove(Key(u, to[e]));
            present.Add(Key(u, target));
            to[e] = target;
        }

        var edges = new EdgeList(m);
        for (int e = 0; e < m; e++)
        {
            edges.Add(from[e], to[e]);
        }

        return edges.BuildUndirected(nodeCount, new CsrGraph(), simplify: false);
    }

    private static long Key(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;
}
