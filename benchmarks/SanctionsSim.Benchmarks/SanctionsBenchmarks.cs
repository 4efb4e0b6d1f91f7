using BenchmarkDotNet.Attributes;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Benchmarks;

/// <summary>One 52-week replication of the Venezuela 2019 preset (4,000 officers), and batches on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class VenezuelaReplicationBenchmarks
{
    private IReplicationWorker<SanctionsAccumulator> _worker = null!;
    private SanctionsAccumulator _summary = null!;
    private SanctionsModel _model = null!;
    private long _replication;

    [Params("venezuela-2019", "venezuela-2019-amnesty")]
    public string Preset { get; set; } = Presets.Default;

    [GlobalSetup]
    public void Setup()
    {
        _model = new SanctionsModel(Presets.Get(Preset));
        _worker = _model.CreateWorker();
        _summary = _model.CreateAccumulator();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(2019, _replication++, _summary);
        return _summary.Replications;
    }
}

/// <summary>The Monte Carlo runner's throughput: 1,000 replications of the preset on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class RunnerThroughputBenchmarks
{
    private SanctionsModel _model = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _model = new SanctionsModel(Presets.Get(Presets.Default));

    [Benchmark(OperationsPerInvoke = 1000)]
    public long Batch() => _model.Simulate(new MonteCarloOptions { Replications = 1000, Seed = 1, MaxDegreeOfParallelism = Threads }).Replications;
}
