using SanctionsSim.Cli;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>init</c>: the short file a student edits (levers first, comments, defaults omitted) and <c>--full</c>.</summary>
public class InitCommandTests : CliFolderTest
{
    [TestCaseSource(typeof(Presets), nameof(Presets.Names))]
    public async Task Init_WritesAShortCommentedFile_ThatReadsBackAsThePreset(string preset)
    {
        string path = Path.Combine(Folder, "short.json");
        var (code, output, error) = await Run("init", "--preset", preset, path);
        code.ShouldBe(0, error);
        output.ShouldContain("--full writes every field");
        string text = await File.ReadAllTextAsync(path);
        Scenario read = ScenarioJson.ReadFile(path); // comments and all
        ScenarioJson.Hash(read).ShouldBe(ScenarioJson.Hash(Presets.Get(preset)));
        text.ShouldStartWith("// A SanctionsSim scenario, short form");
        text.ShouldContain("  // THE LEVERS");
        text.IndexOf("\"coalition\"", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("\"factions\"", StringComparison.Ordinal)); // the levers first
        text.ShouldContain("\"weeks\"");
    }

    [Test]
    public async Task Init_ShortFile_OmitsDefaults_AndIsFarShorterThanFull()
    {
        string shortPath = Path.Combine(Folder, "short.json"), fullPath = Path.Combine(Folder, "full.json");
        (await Run("init", shortPath)).Code.ShouldBe(0);
        (await Run("init", "--full", fullPath)).Code.ShouldBe(0);
        string shortText = await File.ReadAllTextAsync(shortPath), fullText = await File.ReadAllTextAsync(fullPath);
        fullText.ShouldNotContain("//");
        fullText.ShouldContain("\"escalationFactor\": 1.5"); // a default, written in full
        shortText.ShouldNotContain("\"escalationFactor\"");
        shortText.Split('\n').Length.ShouldBeLessThan(fullText.Split('\n').Length / 2);
        ScenarioJson.Hash(ScenarioJson.ReadFile(fullPath)).ShouldBe(ScenarioJson.Hash(ScenarioJson.ReadFile(shortPath)));
        var validate = await Run("validate", shortPath);
        validate.Code.ShouldBe(0);
        (await Run("run", shortPath, "--runs", "5")).Code.ShouldBe(0);
    }

    [Test]
    public async Task ScenarioFiles_WithCommentsAndTrailingCommas_AreAccepted_ByValidateRunAndCompare()
    {
        string path = Path.Combine(Folder, "commented.json");
        await File.WriteAllTextAsync(path, """
            // a scenario written by hand
            {
              "schemaVersion": 1,
              "name": "commented", /* a block comment */
              "weeks": 8,
              "factions": [ { "name": "army", "generals": 10, "troops": 1000, }, ], // trailing commas
            }
            """);
        (await Run("validate", path)).Code.ShouldBe(0);
        (await Run("run", path, "--runs", "5")).Code.ShouldBe(0);
        string other = Path.Combine(Folder, "other.json");
        await File.WriteAllTextAsync(other, (await File.ReadAllTextAsync(path)).Replace("\"commented\"", "\"other\"", StringComparison.Ordinal));
        (await Run("compare", path, other, "--runs", "5")).Code.ShouldBe(0);
    }

    [Test]
    public async Task Compare_ArmsWithTheSameName_AreToldToChangeName()
    {
        string path = Path.Combine(Folder, "mine.json");
        (await Run("init", path)).Code.ShouldBe(0); // keeps the preset's name
        var (code, _, error) = await Run("compare", "venezuela-2019", path, "--runs", "5");
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("Change \"name\" in one of the files (for example \"name\": \"venezuela-2019-mine\")");
    }
}
