using System.Text.Json.Nodes;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.IO.Pages;

/// <summary>docs/constants.md is rendered from the recorded docs/results/constants.json, which covers every constant and case.</summary>
public class ConstantsPageTests
{
    [Test]
    public void ThePage_IsRenderedFromItsRecordedRun_OverEveryConstantAndCase()
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "docs", "results", "constants.json")))!.AsObject();
        json["constants"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(SanctionsSim.Scorecard.PayoffConstants.All.Select(c => c.Name));
        json["cases"]!.AsArray().Count.ShouldBe(SanctionsSim.Calibration.HistoricalCases.Names.Count);
        string rendered = ConstantsPage.Render(json);
        string path = Path.Combine(root, "docs", "constants.md");
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        File.ReadAllText(path).ShouldBe(rendered, "docs/constants.md does not match docs/results/constants.json: rerun the command it names, or the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }
}
