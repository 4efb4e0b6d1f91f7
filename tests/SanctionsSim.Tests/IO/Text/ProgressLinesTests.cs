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
}
