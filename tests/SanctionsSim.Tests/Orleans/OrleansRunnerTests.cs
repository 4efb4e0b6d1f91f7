using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Orleans;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Orleans;

/// <summary>
/// The Orleans runner: a 3-silo in-process cluster spreads the shards and merges them to the single-process
/// summary bit for bit; a silo in a separate process killed mid-run loses nothing (its shards are called again on
/// the other silos) and the result is still bit-identical.
/// </summary>
[NonParallelizable]
public class OrleansRunnerTests
{
    private static SanctionsSim.Simulation.SanctionsSummary Single(string preset, long runs, ulong seed)
        => new SanctionsModel(Presets.Get(preset)).Simulate(new MonteCarloOptions { Replications = runs, Seed = seed }).Summary;

    [Test]
    public async Task ThreeSilos_SpreadTheShards_AndMergeToTheSingleProcessSummary()
    {
        var builder = new TestClusterBuilder(3);
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var runner = new OrleansRunner(cluster.Client, new OrleansRunnerOptions { Shards = 12 });
        var options = new MonteCarloOptions { Replications = 240, Seed = 21 };
        var summary = await runner.RunAsync(Presets.Get("venezuela-2019-amnesty"), options);
        summary.ExactlyEquals(Single("venezuela-2019-amnesty", 240, 21)).ShouldBeTrue();

        // the shards were activated on more than one silo
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var silos = statistics.Where(s => s.GrainType.Contains("ShardGrain", StringComparison.Ordinal) && s.ActivationCount > 0).Select(s => s.SiloAddress).Distinct().Count();
        silos.ShouldBeGreaterThan(1);

        // calling again is idempotent: the same grains answer with the same bits
        (await runner.RunAsync(Presets.Get("venezuela-2019-amnesty"), options)).ExactlyEquals(summary).ShouldBeTrue();

        // under a posterior, the shards (other grains: the key names the posterior) merge to one process's batch under it (#27 item 1)
        var posterior = SanctionsSim.Calibration.Posterior.Default;
        var drawn = await runner.RunWithPosteriorAsync(Presets.Get("venezuela-2019-amnesty"), posterior, options);
        drawn.ExactlyEquals(new SanctionsSim.Calibration.PosteriorModel(Presets.Get("venezuela-2019-amnesty"), posterior).Simulate(options).Summary).ShouldBeTrue();
        drawn.ExactlyEquals(summary).ShouldBeFalse();
    }

    [Test]
    public async Task ASiloInAnotherProcess_KilledMidRun_LosesNothing()
    {
        string silo = Path.Combine(AppContext.BaseDirectory.Replace("SanctionsSim.Tests", "SanctionsSim.Orleans.TestSilo", StringComparison.Ordinal), "SanctionsSim.Orleans.TestSilo");
        File.Exists(silo).ShouldBeTrue($"the test silo executable is built beside the tests: {silo}");
        var builder = new TestClusterBuilder(2) { CreateSiloAsync = StandaloneSiloHandle.CreateDelegate(silo) };
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        // a shard takes about a quarter of a second: a 20 s timeout is ample, and calls to the dead silo end with it
        var runner = new OrleansRunner(cluster.Client, new OrleansRunnerOptions { Shards = 16, ShardTimeout = TimeSpan.FromSeconds(20), RetryDelay = TimeSpan.FromSeconds(2), Retries = 8 });
        int done = 0;
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.ShardDone += (_, _) =>
        {
            if (Interlocked.Increment(ref done) == 2)
            {
                firstDone.TrySetResult();
            }
        };

        int retried = 0;
        runner.ShardRetried += (_, _) => Interlocked.Increment(ref retried);
        var options = new MonteCarloOptions { Replications = 1600, Seed = 8 };
        Task<SanctionsSim.Simulation.SanctionsSummary> run = runner.RunAsync(Presets.Get("venezuela-2019-amnesty"), options);
        await firstDone.Task.WaitAsync(TimeSpan.FromMinutes(3));
        SiloHandle victim = cluster.SecondarySilos[0];
        await cluster.KillSiloAsync(victim); // the process is killed: its running shards are lost
        victim.IsActive.ShouldBeFalse();
        var summary = await run.WaitAsync(TimeSpan.FromMinutes(5));
        summary.ExactlyEquals(Single("venezuela-2019-amnesty", 1600, 8)).ShouldBeTrue();
        done.ShouldBe(16);
        retried.ShouldBeGreaterThan(0); // the killed silo's shards were called again elsewhere
    }
}

/// <summary><c>sanctionssim cluster silo</c> and <c>cluster run</c>: the batch on a local silo gives the JSON of <c>run</c>.</summary>
[NonParallelizable]
public class ClusterCommandTests
{
    [Test]
    public async Task ClusterRun_OnALocalSilo_GivesTheJsonOfRun_AndWithoutASiloSaysSo()
    {
        using var stop = new CancellationTokenSource();
        using var siloOutput = new StringWriter();
        using var siloError = new StringWriter();
        Task<int> silo = SanctionsSim.Cli.CliApp.RunAsync(["cluster", "silo", "--port", "21311", "--gateway-port", "31300"], siloOutput, siloError, cancellationToken: stop.Token);
        try
        {
            // the shipped posterior by default, as 'run' (#27 item 1), and the medians when told
            foreach (string[] structure in (string[][])[[], ["--structure", "medians"]])
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                int code = await SanctionsSim.Cli.CliApp.RunAsync(["cluster", "run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "3", "--shards", "5", "--gateway-port", "31300", "--format", "json", .. structure], output, error);
                code.ShouldBe(0, error.ToString() + siloError);
                using var single = new StringWriter();
                await SanctionsSim.Cli.CliApp.RunAsync(["run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "3", "--format", "json", .. structure], single, new StringWriter());
                output.ToString().ShouldBe(single.ToString());
                output.ToString().ShouldContain(structure.Length == 0 ? "\"source\": \"posterior\"" : "\"source\": \"medians\"");
            }
        }
        finally
        {
            await stop.CancelAsync();
            (await silo.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBe(0);
        }

        siloError.ToString().ShouldContain("silo up: silo port 21311, gateway port 31300 (primary)");
        using var noSilo = new StringWriter();
        int refused = await SanctionsSim.Cli.CliApp.RunAsync(["cluster", "run", "--runs", "10", "--gateway-port", "31399", "--connect-timeout", "3"], new StringWriter(), noSilo);
        refused.ShouldBe(SanctionsSim.Cli.CliApp.BadInput);
        noSilo.ToString().ShouldContain("no silo answered on gateway port(s) 31399");
    }
}
