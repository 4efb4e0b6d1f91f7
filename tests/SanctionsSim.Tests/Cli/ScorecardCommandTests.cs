using System.Text.Json.Nodes;
using SanctionsSim.Cli;
using SanctionsSim.IO.Pages;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>sanctionssim scorecard</c> at small settings, its files, and bad input.</summary>
public class ScorecardCommandTests : CliFolderTest
{
    private static readonly string[] Small = ["scorecard", "--case", "mali-1991", "--case", "zimbabwe-2017", "--case", "georgia-2003", "--case", "haiti-1991", "--folds", "2", "--particles", "10", "--generations", "1", "--replications-per-case", "1", "--runs", "20", "--seed", "5"];

    [Test]
    public async Task Scorecard_PrintsAVerdictAndTheTable_AndWritesItsFiles()
    {
        string dir = Path.Combine(Folder, "out");
        var (code, output, error) = await Run([.. Small, "--out", dir]);
        code.ShouldBe(0, error);
        output.ShouldContain("the model's forecasts of how each case ended score a Brier of");
        output.ShouldContain("logistic regression on the facts");
        error.ShouldContain("scorecard: fold 2 of 2 done");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")))!.AsObject();
        json["scores"]!.AsArray().Count.ShouldBe(4);
        json["forecasts"]!.AsArray().Count.ShouldBe(16);
        json["command"]!.GetValue<string>().ShouldStartWith("sanctionssim scorecard --case mali-1991");
        File.ReadAllText(Path.Combine(dir, "scorecard.md")).ShouldBe(ScorecardPage.Render(json));
        File.ReadAllLines(Path.Combine(dir, "forecasts.csv")).Length.ShouldBe(17);
        File.Exists(Path.Combine(dir, "reliability.png")).ShouldBeTrue();
    }

    [TestCase("--folds", "1", "Folds must be 0")]
    [TestCase("--runs", "2", "Runs must be at least 10")]
    [TestCase("--case", "egypt-2012", "Did you mean 'egypt-2011'?")]
    public async Task BadInput_ExitsWithCode2(string option, string value, string message)
    {
        string[] args = option == "--folds" ? ["scorecard", option, value] : ["scorecard", option, value, "--folds", "3"];
        var (code, _, error) = await Run(args);
        code.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Test]
    public async Task TheOutcomeOnlyDistance_CalibratesTheFolds_AndIsRecorded()
    {
        string dir = Path.Combine(Folder, "oo");
        // two generations: the first is the prior, which no distance changes
        string[] small = [.. Small.Select(a => a == "1" ? "2" : a)];
        var (code, _, error) = await Run([.. small, "--distance", "outcome-only", "--out", dir]);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")))!.AsObject();
        json["settings"]!["distance"]!.GetValue<string>().ShouldBe("outcome-only");
        ScorecardPage.Stem(json["settings"]!.AsObject()).ShouldBe("scorecard-outcome-only");
        File.ReadAllText(Path.Combine(dir, "scorecard.md")).ShouldContain("2 replications per case, the outcome-only distance)");

        string mean = Path.Combine(Folder, "mean");
        (code, _, error) = await Run([.. small, "--out", mean]);
        code.ShouldBe(0, error);
        var plain = JsonNode.Parse(File.ReadAllText(Path.Combine(mean, "scorecard.json")))!.AsObject();
        plain["settings"]!["distance"]!.GetValue<string>().ShouldBe("mean");
        plain["forecasts"]!.ToJsonString().ShouldNotBe(json["forecasts"]!.ToJsonString(), "the folds' calibrations use the distance");

        (code, _, error) = await Run("scorecard", "--structure", "given", "--distance", "outcome-only");
        code.ShouldBe(2);
        error.ShouldContain("--distance applies only with --structure calibrated");
        (code, _, error) = await Run("scorecard", "--distance", "likelihood");
        code.ShouldBe(2);
        error.ShouldContain("likelihood");
    }

    [Test]
    public async Task APosterior_AppliesOnlyToAGivenStructure()
    {
        var (code, _, error) = await Run("scorecard", "--posterior", "default");
        code.ShouldBe(2);
        error.ShouldContain("--posterior applies only with --structure given");
    }
}
