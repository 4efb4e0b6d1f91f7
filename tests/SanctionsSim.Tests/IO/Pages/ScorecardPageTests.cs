using System.Text.Json.Nodes;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.IO.Pages;

/// <summary>The scorecard pages in docs/ are rendered from the recorded results files in docs/results/.</summary>
public class ScorecardPageTests
{
    [TestCase("scorecard.json", "scorecard.md")]
    [TestCase("scorecard-high-command.json", "scorecard-high-command.md")]
    [TestCase("scorecard-outcome-only.json", "scorecard-outcome-only.md")]
    public void ThePage_IsRenderedFromItsRecordedRun(string results, string page)
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "docs", "results", results)))!.AsObject();
        string rendered = ScorecardPage.Render(json);
        string path = Path.Combine(root, "docs", page);
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        File.ReadAllText(path).ShouldBe(rendered, $"docs/{page} does not match docs/results/{results}: rerun the command it names, or the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }
}
