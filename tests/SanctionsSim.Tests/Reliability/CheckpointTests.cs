using System.Diagnostics;
using SanctionsSim.Cli;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Reliability;

/// <summary>No work lost: checkpoints round-trip exactly, and a batch killed with SIGKILL resumes to the same results.</summary>
public class CheckpointTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sanctionssim-ckpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void SummaryCheckpoint_RoundTripsExactly_WithRunRecords()
    {
        var model = new SanctionsModel(Presets.Get("venezuela-2019-amnesty"), recordRuns: true);
        var summary = model.Simulate(new MonteCarloOptions { Replications = 40, Seed = 5 }).Summary;
        using var buffer = new MemoryStream();
        summary.WriteTo(buffer);
        buffer.Position = 0;
        var copy = model.CreateAccumulator();
        copy.ReadFrom(buffer);
        copy.ExactlyEquals(summary.State).ShouldBeTrue();
        copy.Runs.Count.ShouldBe(40);
        copy.Runs[17].ShouldBe(summary.Runs[17] with { SenderCosts = copy.Runs[17].SenderCosts });
        copy.Runs[17].SenderCosts.ShouldBe(summary.Runs[17].SenderCosts);

        var other = new SanctionsModel(Presets.Get("venezuela-2019")).CreateAccumulator();
        buffer.Position = 0;
        Should.Throw<InvalidDataException>(() => other.ReadFrom(buffer));
        Should.Throw<InvalidDataException>(() => model.CreateAccumulator().ReadFrom(new MemoryStream(buffer.ToArray()[..100])));
    }

    [Test]
    public async Task Run_WithCheckpoints_GivesTheSameResultAsOneBatch()
    {
        using var plain = new StringWriter();
        (await CliApp.RunAsync(["run", "--preset", "venezuela-2019-amnesty", "--runs", "45", "--seed", "3", "--format", "json"], plain, TextWriter.Null)).ShouldBe(0);
        using var chunked = new StringWriter();
        (await CliApp.RunAsync(["run", "--preset", "venezuela-2019-amnesty", "--runs", "45", "--seed", "3", "--format", "json", "--out", _folder, "--checkpoint-every", "7"], chunked, TextWriter.Null)).ShouldBe(0);
        chunked.ToString().ShouldBe(plain.ToString());
        File.Exists(Path.Combine(_folder, "checkpoint.bin")).ShouldBeFalse(); // a finished batch removes its checkpoint
        File.ReadAllLines(Path.Combine(_folder, "runs.csv")).Length.ShouldBe(46);
    }

    [Test]
    public async Task Resume_WithoutCheckpoint_OrWithOtherOptions_IsAnError()
    {
        var error = new StringWriter();
        (await CliApp.RunAsync(["run", "--runs", "10", "--out", _folder, "--resume"], TextWriter.Null, error)).ShouldBe(2);
        error.ToString().ShouldContain("no checkpoint");
        using (var cts = new CancellationTokenSource())
        {
            await cts.CancelAsync();
            (await CliApp.RunAsync(["run", "--runs", "10", "--out", _folder], TextWriter.Null, TextWriter.Null, false, cts.Token)).ShouldBe(1);
        }

        File.Exists(Path.Combine(_folder, "checkpoint.bin")).ShouldBeTrue();
        var mismatch = new StringWriter();
        (await CliApp.RunAsync(["run", "--runs", "10", "--seed", "2", "--out", _folder, "--resume"], TextWriter.Null, mismatch)).ShouldBe(2);
        mismatch.ToString().ShouldContain("another batch");
        var again = new StringWriter();
        (await CliApp.RunAsync(["run", "--runs", "10", "--out", _folder], TextWriter.Null, again)).ShouldBe(2);
        again.ToString().ShouldContain("--resume");
    }

    [Test]
    public void KilledWithSigkill_AtRandomMoments_ResumesToExactlyTheUninterruptedResult()
    {
        string reference = Path.Combine(_folder, "reference");
        string killed = Path.Combine(_folder, "killed");
        string[] common = ["run", "--preset", "venezuela-2019", "--runs", "1200", "--seed", "8", "--checkpoint-every", "60", "--format", "json"];
        Run([.. common, "--out", reference], killAfter: null).ShouldBe(0);

        // the manifest is written before the data: a kill between the two leaves only checkpoint.json, which --resume needs too
        KillAndResume(common, killed, [Path.Combine(killed, "checkpoint.bin"), Path.Combine(killed, "checkpoint.json")], seed: 42, minimumMs: 700, spreadMs: 1200).ShouldBeGreaterThan(0);
        string expected = File.ReadAllText(Path.Combine(reference, "summary.json"));
        File.ReadAllText(Path.Combine(killed, "summary.json")).ShouldBe(expected);
        File.ReadAllText(Path.Combine(killed, "runs.csv")).ShouldBe(File.ReadAllText(Path.Combine(reference, "runs.csv")));
        Directory.GetFiles(killed, "*.tmp").ShouldBeEmpty();
    }

    [Test]
    public void Sweep_KilledWithSigkill_ResumesToByteIdenticalFiles()
    {
        string reference = Path.Combine(_folder, "sweep-reference");
        string killed = Path.Combine(_folder, "sweep-killed");
        string[] common = ["sweep", "--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.2:1", "--param", "regime.detectionProbability=0.05:0.6",
            "--design", "lhs", "--points", "60", "--runs", "8", "--seed", "4", "--format", "csv"];
        Run([.. common, "--out", reference], killAfter: null).ShouldBe(0);

        KillAndResume(common, killed, [Path.Combine(killed, "manifest.json")], seed: 43, minimumMs: 600, spreadMs: 900).ShouldBeGreaterThan(0);
        var expected = Directory.GetFiles(reference, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(reference, f)).Order().ToArray();
        Directory.GetFiles(killed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(killed, f)).Order().ToArray().ShouldBe(expected);
        foreach (string file in expected)
        {
            File.ReadAllBytes(Path.Combine(killed, file)).ShouldBe(File.ReadAllBytes(Path.Combine(reference, file)), file);
        }
    }

    /// <summary>Runs <paramref name="common"/> --out <paramref name="folder"/>, killing it with SIGKILL up to three times at random moments and resuming (once any of <paramref name="markers"/> exists) until it finishes; returns the number of kills.</summary>
    private static int KillAndResume(string[] common, string folder, string[] markers, ulong seed, int minimumMs, int spreadMs)
    {
        var random = new RandomStream(seed);
        int kills = 0;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            TimeSpan? killAfter = kills < 3 ? TimeSpan.FromMilliseconds(minimumMs + random.NextInt32(spreadMs)) : null;
            int? code = Run(markers.Any(File.Exists) ? [.. common, "--out", folder, "--resume"] : [.. common, "--out", folder], killAfter);
            if (code is null)
            {
                kills++;
                continue;
            }

            code.ShouldBe(0);
            return kills;
        }

        throw new InvalidOperationException("The command did not finish in 12 attempts.");
    }

    /// <summary>Runs the CLI in a child process; kills it with SIGKILL after <paramref name="killAfter"/> (null exit code when killed).</summary>
    private static int? Run(string[] args, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SanctionsSim.Cli.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAfter is TimeSpan delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
            process.WaitForExit();
            return null;
        }

        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"exit {process.ExitCode}: {error.Result}");
    }
}
