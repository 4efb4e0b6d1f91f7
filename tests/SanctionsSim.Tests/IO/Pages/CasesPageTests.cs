using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.IO.Pages;

/// <summary>docs/cases.md and docs/coding-rules.md are rendered from the case files and the rules files.</summary>
public class CasesPageTests
{
    [TestCase("cases.md")]
    [TestCase("coding-rules.md")]
    public void ThePage_IsCurrent(string page)
    {
        string path = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", page);
        string rendered = page == "cases.md" ? CasesPage.Render() : RulesPage.Render();
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        File.ReadAllText(path).ShouldBe(rendered, $"docs/{page} is stale: run 'sanctionssim cases docs --out docs' (or the tests with SANCTIONSSIM_UPDATE_DOCS=1)");
    }
}
