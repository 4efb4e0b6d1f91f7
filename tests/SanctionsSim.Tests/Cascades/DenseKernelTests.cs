using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Cascades;

/// <summary>The dense, branch-free kernel the Watts model uses must reproduce the stamped kernel exactly.</summary>
public class DenseKernelTests
{
    [TestCase(0.18, 4.0)]
    [TestCase(0.1, 8.0)]
    [TestCase(0.3, 3.0)]
    [TestCase(0.0, 2.0)]
    [TestCase(1.5, 4.0)]
    public void RunCounts_MatchesRun_NodeForNode(double phi, double z)
    {
        const int n = 3000;
        var rule = new UniformFractionalThreshold(phi);
        var stamped = new CascadeKernel();
        var dense = new CascadeKernel();
        for (long r = 0; r < 20; r++)
        {
            var graph = ErdosRenyi.Generate(n, ErdosRenyi.EdgeProbability(n, z), new RandomStream(3, r, StreamKeys.Network));
            int[] seeds = [(int)(r * 37 % n), (int)(r * 37 % n), (int)((r * 101) + 5) % n];
            var remaining = new short[n];
            for (int v = 0; v < n; v++)
            {
                remaining[v] = (short)Math.Clamp(rule.RequiredCount(v, graph.Degree(v)), 1, short.MaxValue);
            }

            int a = stamped.Run(graph, rule, seeds);
            int b = dense.RunCounts(graph, remaining, seeds);
            b.ShouldBe(a);
            dense.EdgesTouched.ShouldBe(stamped.EdgesTouched);
            dense.Rounds.ShouldBe(stamped.Rounds);
            dense.ActivationOrder.ToArray().ShouldBe(stamped.ActivationOrder.ToArray());
            for (int v = 0; v < n; v++)
            {
                dense.ActivationRound(v).ShouldBe(stamped.ActivationRound(v), $"node {v}");
            }
        }
    }
}
