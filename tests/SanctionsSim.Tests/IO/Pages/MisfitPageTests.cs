using System.Text.Json.Nodes;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.IO.Pages;

/// <summary>docs/misfit.md is rendered from the recorded docs/results/misfit.json.</summary>
public class MisfitPageTests
{
    [Test]
    public void ThePage_IsRenderedFromItsRecordedRun()
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "docs", "results", "misfit.json")))!.AsObject();
        string rendered = MisfitPage.Render(json);
        string path = Path.Combine(root, "docs", "misfit.md");
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        File.ReadAllText(path).ShouldBe(rendered, "docs/misfit.md does not match docs/results/misfit.json: rerun the command it names, or the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }

    [Test]
    public void TheRecordedRun_CoversTheWholeCaseBase_WithTheThreeWeightsAndTheDroppedObservations()
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "docs", "results", "misfit.json")))!.AsObject();
        json["cases"]!.AsArray().Count.ShouldBe(SanctionsSim.Calibration.HistoricalCases.Names.Count);
        json["recalibrated"]!.AsArray().Select(v => v!["label"]!.GetValue<string>())
            .ShouldBe(["outcome weight 1", "outcome weight 2", "outcome weight 4", "each case's worst observation dropped"]);
    }
}
