using SanctionsSim.IO.Text;

namespace SanctionsSim.Tests.IO.Text;

/// <summary>Progress lines when the error stream is not a terminal: one per tenth, counts only.</summary>
public class ProgressLinesTests
{
    [Test]
    public void ProgressLines_WriteOneLinePerTenth_AndStartAgainForEachStage()
    {
        using var error = new StringWriter();
        var lines = new ProgressLines(error, "work", "items");
        for (int i = 1; i <= 1000; i++)
        {
            lines.Report(i, 1000);
        }

        lines.Report(5, 10, "stage 2");
        string[] written = error.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToArray();
        written.Length.ShouldBe(11);
        written[0].ShouldBe("progress: work: 10 % (100 of 1,000 items)");
        written[9].ShouldBe("progress: work: 100 % (1,000 of 1,000 items)");
        written[10].ShouldBe("progress: work: stage 2, 50 % (5 of 10 items)");
    }

    [Test]
    public void EveryJobsProgress_ReachesOneCounter_WithItsStageAndDetail()
    {
        var reports = new List<(long Done, long Total, string? Stage, string? Detail)>();
        var counter = new Recording(reports);
        counter.ForBatch().Report(new SanctionsSim.MonteCarlo.MonteCarloProgress(30, 120));
        counter.ForSweep().Report(new SanctionsSim.Experiments.SweepProgress(2, 8));
        counter.ForCalibration().Report(new SanctionsSim.Calibration.AbcProgress(Generation: 3, Accepted: 40, Particles: 200, Simulations: 12_345, Tolerance: 0.123456));
        reports.ShouldBe([(30, 120, null, null), (2, 8, null, null), (40, 200, "generation 3", "ε 0.123, 12,345 simulations")]);

        using var error = new StringWriter();
        new ProgressLines(error, "calibrate", "particles accepted").ForCalibration().Report(new SanctionsSim.Calibration.AbcProgress(1, 20, 200, 99, 0.5));
        error.ToString().TrimEnd().ShouldBe("progress: calibrate: generation 1, 10 % (20 of 200 particles accepted)"); // lines leave the detail out
    }

    private sealed class Recording(List<(long, long, string?, string?)> reports) : IProgressCounter
    {
        public void Report(long done, long total, string? stage = null, string? detail = null) => reports.Add((done, total, stage, detail));
    }
}
