using System.Diagnostics;
using System.Globalization;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary>
/// Slurm for real: a plan run as a job array through <c>sbatch</c> with the documented template
/// (docs/scale-out/slurm.sbatch), merged, equals the single-process run bit for bit; resubmitting the finished
/// array changes nothing. Needs a Slurm cluster: <c>.ci/run</c> starts a single-node one on 127.0.0.1
/// (<c>.ci/slurm-up</c>) and sets SANCTIONSSIM_SLURM=1; elsewhere the test is ignored.
/// </summary>
public class SlurmTests
{
    private static readonly TimeSpan JobLimit = TimeSpan.FromMinutes(10);

    private static async Task<(int Code, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task AJobArray_ThroughSbatch_MergesToTheSingleProcessRun_AndAResubmissionIsANoOp()
    {
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_SLURM") != "1" || !OperatingSystem.IsLinux())
        {
            Assert.Ignore("needs a Slurm cluster: .ci/run starts one (.ci/slurm-up) and sets SANCTIONSSIM_SLURM=1");
        }

        string folder = Directory.CreateTempSubdirectory("sanctionssim-slurm-").FullName;
        try
        {
            string bin = Tool(folder);
            string plan = Path.Combine(folder, "plan");
            var planned = await Cli("plan", "--preset", "venezuela-2019-amnesty", "--runs", "400", "--seed", "9", "--shards", "4", "--out", plan);
            planned.Code.ShouldBe(0, planned.Error);
            string template = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "scale-out", "slurm.sbatch");

            Sbatch(folder, bin, template, plan);
            (await Cli("merge", plan, "--missing")).Output.Trim().ShouldBeEmpty();
            var merged = await Cli("merge", plan, "--format", "json");
            merged.Code.ShouldBe(0, merged.Error);
            var single = await Cli("run", "--preset", "venezuela-2019-amnesty", "--runs", "400", "--seed", "9", "--format", "json"); // both under the shipped posterior, the default (#27 item 1)
            merged.Output.ShouldBe(single.Output);

            // a resubmitted (or requeued) array finds every shard done and leaves the files as they were
            var before = Directory.GetFiles(Path.Combine(plan, "shards")).ToDictionary(f => f, File.ReadAllBytes);
            Sbatch(folder, bin, template, plan);
            foreach (var (file, bytes) in before)
            {
                File.ReadAllBytes(file).ShouldBe(bytes);
            }

            (await Cli("merge", plan, "--format", "json")).Output.ShouldBe(single.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ACalibration_ThroughTheDocumentedSlurmLoop_WritesTheFilesOfCalibrateOut()
    {
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_SLURM") != "1" || !OperatingSystem.IsLinux())
        {
            Assert.Ignore("needs a Slurm cluster: .ci/run starts one (.ci/slurm-up) and sets SANCTIONSSIM_SLURM=1");
        }

        string folder = Directory.CreateTempSubdirectory("sanctionssim-slurm-").FullName;
        try
        {
            string bin = Tool(folder);
            string[] calibration = ["--case", "libya-2011", "--case", "zimbabwe-2017", "--particles", "30", "--generations", "3", "--predictive", "10", "--seed", "4"];
            string plan = Path.Combine(folder, "plan");
            (await Cli(["plan", "calibrate", .. calibration, "--shards", "3", "--out", plan])).Code.ShouldBe(0);
            string loop = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "scale-out", "slurm-calibrate.sh");
            Bounded(folder, bin, "bash", [loop, plan, "--cpus-per-task=1", "--mem=1G", "--output=" + Path.Combine(folder, "slurm-%A_%a.out")]);

            string single = Path.Combine(folder, "single");
            (await Cli(["calibrate", .. calibration, "--out", single])).Code.ShouldBe(0);
            foreach (string file in new[] { "posterior.json", "particles.csv", "calibration.json", "predictive.csv" })
            {
                File.ReadAllBytes(Path.Combine(plan, file)).ShouldBe(File.ReadAllBytes(Path.Combine(single, file)), file);
            }

            Directory.GetDirectories(Path.Combine(plan, "shards")).Length.ShouldBe(3); // one array per generation
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The CLI as an installed tool would be: `sanctionssim` on the PATH of the job; returns the folder to put on the PATH.</summary>
    private static string Tool(string folder)
    {
        string bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        string tool = Path.Combine(bin, "sanctionssim");
        File.WriteAllText(tool, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "SanctionsSim.Cli.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    /// <summary>sbatch --wait of the template as an array of the plan's four shards, bounded in time.</summary>
    private static void Sbatch(string folder, string bin, string template, string plan)
        => Bounded(folder, bin, "sbatch", ["--wait", "--array=0-3", "--cpus-per-task=1", "--mem=1G", "--output=" + Path.Combine(folder, "slurm-%A_%a.out"), template, plan]);

    /// <summary>Runs a command that submits Slurm jobs and waits for them, with the tool on its PATH; after <see cref="JobLimit"/> the jobs are cancelled and the test fails.</summary>
    private static void Bounded(string folder, string bin, string command, string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(JobLimit))
        {
            // every job this test's user submitted on the throwaway CI cluster
            using (Process.Start("scancel", ["--user", Environment.UserName]))
            {
            }

            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish within {JobLimit.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes");
        }

        string logs = string.Join("\n", Directory.GetFiles(folder, "slurm-*.out").Select(File.ReadAllText));
        process.ExitCode.ShouldBe(0, $"{output.Result} {error.Result}\n{logs}");
    }
}
