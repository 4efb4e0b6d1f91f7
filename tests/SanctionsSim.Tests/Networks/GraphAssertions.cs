using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Networks;

internal static class GraphAssertions
{
    /// <summary>Checks that the graph is simple (no loops, no repeated neighbours) and symmetric.</summary>
    public static void ShouldBeSimpleAndSymmetric(this CsrGraph g)
    {
        var edges = new HashSet<(int, int)>();
        for (int u = 0; u < g.NodeCount; u++)
        {
            var seen = new HashSet<int>();
            foreach (int v in g.Neighbors(u))
            {
                v.ShouldNotBe(u, "self-loop");
                seen.Add(v).ShouldBeTrue($"repeated neighbour {v} of {u}");
                edges.Add((u, v));
            }
        }

        foreach (var (u, v) in edges)
        {
            edges.Contains((v, u)).ShouldBeTrue($"edge {u}-{v} is not symmetric");
        }
    }
}
