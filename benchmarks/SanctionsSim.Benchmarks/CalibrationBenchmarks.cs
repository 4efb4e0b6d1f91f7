using BenchmarkDotNet.Attributes;
using SanctionsSim.Calibration;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// Where a calibration's time goes: one replication of each historical case (a particle simulates each case
/// <see cref="CaseCalibration.DefaultReplicationsPerCase"/> times, after compiling its scenario), and the compile
/// itself (scenario with the particle's structure → plan → worker).
/// </summary>
[MemoryDiagnoser]
public class CaseBenchmarks
{
    private IReplicationWorker<SanctionsSummary> _worker = null!;
    private SanctionsSummary _summary = null!;
    private Model.Scenario _scenario = null!;
    private long _replication;

    [Params("venezuela-2019", "egypt-2011", "libya-2011", "syria-2011", "zimbabwe-2017", "myanmar-2021")]
    public string Case { get; set; } = "venezuela-2019";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Presets.Get(Case);
        var model = new SanctionsModel(_scenario);
        _worker = model.CreateWorker();
        _summary = model.CreateSummary();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(7, _replication++, _summary);
        return _summary.Replications;
    }

    [Benchmark]
    public int Compile() => new SanctionsModel(StructuralParameters.Get("noiseScale").Apply(_scenario, 0.2)).OfficerCount;
}

/// <summary>What <c>--posterior</c> costs: a Venezuela replication with the default structure against one that draws its particle (and compiles it) per replication.</summary>
[MemoryDiagnoser]
public class PosteriorBenchmarks
{
    private IReplicationWorker<SanctionsSummary> _worker = null!;
    private SanctionsSummary _summary = null!;
    private long _replication;

    [Params("defaults", "posterior")]
    public string Structure { get; set; } = "defaults";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Presets.Get(Presets.Default);
        IMonteCarloExperiment<SanctionsSummary> model = Structure == "posterior" ? new PosteriorModel(scenario, Posterior.Default) : new SanctionsModel(scenario);
        _worker = model.CreateWorker();
        _summary = model.CreateSummary();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(2019, _replication++, _summary);
        return _summary.Replications;
    }
}
