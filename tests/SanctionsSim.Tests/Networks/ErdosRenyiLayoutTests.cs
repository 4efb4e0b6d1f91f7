using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Networks;

/// <summary>The Erdős–Rényi generator lays out its CSR graph directly; it must equal the counting sort of the same draws, slot for slot.</summary>
public class ErdosRenyiLayoutTests
{
    [TestCase(0, 0.5)]
    [TestCase(1, 0.5)]
    [TestCase(2, 1.0)]
    [TestCase(7, 1.0)]
    [TestCase(50, 0.0)]
    [TestCase(50, 0.2)]
    [TestCase(3000, 0.001)]
    [TestCase(20000, 0.0002)]
    public void DirectLayout_EqualsTheEdgeListBuild_OfTheSameDraws(int n, double p)
    {
        for (long replication = 0; replication < 5; replication++)
        {
            var random = new RandomStream(11, replication, StreamKeys.Network);
            var direct = ErdosRenyi.Generate(n, p, random, new CsrGraph(), new EdgeList());
            ulong after = random.NextUInt64();

            var reference = new RandomStream(11, replication, StreamKeys.Network);
            var edges = new EdgeList();
            if (n > 0)
            {
                new GeometricSkip(p).Triangle(reference, 0, n, edges);
            }

            var built = edges.BuildUndirected(n, new CsrGraph(), simplify: false);
            reference.NextUInt64().ShouldBe(after, "both consume the same draws");
            direct.NodeCount.ShouldBe(n);
            direct.OffsetArray.AsSpan(0, n + 1).ToArray().ShouldBe(built.OffsetArray.AsSpan(0, n + 1).ToArray());
            int slots = built.OffsetArray[n];
            direct.TargetArray.AsSpan(0, slots).ToArray().ShouldBe(built.TargetArray.AsSpan(0, slots).ToArray());
        }
    }
}
