using BenchmarkDotNet.Attributes;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Benchmarks;

/// <summary>Generating one Erdős–Rényi graph of mean degree 4 into a reused buffer (steady state: no allocation).</summary>
[MemoryDiagnoser]
public class ErdosRenyiBenchmarks
{
    private readonly RandomStream _random = new(1);
    private readonly CsrGraph _graph = new();
    private readonly EdgeList _edges = new();
    private long _replication;

    [Params(10_000, 100_000, 1_000_000)]
    public int Nodes { get; set; }

    [Benchmark]
    public int Generate()
    {
        _random.Reset(1, _replication++, StreamKeys.Network);
        return ErdosRenyi.Generate(Nodes, ErdosRenyi.EdgeProbability(Nodes, 4.0), _random, _graph, _edges).EdgeSlotCount;
    }
}

/// <summary>The same Erdős–Rényi draws into fixed 16-slot rows, the layout the Watts worker uses up to 65,536 nodes.</summary>
[MemoryDiagnoser]
public class SlotGraphBenchmarks
{
    private readonly RandomStream _random = new(1);
    private readonly SlotGraph _graph = new();
    private readonly EdgeList _edges = new();
    private long _replication;

    [Params(10_000, 65_536)]
    public int Nodes { get; set; }

    [Benchmark]
    public bool Generate()
    {
        _random.Reset(1, _replication++, StreamKeys.Network);
        return ErdosRenyi.TryGenerateSlots(Nodes, ErdosRenyi.EdgeProbability(Nodes, 4.0), _random, _graph, _edges);
    }
}
