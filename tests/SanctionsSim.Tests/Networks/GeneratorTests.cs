using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Networks;

public class GeneratorTests
{
    [Test]
    public void CompleteGraph_HasAllPairs()
    {
        var g = CompleteGraph.Create(6);
        g.EdgeSlotCount.ShouldBe(30);
        g.ShouldBeSimpleAndSymmetric();
    }

    [Test]
    public void ErdosRenyi_EdgeCountWithinBinomialStandardErrors()
    {
        const int n = 20_000;
        const double z = 4;
        double p = ErdosRenyi.EdgeProbability(n, z);
        double pairs = n * (n - 1.0) / 2;
        double mean = pairs * p, sd = Math.Sqrt(pairs * p * (1 - p));
        var reuse = new CsrGraph();
        var total = new RunningMoments();
        for (int r = 0; r < 20; r++)
        {
            var g = ErdosRenyi.Generate(n, p, new RandomStream(5, r, StreamKeys.Network), reuse);
            total.Add(g.EdgeSlotCount / 2.0);
            if (r == 0)
            {
                g.ShouldBeSimpleAndSymmetric();
            }
        }

        Math.Abs(total.Mean - mean).ShouldBeLessThan(5 * sd / Math.Sqrt(20));
        total.StandardDeviation.ShouldBe(sd, sd * 0.6);
    }

    [Test]
    public void ErdosRenyi_DegreeDistributionIsPoisson()
    {
        const int n = 50_000;
        var g = ErdosRenyi.Generate(n, ErdosRenyi.EdgeProbability(n, 3), new RandomStream(2));
        var counts = new int[20];
        for (int v = 0; v < n; v++)
        {
            counts[Math.Min(19, g.Degree(v))]++;
        }

        for (int k = 0; k < 8; k++)
        {
            double p = MathNet.Numerics.Distributions.Poisson.PMF(3, k);
            double se = Math.Sqrt(p * (1 - p) / n);
            ((double)counts[k] / n).ShouldBe(p, 5 * se + 0.002, $"degree {k}");
        }
    }

    [Test]
    public void ErdosRenyi_ExtremeProbabilities()
    {
        ErdosRenyi.Generate(100, 0.0, new RandomStream(1)).EdgeSlotCount.ShouldBe(0);
        ErdosRenyi.Generate(30, 1.0, new RandomStream(1)).EdgeSlotCount.ShouldBe(30 * 29);
    }

    [TestCase(double.NaN)]
    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.PositiveInfinity)]
    public void ErdosRenyi_BadProbability_ThrowsNamingIt(double p)
        => Should.Throw<ArgumentOutOfRangeException>(() => ErdosRenyi.Generate(10, p, new RandomStream(1))).ParamName.ShouldBe("edgeProbability");

    [Test]
    public void ErdosRenyi_TooLarge_ThrowsBeforeAllocating()
        => Should.Throw<ArgumentOutOfRangeException>(() => ErdosRenyi.Generate(int.MaxValue, 0.5, new RandomStream(1)))
            .Message.ShouldContain("directed edge slots");

    [Test]
    public void ConfigurationModel_KeepsDegreesUpToErasedEdges()
    {
        var random = new RandomStream(3);
        int[] degrees = ConfigurationModel.SampleDegrees(10_000, new MathNet.Numerics.Distributions.Poisson(5), random);
        var g = ConfigurationModel.Generate(degrees, random);
        g.ShouldBeSimpleAndSymmetric();
        long lost = 0;
        for (int v = 0; v < degrees.Length; v++)
        {
            g.Degree(v).ShouldBeLessThanOrEqualTo(degrees[v]);
            lost += degrees[v] - g.Degree(v);
        }

        ((double)lost / degrees.Sum()).ShouldBeLessThan(0.01);
    }

    [Test]
    public void ConfigurationModel_OddSum_Throws()
        => Should.Throw<ArgumentException>(() => ConfigurationModel.Generate([1, 1, 1], new RandomStream(1))).Message.ShouldContain("even");

    [Test]
    public void WattsStrogatz_KeepsEdgeCount_AndRingAtZeroRewiring()
    {
        var ring = WattsStrogatz.Generate(100, 4, 0.0, new RandomStream(1));
        ring.EdgeSlotCount.ShouldBe(400);
        ring.Neighbors(0).ToArray().OrderBy(x => x).ShouldBe([1, 2, 98, 99]);
        var rewired = WattsStrogatz.Generate(1000, 6, 0.3, new RandomStream(1));
        rewired.EdgeSlotCount.ShouldBe(6000);
        rewired.ShouldBeSimpleAndSymmetric();
    }

    [Test]
    public void WattsStrogatz_OddNeighbors_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => WattsStrogatz.Generate(10, 3, 0.1, new RandomStream(1))).ParamName.ShouldBe("neighbors");

    [Test]
    public void StochasticBlockModel_DensitiesWithinStandardErrors()
    {
        int[] sizes = [2000, 3000];
        var g = StochasticBlockModel.Generate(sizes, 0.004, 0.0005, new RandomStream(9));
        g.ShouldBeSimpleAndSymmetric();
        long inside = 0, across = 0;
        for (int u = 0; u < g.NodeCount; u++)
        {
            foreach (int v in g.Neighbors(u))
            {
                if (v > u)
                {
                    if ((u < 2000) == (v < 2000))
                    {
                        inside++;
                    }
                    else
                    {
                        across++;
                    }
                }
            }
        }

        double pairsIn = (2000.0 * 1999 / 2) + (3000.0 * 2999 / 2), pairsAcross = 2000.0 * 3000;
        ((double)inside).ShouldBe(pairsIn * 0.004, 5 * Math.Sqrt(pairsIn * 0.004));
        ((double)across).ShouldBe(pairsAcross * 0.0005, 5 * Math.Sqrt(pairsAcross * 0.0005));
    }

    [Test]
    public void StochasticBlockModel_AsymmetricMatrix_Throws()
        => Should.Throw<ArgumentException>(() => StochasticBlockModel.Generate([2, 2], new double[,] { { 0.1, 0.2 }, { 0.3, 0.1 } }, new RandomStream(1)))
            .Message.ShouldContain("symmetric");

    [Test]
    public void CommandHierarchy_TreeShapeAndPeerTies()
    {
        var h = CommandHierarchy.Generate([3, 4], siblingTieProbability: 1.0, levelTieProbability: 0.0, random: null, commandWeight: 2.0, peerWeight: 1.0);
        h.NodeCount.ShouldBe(1 + 3 + 12);
        h.LevelCount.ShouldBe(3);
        h.Parent[0].ShouldBe(-1);
        h.Parent[1].ShouldBe(0);
        h.Parent[4].ShouldBe(1);
        h.Parent[15].ShouldBe(3);
        h.Level[15].ShouldBe(2);
        h.Graph.ShouldBeSimpleAndSymmetric();

        // node 4 (level 2, first under officer 1): superior + 3 siblings
        h.Graph.Degree(4).ShouldBe(4);
        h.Graph.Weights(4).ToArray().Sum().ShouldBe(2.0 + 3.0);
    }

    [Test]
    public void CommandHierarchy_BadBranching_Throws()
        => Should.Throw<ArgumentException>(() => CommandHierarchy.Generate([3, 0], 0, 0, null)).Message.ShouldContain("branching[1]");
}
