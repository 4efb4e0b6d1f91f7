using BenchmarkDotNet.Attributes;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// What a rare-event path costs against a plain replication of <c>venezuela-2019</c>: an unbranched path (a plain
/// replication that also writes its weekly score); a clone (replayed from its origin, its draws switched at week 20);
/// a replication read from random inputs drawn from the prior (an importance sample, buffers recycled); and a move of
/// sequential Monte Carlo (a preconditioned Crank–Nicolson proposal of a particle's inputs, then its replication).
/// </summary>
[MemoryDiagnoser]
public class RareEventBenchmarks
{
    private readonly double[] _scores = new double[52];
    private ISplittingPath _path = null!;
    private IInputSplittingPath _inputPath = null!;
    private RandomInputs _particle = null!;
    private RandomInputs? _spare;
    private long _origin;

    [Params("unbranched", "clone", "inputs", "move")]
    public string Path { get; set; } = "unbranched";

    [GlobalSetup]
    public void Setup()
    {
        var model = new ScenarioSplitting(Presets.Get("venezuela-2019"));
        _path = model.CreatePath();
        _inputPath = model.CreateInputPath();
        _particle = RandomInputs.FromPrior(7, 0);
        _inputPath.Score(_particle);
    }

    [Benchmark]
    public double Simulate()
    {
        switch (Path)
        {
            case "inputs":
                _spare = RandomInputs.FromPrior(7, _origin++, _spare);
                return _inputPath.Score(_spare);
            case "move":
                _spare = _particle.Perturb((ulong)_origin++, 0.9, _spare);
                return _inputPath.Score(_spare);
            default:
                PathBranch[] branches = Path == "clone" ? Branch : [];
                _path.Simulate(7, _origin++, branches, _scores);
                return _scores[^1];
        }
    }

    private static readonly PathBranch[] Branch = [new PathBranch(20, 0x9E3779B97F4A7C15UL)];
}
