using System.Diagnostics;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Simulation;

[Explicit("a timing probe for profiling, not a test")]
public class PhaseTiming
{
    [Test]
    public void Phases()
    {
        var plan = new CompiledScenario(Presets.Venezuela2019());
        var w = new SanctionsWorker(plan);
        var t = new Stopwatch[4];
        for (int k = 0; k < 4; k++) t[k] = new Stopwatch();
        for (int r = 0; r < 200; r++)
        {
            w.SetKey(1, r);
            t[0].Start(); w.SampleOfficers(); t[0].Stop();
            t[1].Start(); w.BuildNetwork(); t[1].Stop();
            t[2].Start(); w.PrepareOrders(); t[2].Stop();
            t[3].Start(); w.Simulate(); t[3].Stop();
        }
        var model = new SanctionsModel(Presets.Venezuela2019());
        var summary = model.CreateSummary();
        var add = Stopwatch.StartNew();
        for (int r = 0; r < 200; r++)
        {
            summary.Add(w.Outcome);
        }
        add.Stop();
        var batch = Stopwatch.StartNew();
        model.Simulate(new SanctionsSim.MonteCarlo.MonteCarloOptions { Replications = 200, MaxDegreeOfParallelism = 1 });
        batch.Stop();
        TestContext.Out.WriteLine($"summary add {add.Elapsed.TotalMilliseconds / 200:F3} ms; batch of 200 on 1 thread {batch.Elapsed.TotalMilliseconds / 200:F3} ms per run");
        TestContext.Out.WriteLine($"sample {t[0].Elapsed.TotalMilliseconds / 200:F3} ms, network {t[1].Elapsed.TotalMilliseconds / 200:F3} ms, orders {t[2].Elapsed.TotalMilliseconds / 200:F3} ms, simulate {t[3].Elapsed.TotalMilliseconds / 200:F3} ms; edges {w.Graph.EdgeSlotCount}");
    }
}
