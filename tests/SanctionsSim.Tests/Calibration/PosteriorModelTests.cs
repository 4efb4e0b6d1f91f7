using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Tests.Calibration;

/// <summary>
/// Runs under a posterior rebind one worker to each particle's plan instead of compiling a plan and a worker per
/// replication (#27 item 1): the results must be bit for bit those of the compiled plans, and the steady state must
/// allocate nothing.
/// </summary>
public class PosteriorModelTests
{
    private static readonly string[] Cases = ["venezuela-2019", "venezuela-2019-amnesty", "egypt-2011", "libya-2011", "syria-2011", "bahrain-2011", "venezuela-2019-amnesty-no-coup-proofing"];

    [TestCaseSource(nameof(Cases))]
    public void ReboundPlans_AreBitForBit_ThePlansCompiledPerParticle(string preset)
    {
        var scenario = Presets.Get(preset);
        var options = new MonteCarloOptions { Replications = 60, Seed = 2019, MaxDegreeOfParallelism = 2 };
        string rebound = Bytes(new PosteriorModel(scenario, Posterior.Default, recordRuns: true).Simulate(options).Summary);
        string compiled = Bytes(new MonteCarloRunner(Serial(options)).Run(new CompiledPerReplication(scenario, Posterior.Default, recordRuns: true)).Summary);
        rebound.ShouldBe(compiled);
    }

    [Test]
    public void AComparisonUnderThePosterior_IsBitForBit_TheArmsCompiledPerParticle()
    {
        Scenario baseline = Presets.Get("venezuela-2019"), amnesty = Presets.Get("venezuela-2019-amnesty") with { Weeks = Presets.Get("venezuela-2019").Weeks };
        var options = new MonteCarloOptions { Replications = 40, Seed = 7, MaxDegreeOfParallelism = 2 };
        var summary = new PolicyComparison([baseline, amnesty], Posterior.Default).Run(options).Summary;
        for (int a = 0; a < 2; a++)
        {
            var arm = a == 0 ? baseline : amnesty;
            Bytes(summary.Arms[a]).ShouldBe(Bytes(new MonteCarloRunner(Serial(options)).Run(new CompiledPerReplication(arm, Posterior.Default, recordRuns: false)).Summary), $"arm {a}");
        }
    }

    [Test]
    public void RunSingle_IsTheBatchsReplication()
    {
        var model = new PosteriorModel(Presets.Get("venezuela-2019"), Posterior.Default, recordRuns: true);
        var batch = model.Simulate(new MonteCarloOptions { Replications = 12, Seed = 3, MaxDegreeOfParallelism = 1 }).Summary;
        for (int r = 0; r < 12; r++)
        {
            var single = model.RunSingle(3, r);
            batch.Runs[r].Collapsed.ShouldBe(single.Collapsed, $"replication {r}");
            batch.Runs[r].FinalDefectedShare.ShouldBe(single.FinalDefectedShare, $"replication {r}");
        }
    }

    [Test]
    public void Worker_OnParticlesItHasSeen_AllocatesNothingPerReplication()
    {
        // A posterior of three particles: after each has been drawn once, switching among them only rebinds.
        var names = StructuralParameters.Names.ToArray();
        var defaults = StructuralParameters.All.Select(p => p.Read(Presets.Get("venezuela-2019"))).ToArray();
        var values = new double[3 * names.Length];
        for (int k = 0; k < 3; k++)
        {
            for (int j = 0; j < names.Length; j++)
            {
                values[(k * names.Length) + j] = defaults[j] * (1 + (0.05 * k));
            }
        }

        var posterior = new Posterior(new AbcPopulation(names, 1, 1.0, values, [1.0, 1.0, 1.0], [0.0, 0.0, 0.0], 3, 1));
        var model = new PosteriorModel(Presets.Get("venezuela-2019"), posterior);
        var worker = model.CreateWorker();
        var summary = model.CreateAccumulator();
        for (int i = 0; i < 30; i++)
        {
            worker.Run(1, i, summary);
        }

        Enumerable.Range(0, 30).Select(i => model.Particle(1, i)).Distinct().Count().ShouldBe(3, "the warm-up draws every particle");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 30; i < 60; i++)
        {
            worker.Run(1, i, summary);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(30 * 64); // as SanctionsModel's worker: nothing per replication beyond a rare buffer growth
        Enumerable.Range(30, 30).Select(i => model.Particle(1, i)).Distinct().Count().ShouldBeGreaterThan(1, "the measured replications switch particles");
    }

