using System.CommandLine;
using SanctionsSim.Cli;
using SanctionsSim.Cli.Commands;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>calibrate --quick</c> (a labelled demonstration) and progress lines when the error stream is not a terminal.</summary>
public class QuickAndProgressTests : CliFolderTest
{
    [Test]
    public void Quick_UsesTheDemonstrationSizes_UnlessAnOptionIsGiven()
    {
        var spec = new CalibrationSpec();
        var command = new Command("calibrate") { new Option<bool>("--quick") };
        spec.AddTo(command);
        var quick = spec.Resolve(command.Parse("--quick"), quick: true);
        quick.Options.Particles.ShouldBe(CalibrationSpec.QuickParticles);
        quick.Options.Generations.ShouldBe(CalibrationSpec.QuickGenerations);
        quick.Predictive.ShouldBe(CalibrationSpec.QuickPredictive);
        quick.Cases.Length.ShouldBe(SanctionsSim.Calibration.HistoricalCases.Names.Count); // every case, as without --quick
        var given = spec.Resolve(command.Parse("--quick --particles 40"), quick: true);
        given.Options.Particles.ShouldBe(40);
        var full = spec.Resolve(command.Parse(""), quick: false);
        full.Options.Particles.ShouldBe(2000);
        full.Options.Generations.ShouldBe(9);
    }

    [Test]
    public async Task Quick_IsLabelledADemonstration_InTheMessage_TheVerdict_AndTheJson()
    {
        string dir = Path.Combine(Folder, "q");
        var (code, output, error) = await Run("calibrate", "--quick", "--case", "zimbabwe-2017", "--case", "libya-2011", "--particles", "20", "--generations", "2", "--predictive", "10", "--out", dir);
        code.ShouldBe(0, error);
        error.ShouldContain("calibrate --quick: a DEMONSTRATION");
        output.ShouldStartWith("Verdict (a --quick DEMONSTRATION, too rough to rely on): ");
        string json = await File.ReadAllTextAsync(Path.Combine(dir, "calibration.json"));
        json.ShouldContain("\"quick\": true");
    }

    [Test]
    public async Task LongCommands_WriteProgressLines_WhenTheErrorStreamIsNotATerminal()
    {
        var run = await Run("run", "--runs", "200");
        string[] lines = [.. run.Error.Split('\n').Where(l => l.StartsWith("progress: ", StringComparison.Ordinal))];
        lines.Length.ShouldBeInRange(1, 10);
        lines[^1].TrimEnd().ShouldBe("progress: venezuela-2019: 100 % (200 of 200 runs)");
        run.Output.ShouldNotContain("progress:"); // results stay clean on standard output

        var sweep = await Run("sweep", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.1:0.9", "--points", "4", "--runs", "2");
        sweep.Error.ShouldContain("(4 of 4 points)");

        var calibrate = await Run("calibrate", "--case", "zimbabwe-2017", "--particles", "20", "--generations", "2", "--predictive", "0", "--out", Path.Combine(Folder, "c"));
        calibrate.Error.ShouldContain("progress: calibrate: generation 1, 100 % (20 of 20 particles accepted)");
    }
}
