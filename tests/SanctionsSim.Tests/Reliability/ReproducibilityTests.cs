using System.Diagnostics;
using System.Text.Json.Nodes;
using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Reliability;

/// <summary>The same scenario and seed give bit-identical results across processes, thread counts and shard splits.</summary>
public class ReproducibilityTests
{
    private static string RunCli(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "SanctionsSim.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
        return output;
    }

    [Test]
    public void SeparateProcesses_DifferentThreadCounts_GiveIdenticalSummaries()
    {
        string one = RunCli("run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "11", "--threads", "1", "--format", "json");
        string two = RunCli("run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "11", "--threads", "2", "--format", "json");
        two.ShouldBe(one);
        var json = JsonNode.Parse(one)!;
        json["seed"]!.GetValue<ulong>().ShouldBe(11UL);
        json["scenarioHash"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        json["package"]!["version"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        // and the in-process library agrees with the separate process, bit for bit (the command line draws the
        // structure from the shipped posterior by default, #27 item 1: the library's PosteriorModel)
        var inProcess = new SanctionsSim.Calibration.PosteriorModel(SanctionsSim.Scenarios.Cases.Presets.Get("venezuela-2019-amnesty"), SanctionsSim.Calibration.Posterior.Default)
            .Simulate(new MonteCarloOptions { Replications = 60, Seed = 11 }).Summary;
        json["finalDefectedShare"]!["mean"]!.GetValue<double>().ShouldBe(inProcess.FinalDefectedShare.Mean);
    }

    [TestCase(1, 250)]
    [TestCase(3, 97)]
    [TestCase(7, 31)]
    public void AnyShardSplit_MergesToTheSameSummary(int threads, int shardSize)
    {
        var model = new WattsModel { NodeCount = 1500 };
        var whole = model.Simulate(new MonteCarloOptions { Replications = 500, Seed = 99, MaxDegreeOfParallelism = 2 }).Summary;
        var merged = model.CreateSummary();
        for (long first = 0; first < 500; first += shardSize)
        {
            long count = Math.Min(shardSize, 500 - first);
            merged = merged.Combine(model.Simulate(new MonteCarloOptions { Replications = count, FirstReplication = first, Seed = 99, MaxDegreeOfParallelism = threads }).Summary);
        }

        merged.ExactlyEquals(whole).ShouldBeTrue();
    }

    [Test]
    [Explicit("a million replications: run by hand, figures in docs/reliability.md")]
    public void MillionReplications_MemoryStaysFlat()
    {
        var model = new WattsModel { NodeCount = 200, MeanDegree = 4 };
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var progress = new Peak(() => peak = Math.Max(peak, GC.GetTotalMemory(false)));
        var clock = Stopwatch.StartNew();
        var result = model.Simulate(new MonteCarloOptions { Replications = 1_000_000, Seed = 1 }, progress);
        clock.Stop();
        result.Replications.ShouldBe(1_000_000);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        TestContext.Out.WriteLine($"1,000,000 replications in {clock.Elapsed.TotalSeconds:F1} s; managed heap before {before / 1024} KiB, peak {peak / 1024} KiB, after {after / 1024} KiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        (after - before).ShouldBeLessThan(16L * 1024 * 1024);
    }

    private sealed class Peak(Action sample) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => sample();
    }
}
