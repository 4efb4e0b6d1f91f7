using BenchmarkDotNet.Attributes;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// What a splitting path costs against a plain replication of <c>venezuela-2019</c>: an unbranched path (a plain
/// replication that also writes its weekly score), and a clone (replayed from its origin, its draws switched at week 20).
/// </summary>
[MemoryDiagnoser]
public class RareEventBenchmarks
{
    private readonly double[] _scores = new double[52];
    private ISplittingPath _path = null!;
    private long _origin;

    [Params("unbranched", "clone")]
    public string Path { get; set; } = "unbranched";

    [GlobalSetup]
    public void Setup() => _path = new ScenarioSplitting(Presets.Get("venezuela-2019")).CreatePath();

    [Benchmark]
    public double Simulate()
    {
        PathBranch[] branches = Path == "clone" ? Branch : [];
        _path.Simulate(7, _origin++, branches, _scores);
        return _scores[^1];
    }

    private static readonly PathBranch[] Branch = [new PathBranch(20, 0x9E3779B97F4A7C15UL)];
}
