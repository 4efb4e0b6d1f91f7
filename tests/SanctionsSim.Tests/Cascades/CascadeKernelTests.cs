using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Cascades;

public class CascadeKernelTests
{
    /// <summary>A deliberately naive O(n) per round synchronous reference.</summary>
    private static bool[] NaiveSynchronous(CsrGraph g, double phi, int[] seeds)
    {
        var active = new bool[g.NodeCount];
        foreach (int s in seeds)
        {
            active[s] = true;
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            var next = (bool[])active.Clone();
            for (int v = 0; v < g.NodeCount; v++)
            {
                int k = g.Degree(v);
                if (active[v] || k == 0)
                {
                    continue;
                }

                int m = 0;
                foreach (int u in g.Neighbors(v))
                {
                    m += active[u] ? 1 : 0;
                }

                if ((double)m / k >= phi)
                {
                    next[v] = true;
                    changed = true;
                }
            }

            active = next;
        }

        return active;
    }

    [Test]
    public void Run_MatchesNaiveReference_AndRandomOrderReachesSameFinalSet([Values(1.5, 2.5, 4.0, 6.0)] double z)
    {
        var kernel = new CascadeKernel();
        for (int r = 0; r < 20; r++)
        {
            var g = ErdosRenyi.Generate(2000, ErdosRenyi.EdgeProbability(2000, z), new RandomStream(1, r, 1));
            int[] seeds = [r * 37 % 2000, (r * 91 + 5) % 2000];
            bool[] expected = NaiveSynchronous(g, 0.18, seeds);
            kernel.Run(g, new UniformFractionalThreshold(0.18), seeds).ShouldBe(expected.Count(a => a));
            var sync = Enumerable.Range(0, g.NodeCount).Select(kernel.IsActive).ToArray();
            sync.ShouldBe(expected);
            kernel.Run(g, new UniformFractionalThreshold(0.18), seeds, CascadeUpdate.RandomOrder, new RandomStream(3, r, 4));
            Enumerable.Range(0, g.NodeCount).Select(kernel.IsActive).ToArray().ShouldBe(expected);
        }
    }

    [Test]
    public void Run_SynchronousRoundsMatchGenerations_OnAPath()
    {
        // path 0-1-2-3-4, threshold 0.5: each node activates one round after its predecessor
        var g = new CsrGraph([0, 1, 3, 5, 7, 8], [1, 0, 2, 1, 3, 2, 4, 3]);
        var kernel = new CascadeKernel();
        kernel.Run(g, new UniformFractionalThreshold(0.5), [0]).ShouldBe(5);
        kernel.Rounds.ShouldBe(4);
        kernel.ActivationRound(3).ShouldBe(3);
        kernel.ActivationOrder.ToArray().ShouldBe([0, 1, 2, 3, 4]);
    }

    [Test]
    public void Run_BlockedAgentsNeverActivate_AndStopTheChain()
    {
        var g = new CsrGraph([0, 1, 3, 5, 7, 8], [1, 0, 2, 1, 3, 2, 4, 3]);
        var blocked = new bool[5];
        blocked[2] = true;
        var kernel = new CascadeKernel();
        kernel.Run(g, new FractionalThresholds([0.1, 0.1, 0.1, 0.1, 0.1], blocked), [0]).ShouldBe(2);
        kernel.IsActive(2).ShouldBeFalse();
    }

    [Test]
    public void Run_CostIsEdgesTouched_NotNodes()
    {
        // a huge graph where the seed's cascade dies at once costs only the seed's edges
        var g = ErdosRenyi.Generate(200_000, ErdosRenyi.EdgeProbability(200_000, 10), new RandomStream(1));
        var kernel = new CascadeKernel();
        kernel.Run(g, new UniformFractionalThreshold(0.5), [0]);
        kernel.EdgesTouched.ShouldBe(g.Degree(0));
    }

    [Test]
    public void Run_IsRepeatable_StampResetLeavesNoState()
    {
        var g = ErdosRenyi.Generate(3000, ErdosRenyi.EdgeProbability(3000, 4), new RandomStream(2));
        var kernel = new CascadeKernel();
        int first = kernel.Run(g, new UniformFractionalThreshold(0.18), [5]);
        kernel.Run(g, new UniformFractionalThreshold(0.18), [6, 7, 8]);
        kernel.Run(g, new UniformFractionalThreshold(0.18), [5]).ShouldBe(first);
    }

    [Test]
    public void RunWeighted_HeavyTieCountsMore()
    {
        // node 2 is tied to 0 (weight 3) and 1 (weight 1); threshold 0.7
        var g = new CsrGraph([0, 1, 2, 4], [2, 2, 0, 1], [3.0, 1.0, 3.0, 1.0]);
        var kernel = new CascadeKernel();
        kernel.RunWeighted(g, [0.7, 0.7, 0.7], default, [1]).ShouldBe(1);
        // 3/4 >= 0.7 activates node 2, whose single tie then carries node 1 (1/1 >= 0.7)
        kernel.RunWeighted(g, [0.7, 0.7, 0.7], default, [0]).ShouldBe(3);
        kernel.ActivationRound(2).ShouldBe(1);
        kernel.ActivationRound(1).ShouldBe(2);
    }

    [Test]
    public void RunWeighted_UnitWeights_AgreeWithCountRule()
    {
        var g = ErdosRenyi.Generate(2000, ErdosRenyi.EdgeProbability(2000, 4), new RandomStream(8));
        var kernel = new CascadeKernel();
        var phi = Enumerable.Repeat(0.18, 2000).ToArray();
        for (int s = 0; s < 50; s++)
        {
            int a = kernel.Run(g, new UniformFractionalThreshold(0.18), [s]);
            kernel.RunWeighted(g, phi, default, [s]).ShouldBe(a);
        }
    }

    [Test]
    public void Run_BadSeed_Throws()
        => Should.Throw<ArgumentException>(() => new CascadeKernel().Run(CompleteGraph.Create(3), new UniformFractionalThreshold(0.5), [3]))
            .Message.ShouldContain("Seed 3");

    [Test]
    public void Run_RandomOrderWithoutStream_Throws()
        => Should.Throw<ArgumentException>(() => new CascadeKernel().Run(CompleteGraph.Create(3), new UniformFractionalThreshold(0.5), [0], CascadeUpdate.RandomOrder));

    [Test]
    public void SeedSelection_RandomDistinct_AndTargeted()
    {
        var random = new RandomStream(1);
        Span<int> few = stackalloc int[10];
        SeedSelection.Random(20, random, few);
        few.ToArray().Distinct().Count().ShouldBe(10);
        int[] many = new int[500];
        SeedSelection.Random(1000, random, many);
        many.Distinct().Count().ShouldBe(500);
        many.ShouldAllBe(v => v >= 0 && v < 1000);

        var star = new CsrGraph([0, 3, 4, 5, 6], [1, 2, 3, 0, 0, 0]);
        SeedSelection.HighestDegree(star, 1).ShouldBe([0]);
        SeedSelection.HighestWeight(star, 2, [1.0, 5.0, 2.0, 0.5]).ShouldBe([1, 2]);
        SeedSelection.RandomFraction(1000, 0.05, random).Length.ShouldBe(50);
    }
}
