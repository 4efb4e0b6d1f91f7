using BenchmarkDotNet.Attributes;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// One design point of the 8-lever Sobol analysis of docs/analysis.md: apply the levers to the scenario (JSON
/// round trip and validation), compile it, and run its replications on 2 threads. A Saltelli analysis costs
/// N(k + 2) of these; the per-point overhead (levers and compilation) is measured apart.
/// </summary>
[MemoryDiagnoser]
public class SweepPointBenchmarks
{
    private Sweep _sweep = null!;
    private long _point;

    [Params(64)]
    public int Replications { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ExperimentParameter[] levers =
        [
            ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1),
            ExperimentParameter.Uniform("coalition.us.amnesty.value", 0, 3),
            ExperimentParameter.Uniform("coalition.us.assetProtection.credibility", 0, 1),
            ExperimentParameter.Uniform("coalition.us.contactCampaign.reachPerWeek", 0, 200),
            ExperimentParameter.Uniform("regime.reprisalProbability", 0.1, 0.9),
            ExperimentParameter.Uniform("regime.detectionProbability", 0.05, 0.6),
            ExperimentParameter.Uniform("coalition.us.oilEmbargo.bite", 0, 0.6),
            ExperimentParameter.Uniform("regime.reservesAbroad", 1, 16),
        ];
        _sweep = new Sweep(Presets.Get("venezuela-2019-amnesty"), levers, new SaltelliDesign(256, levers.Length, 2019), new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = Replications, Seed = 2019, MaxDegreeOfParallelism = 2 } });
    }

    /// <summary>A whole design point (points cycle through the design, so outcomes vary as in the analysis).</summary>
    [Benchmark]
    public long Point() => _sweep.RunPoint(_point++ % _sweep.Design.Count)!.Collapses;

    /// <summary>The per-point overhead alone: the levers set in the scenario's JSON, read back and validated.</summary>
    [Benchmark]
    public int ScenarioOfPoint() => _sweep.ScenarioAt(_point++ % _sweep.Design.Count).Factions.Count;
}
