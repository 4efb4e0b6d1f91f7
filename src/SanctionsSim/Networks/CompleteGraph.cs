using SanctionsSim.Internal;

namespace SanctionsSim.Networks;

/// <summary>The complete graph K_n: every pair of distinct nodes is tied.</summary>
internal static class CompleteGraph
{
    /// <summary>Creates K_n.</summary>
    /// <param name="nodeCount">Number of nodes, 0 to 46,341 (n(n − 1) slots must fit in a graph).</param>
    /// <returns>The complete graph, with n − 1 neighbours per node in increasing order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is negative or too large.</exception>
    public static CsrGraph Create(int nodeCount)
    {
        Guard.NonNegative(nodeCount);
        Guard.EdgeSlots((double)nodeCount * Math.Max(0, nodeCount - 1), nameof(nodeCount));
        var graph = new CsrGraph();
        graph.Prepare(nodeCount, nodeCount * Math.Max(0, nodeCount - 1), weighted: false);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        int k = 0;
        for (int u = 0; u < nodeCount; u++)
        {
            offsets[u] = k;
            for (int v = 0; v < nodeCount; v++)
            {
                if (v != u)
                {
                    targets[k++] = v;
                }
            }
        }

        offsets[nodeCount] = k;
        return graph;
    }
}
