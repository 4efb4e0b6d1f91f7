using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Scenarios;

/// <summary>Inputs on which AFL++ (fuzz/run.sh) once made the scenario reader throw; kept so it never does again.</summary>
public class FuzzRegressionTests
{
    private static IEnumerable<string> Inputs()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios", "FuzzRegressions"), "*.json").Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Inputs))]
    public void FuzzFinding_IsAnErrorListNotAnException(string path)
    {
        IReadOnlyList<SanctionsSim.Validation.InputError>? errors = null;
        Should.NotThrow(() => errors = ScenarioJson.TryRead(File.ReadAllBytes(path), out _));
        errors!.ShouldNotBeEmpty();
    }

    [Test]
    public void DuplicateProperty_IsReportedAsMalformedJson()
        => ScenarioJson.TryRead("""{ "schemaVersion": 1, "name": "a", "name": "b", "factions": [] }"""u8, out _).Single().Message.ShouldContain("Duplicate property 'name'");
}
