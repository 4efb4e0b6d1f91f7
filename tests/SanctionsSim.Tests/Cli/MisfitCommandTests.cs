using System.Text.Json.Nodes;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>sanctionssim misfit</c> at small settings, its files, and bad input.</summary>
public class MisfitCommandTests : CliFolderTest
{
    private static readonly string[] Small = ["misfit", "--case", "georgia-2003", "--case", "mali-1991", "--draws", "10", "--particles", "12", "--generations", "1", "--seed", "4"];

    [Test]
    public async Task Misfit_PrintsAVerdictAndTheCases_AndWritesItsFiles()
    {
        string dir = Path.Combine(Folder, "out");
        var (code, output, error) = await Run([.. Small, "--weight", "2", "--weight", "4", "--drop-worst", "--out", dir]);
        code.ShouldBe(0, error);
        output.ShouldContain("At the shipped posterior a particle's expected ε² over 2 cases is");
        output.ShouldContain("georgia-2003");
        error.ShouldContain("recalibrating, each case's worst observation dropped");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "misfit.json")))!.AsObject();
        json["cases"]!.AsArray().Count.ShouldBe(2);
        json["recalibrated"]!.AsArray().Count.ShouldBe(3);
        json["recalibrated"]![2]!["dropped"]!.AsObject().Count.ShouldBe(2);
        json["command"]!.GetValue<string>().ShouldStartWith("sanctionssim misfit --case georgia-2003");
        File.ReadAllText(Path.Combine(dir, "misfit.md")).ShouldBe(MisfitPage.Render(json));
        File.ReadAllText(Path.Combine(dir, "misfit.md")).ShouldContain("| parameter | outcome weight 2 | outcome weight 4 | each case's worst observation dropped |");
    }

    [TestCase("--weight", "NaN", "--weight is NaN; it must be within [0, 100]")]
    [TestCase("--weight", "-1", "--weight is -1; it must be within [0, 100]")]
    [TestCase("--draws", "3", "Particles must be in [10, 100000]; got 3")]
    [TestCase("--case", "egypt-2012", "Did you mean 'egypt-2011'?")]
    public async Task BadInput_ExitsWithCode2(string option, string value, string message)
    {
        var (code, _, error) = await Run("misfit", option, value);
        code.ShouldBe(2);
        error.ShouldContain(message);
    }
}
