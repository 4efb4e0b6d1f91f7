using BenchmarkDotNet.Attributes;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// What the officers' fixed grievances cost (issue #24 item 5; docs/model.md, Eq. 5'–6'): one replication of the
/// Venezuela 2019 preset as it ships (σ_g = 0: nothing drawn) against the same preset with σ_g = 0.1 and the weekly
/// noise at 0.94 τ (one normal per officer drawn at the start of the replication, from its own stream).
/// </summary>
[MemoryDiagnoser]
public class HeterogeneityBenchmarks
{
    private IReplicationWorker<SanctionsAccumulator> _worker = null!;
    private SanctionsAccumulator _summary = null!;
    private long _replication;

    [Params("no-grievance", "grievance")]
    public string Variant { get; set; } = "grievance";

    [GlobalSetup]
    public void Setup()
    {
        Scenario preset = Presets.Get(Presets.Default);
        if (Variant == "grievance")
        {
            preset = preset with { Decision = preset.Decision with { GrievanceSd = 0.1, WeeklyNoiseScale = 0.94 } };
        }

        var model = new SanctionsModel(preset);
        _worker = model.CreateWorker();
        _summary = model.CreateAccumulator();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(2019, _replication++, _summary);
        return _summary.Replications;
    }
}
