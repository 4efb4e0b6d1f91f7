using System.Text.Json.Nodes;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>sanctionssim constants</c> at small settings, its files, and bad input.</summary>
public class ConstantsCommandTests : CliFolderTest
{
    [Test]
    public async Task Constants_PrintsAVerdictAndTheIndices_AndWritesItsFiles()
    {
        string dir = Path.Combine(Folder, "out");
        var (code, output, error) = await Run("constants", "--case", "georgia-2003", "--case", "mali-1991", "--constant", "criticalShare", "--constant", "purgeCost", "--samples", "16", "--runs", "10", "--seed", "2", "--out", dir);
        code.ShouldBe(0, error);
        output.ShouldContain("Varying the 2 constants by their factors moves the mean Brier score over 2 cases between");
        output.ShouldContain("criticalShare");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "constants.json")))!.AsObject();
        json["constants"]!.AsArray().Count.ShouldBe(2);
        json["settings"]!["points"]!.GetValue<long>().ShouldBe(64);
        json["command"]!.GetValue<string>().ShouldStartWith("sanctionssim constants --case georgia-2003");
        File.ReadAllText(Path.Combine(dir, "constants.md")).ShouldBe(ConstantsPage.Render(json));
    }

    [TestCase("--samples", "8", "Samples must be in [16, 100000]; got 8.")]
    [TestCase("--runs", "1", "Runs must be in [10, 100000]; got 1.")]
    [TestCase("--constant", "purgecost", "Did you mean 'purgeCost'?")]
    [TestCase("--case", "egypt-2012", "Did you mean 'egypt-2011'?")]
    public async Task BadInput_ExitsWithCode2(string option, string value, string message)
    {
        var (code, _, error) = await Run("constants", option, value);
        code.ShouldBe(2);
        error.ShouldContain(message);
    }
}
