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

    [TestCase(0.18, 4.0)]
    [TestCase(0.1, 6.0)]
    [TestCase(0.3, 3.0)]
    [TestCase(1.5, 4.0)]
    public void RunSlots_MatchesRunCounts_NodeForNode(double phi, double z)
    {
        const int n = 3000;
        var rule = new UniformFractionalThreshold(phi);
        var slotsKernel = new CascadeKernel();
        var csrKernel = new CascadeKernel();
        var slots = new SlotGraph();
        int compared = 0;
        for (long r = 0; r < 20; r++)
        {
            if (!ErdosRenyi.TryGenerateSlots(n, ErdosRenyi.EdgeProbability(n, z), new RandomStream(3, r, StreamKeys.Network), slots, new EdgeList()))
            {
                continue;
            }

            compared++;
            var graph = ErdosRenyi.Generate(n, ErdosRenyi.EdgeProbability(n, z), new RandomStream(3, r, StreamKeys.Network));
            int[] seeds = [(int)(r * 37 % n), (int)(r * 37 % n), (int)((r * 101) + 5) % n];
            var a = new short[n];
            var b = new short[n];
            for (int v = 0; v < n; v++)
            {
                a[v] = b[v] = (short)Math.Clamp(rule.RequiredCount(v, graph.Degree(v)), 1, short.MaxValue);
            }

            csrKernel.RunCounts(graph, a, seeds).ShouldBe(slotsKernel.RunSlots(slots, b, seeds));
            slotsKernel.EdgesTouched.ShouldBe(csrKernel.EdgesTouched);
            slotsKernel.Rounds.ShouldBe(csrKernel.Rounds);
            slotsKernel.ActivationOrder.ToArray().ShouldBe(csrKernel.ActivationOrder.ToArray());
            b.ShouldBe(a, "the same counters are consumed");
        }

        compared.ShouldBeGreaterThan(10);
    }

    [TestCase(3000, 4.0, 40, true)]
    [TestCase(65_536, 4.0, 120, true)]
    [TestCase(70_000, 4.0, 10, false)]
    public void WattsModel_SlotAndCsrPaths_GiveTheSameReplications(int n, double z, int replications, bool slots)
    {
        // the worker takes the slot path when it suits and redoes a draw that overflows as a CSR graph; every
        // replication must equal the plain CSR computation of the same streams
        var model = new WattsModel { NodeCount = n, MeanDegree = z, Threshold = 0.18 };
        var worker = (WattsModel.Worker)model.CreateWorker();
        worker.UsesSlots.ShouldBe(slots);
        var viaModel = model.CreateSummary();
        var manual = model.CreateSummary();
        var kernel = new CascadeKernel();
        var rule = new UniformFractionalThreshold(0.18);
        var seeds = new int[1];
        for (long r = 0; r < replications; r++)
        {
            worker.Run(9, r, viaModel);
            var graph = ErdosRenyi.Generate(n, ErdosRenyi.EdgeProbability(n, z), new RandomStream(9, r, StreamKeys.Network));
            SeedSelection.Random(n, new RandomStream(9, r, StreamKeys.Seeding), seeds);
            int active = kernel.Run(graph, rule, seeds);
            manual.Add(active, n, kernel.Rounds, kernel.EdgesTouched);
        }

        viaModel.ExactlyEquals(manual).ShouldBeTrue($"{viaModel} vs {manual}");
        if (n == 65_536)
        {
            worker.SlotOverflows.ShouldBeGreaterThan(0, "this case exercises the fallback (about 7 % of draws overflow)");
        }
    }
}
