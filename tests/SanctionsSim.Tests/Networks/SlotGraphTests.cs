using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Networks;

/// <summary>The slot layout of an Erdős–Rényi draw must hold the CSR graph of the same draws, row for row, or say that it overflowed.</summary>
public class SlotGraphTests
{
    [TestCase(2, 1.0)]
    [TestCase(17, 1.0)]
    [TestCase(18, 1.0)]
    [TestCase(50, 0.1)]
    [TestCase(3000, 0.0)]
    [TestCase(3000, 0.001)]
    [TestCase(20000, 0.0002)]
    [TestCase(65536, 0.00005)]
    public void Slots_HoldTheCsrGraphOfTheSameDraws(int n, double p)
    {
        var slots = new SlotGraph();
        for (long replication = 0; replication < 5; replication++)
        {
            var random = new RandomStream(5, replication, StreamKeys.Network);
            bool fitted = ErdosRenyi.TryGenerateSlots(n, p, random, slots, new EdgeList());
            var reference = new RandomStream(5, replication, StreamKeys.Network);
            var csr = ErdosRenyi.Generate(n, p, reference);
            int maxDegree = Enumerable.Range(0, n).Max(csr.Degree);
            fitted.ShouldBe(maxDegree <= SlotGraph.Width, $"max degree {maxDegree}");
            if (!fitted)
            {
                continue;
            }

            random.NextUInt64().ShouldBe(reference.NextUInt64(), "both consume the same draws");
            slots.NodeCount.ShouldBe(n);
            for (int v = 0; v < n; v++)
            {
                slots.Degrees[v].ShouldBe((byte)csr.Degree(v));
                slots.Slots.AsSpan(v * SlotGraph.Width, slots.Degrees[v]).ToArray().Select(x => (int)x).ShouldBe(csr.Neighbors(v).ToArray(), $"row {v}");
            }
        }
    }

    [Test]
    public void DenseGraphs_Overflow_AndTheSlotsAreReusedAfterwards()
    {
        var slots = new SlotGraph();
        ErdosRenyi.TryGenerateSlots(100, 0.5, new RandomStream(1), slots, new EdgeList()).ShouldBeFalse();
        ErdosRenyi.TryGenerateSlots(100, 0.01, new RandomStream(1), slots, new EdgeList()).ShouldBeTrue();
        slots.Degrees.AsSpan(0, 100).ToArray().Sum(d => d).ShouldBe(ErdosRenyi.Generate(100, 0.01, new RandomStream(1)).EdgeSlotCount);
        ErdosRenyi.TryGenerateSlots(SlotGraph.MaxNodes + 1, 0.0, new RandomStream(1), slots, new EdgeList()).ShouldBeFalse("node indices must fit in two bytes");
    }

    [TestCase(10_000, 4.0, true)]
    [TestCase(10_000, 0.0, true)]
    [TestCase(10_000, 8.0, false)]
    [TestCase(65_536, 2.0, true)]
    [TestCase(65_537, 2.0, false)]
    [TestCase(100_000, 4.0, false)]
    public void Suits_WhenIndicesFitAndOverflowIsRare(int n, double z, bool expected)
        => SlotGraph.Suits(n, z).ShouldBe(expected);
}
