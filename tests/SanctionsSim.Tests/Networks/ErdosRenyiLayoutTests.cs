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
            ErdosRenyi.DrawEdges(n, p, reference, edges);

            var built = edges.BuildUndirected(n, new CsrGraph(), simplify: false);
            reference.NextUInt64().ShouldBe(after, "both consume the same draws");
            direct.NodeCount.ShouldBe(n);
            direct.OffsetArray.AsSpan(0, n + 1).ToArray().ShouldBe(built.OffsetArray.AsSpan(0, n + 1).ToArray());
            int slots = built.OffsetArray[n];
            direct.TargetArray.AsSpan(0, slots).ToArray().ShouldBe(built.TargetArray.AsSpan(0, slots).ToArray());
        }
    }

    [Test]
    public void FourLaneGenerator_EachLaneIsXoshiro256StarStar()
    {
        var parent = new RandomStream(3, 1, StreamKeys.Network).Detach();
        var seeds = parent;
        ulong[] words = [.. Enumerable.Range(0, 16).Select(_ => seeds.Next())];
        var lanes = parent.SeedFourLanes();
        parent.Next().ShouldBe(seeds.Next(), "seeding takes sixteen words of the parent");
        var scalar = Enumerable.Range(0, 4).Select(j => new Xoshiro256(words[j], words[4 + j], words[8 + j], words[12 + j])).ToArray();
        for (int step = 0; step < 1000; step++)
        {
            var next = lanes.Next();
            for (int j = 0; j < 4; j++)
            {
                next[j].ShouldBe(scalar[j].Next(), $"lane {j}, step {step}");
            }
        }
    }

    [TestCase(1L)]
    [TestCase(3_000L)]
    [TestCase(65_536L)]
    [TestCase(4_000_000L)]
    [TestCase(5_931_641L)]      // rows around 2^22.5, where the single-precision root stops
    [TestCase(40_000_000L)]
    [TestCase(94_906_265L)]     // rows around 2^26.5, where L reaches 2^52
    public void PairMapping_IsExact_AtAndAroundEveryRowBoundary(long aroundRow)
    {
        // sorted pair indices at the first and last column of rows near aroundRow, and random ones between
        var random = new RandomStream(8, aroundRow, 1);
        var pairs = new List<long>();
        for (long v = Math.Max(1, aroundRow - 40); v < aroundRow + 40; v++)
        {
            long first = v * (v - 1) / 2;
            pairs.Add(first);
            pairs.Add(first + (long)random.NextUInt64Below((ulong)v));
            pairs.Add(first + v - 1);
        }

        long[] sorted = [.. pairs.Distinct().Order()];
        var rows = new int[sorted.Length];
        var columns = new int[sorted.Length];
        ErdosRenyi.MapPairs(sorted, rows, columns);
        for (int k = 0; k < sorted.Length; k++)
        {
            long v = rows[k], w = columns[k];
            ((v * (v - 1) / 2) + w).ShouldBe(sorted[k], $"pair {sorted[k]} → ({v}, {w})");
            w.ShouldBeInRange(0, v - 1);
        }
    }
}