    [TestCase(-0.5)]
    [TestCase(double.NaN)]
    public void AParticleWithAnInvalidStructure_IsRefusedAtConstruction(double noise)
    {
        // the model validates the two corners of the particles' box, not each particle: one bad particle among good ones is still caught
        var names = StructuralParameters.Names.ToArray();
        var scenario = Presets.Get("egypt-2011");
        var good = StructuralParameters.All.Select(p => p.Read(scenario)).ToArray();
        var bad = good.ToArray();
        bad[Array.IndexOf(names, "noiseScale")] = noise;
        var posterior = new Posterior(new AbcPopulation(names, 1, 1.0, [.. good, .. bad, .. good], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0], 3, 1));
        var e = Should.Throw<ScenarioValidationException>(() => new PosteriorModel(scenario, posterior));
        e.Message.ShouldContain("decision.noiseScale");
    }

    [Test]
    public void EveryParticleOfTheShippedPosterior_Validates_AsTheCornersSay()
    {
        var scenario = Presets.Get("venezuela-2019");
        _ = new PosteriorModel(scenario, Posterior.Default); // the corners validate
        for (int k = 0; k < Posterior.Default.Count; k++)
        {
            Should.NotThrow(() => Posterior.Default.Apply(scenario, k).Validate(), $"particle {k}");
        }
    }

    [Test]
    public void APackageProblemUnderThePosterior_EvaluatesThePosteriorModelsReplications()
    {
        var scenario = Presets.Get("venezuela-2019");
        var lever = new SanctionsSim.Experiments.ExperimentParameter { Name = "regime.reprisalProbability", Lower = 0.1, Upper = 0.9 };
        var problem = new SanctionsSim.Design.ScenarioPackageProblem(scenario, [lever], ["senderCost"]) { Posterior = Posterior.Default };
        var sample = problem.Evaluate([0.3], 5, 10, 30);
        var expected = new PosteriorModel(problem.Apply([0.3]), Posterior.Default).Simulate(new MonteCarloOptions { Replications = 30, Seed = 5, FirstReplication = 10, MaxDegreeOfParallelism = 1 }).Summary;
        sample.Successes.ShouldBe(expected.Collapses);
        new SanctionsSim.Design.ScenarioPackageProblem(scenario, [lever], ["senderCost"]).Evaluate([0.3], 5, 10, 30).Successes
            .ShouldBe(new SanctionsModel(problem.Apply([0.3])).Simulate(new MonteCarloOptions { Replications = 30, Seed = 5, FirstReplication = 10, MaxDegreeOfParallelism = 1 }).Summary.Collapses);
    }

    [Test]
    public void Rebind_RefusesAPlanOfAnotherShape()
    {
        var worker = new Replication(new SimulationPlan(Presets.Get("venezuela-2019")));
        Should.Throw<ArgumentException>(() => worker.Rebind(new SimulationPlan(Presets.Get("egypt-2011"))));
    }

    private static MonteCarloOptions Serial(MonteCarloOptions o) => new() { Replications = o.Replications, Seed = o.Seed, MaxDegreeOfParallelism = 1 };

    /// <summary>The SHA-256 of the summary as written (every count, moment and record): equal hashes, equal summaries.</summary>
    private static string Bytes(SanctionsSummary summary)
    {
        using var stream = new MemoryStream();
        summary.WriteTo(stream);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream.ToArray()));
    }

    /// <summary>What <see cref="PosteriorModel"/> did before #27 item 1: a plan and a worker compiled for every replication's particle.</summary>
    private sealed class CompiledPerReplication(Scenario scenario, Posterior posterior, bool recordRuns) : IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary>
    {
        private readonly SanctionsModel _base = new(scenario, recordRuns);

        public IReplicationWorker<SanctionsAccumulator> CreateWorker() => new Worker(scenario, posterior);

        public SanctionsAccumulator CreateSummary() => _base.CreateAccumulator();

        public SanctionsSummary EmptySummary() => CreateSummary().Freeze();

        public SanctionsSummary Freeze(SanctionsAccumulator accumulator) => accumulator.Freeze();

        public MonteCarloResult<SanctionsSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
            => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

        private sealed class Worker(Scenario scenario, Posterior posterior) : IReplicationWorker<SanctionsAccumulator>
        {
            public void Run(ulong seed, long replication, SanctionsAccumulator summary)
            {
                var run = new Replication(new SimulationPlan(posterior.Apply(scenario, posterior.Particle(seed, replication))));
                run.Run(seed, replication);
                summary.Add(run.Metrics, replication);
            }
        }
    }
}
