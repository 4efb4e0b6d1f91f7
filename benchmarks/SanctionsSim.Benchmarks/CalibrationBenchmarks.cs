using BenchmarkDotNet.Attributes;
using SanctionsSim.Calibration;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
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
    private IReplicationWorker<SanctionsAccumulator> _worker = null!;
    private SanctionsAccumulator _summary = null!;
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
        _summary = model.CreateAccumulator();
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

/// <summary>What a posterior costs per replication: a Venezuela replication with the default structure against one that draws its particle per replication (and rebinds its worker to the particle's plan, #27 item 1).</summary>
[MemoryDiagnoser]
public class PosteriorBenchmarks
{
    private IReplicationWorker<SanctionsAccumulator> _worker = null!;
    private SanctionsAccumulator _summary = null!;
    private long _replication;

    [Params("defaults", "posterior")]
    public string Structure { get; set; } = "defaults";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Presets.Get(Presets.Default);
        IMonteCarloExperiment<SanctionsAccumulator> model = Structure == "posterior" ? new PosteriorModel(scenario, Posterior.Default) : new SanctionsModel(scenario);
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

/// <summary>
/// A whole run at fixed structure against one under the shipped posterior (#27 item 1): 10,000 Venezuela replications
/// on one thread, the model built inside the measurement (for the posterior: every particle's scenario applied and
/// validated, each particle's plan made on first use), as <c>run --runs 10000 --threads 1</c> does. Run in process with
/// one warm-up and five iterations: <c>-- --filter '*PosteriorBatchBenchmarks*' --inProcess --launchCount 1 --warmupCount 1 --iterationCount 5</c>.
/// </summary>
[MemoryDiagnoser]
public class PosteriorBatchBenchmarks
{
    private Model.Scenario _scenario = null!;

    [Params("medians", "posterior")]
    public string Structure { get; set; } = "medians";

    [GlobalSetup]
    public void Setup() => _scenario = Presets.Get(Presets.Default);

    [Benchmark(OperationsPerInvoke = 10_000)]
    public long Batch()
    {
        var options = new MonteCarloOptions { Replications = 10_000, Seed = 1, MaxDegreeOfParallelism = 1 };
        return Structure == "posterior"
            ? new PosteriorModel(_scenario, Posterior.Default).Simulate(options).Replications
            : new SanctionsModel(_scenario).Simulate(options).Replications;
    }
}
