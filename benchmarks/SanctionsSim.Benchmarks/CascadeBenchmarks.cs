using BenchmarkDotNet.Attributes;
using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Benchmarks;

/// <summary>One cascade on a fixed graph inside the cascade window (z = 4, φ = 0.18), from a seed that triggers a global cascade.</summary>
[MemoryDiagnoser]
public class CascadeBenchmarks
{
    private readonly CascadeKernel _kernel = new();
    private readonly int[] _seed = new int[1];
    private CsrGraph _graph = new();

    [Params(10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomStream(7);
        _graph = ErdosRenyi.Generate(Nodes, ErdosRenyi.EdgeProbability(Nodes, 4.0), random);
        var rule = new UniformFractionalThreshold(0.18);
        for (int v = 0; v < Nodes; v++)
        {
            _seed[0] = v;
            if (_kernel.Run(_graph, rule, _seed) > Nodes / 10)
            {
                return;
            }
        }
    }

    [Benchmark]
    public int Cascade() => _kernel.Run(_graph, new UniformFractionalThreshold(0.18), _seed);
}

/// <summary>One full Watts replication (new graph, new seed, cascade) and a whole batch on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class WattsReplicationBenchmarks
{
    private WattsModel _model = new();
    private IReplicationWorker<CascadeSummary> _worker = null!;
    private CascadeSummary _summary = null!;
    private long _replication;

    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new WattsModel { NodeCount = Nodes, MeanDegree = 4, Threshold = 0.18 };
        _worker = _model.CreateWorker();
        _summary = _model.CreateSummary();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(1, _replication++, _summary);
        return _summary.Replications;
    }
}

/// <summary>The Monte Carlo runner's throughput on the Watts model at N = 10⁴: 2,000 replications on 1 and 2 threads (per replication).</summary>
[MemoryDiagnoser]
public class WattsBatchBenchmarks
{
    private readonly WattsModel _model = new() { NodeCount = 10_000, MeanDegree = 4, Threshold = 0.18 };

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(OperationsPerInvoke = 2000)]
    public long Batch() => _model.Simulate(new MonteCarloOptions { Replications = 2000, Seed = 1, MaxDegreeOfParallelism = Threads }).Replications;
}
