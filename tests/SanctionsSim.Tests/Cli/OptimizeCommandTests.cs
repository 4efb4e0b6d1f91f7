using System.Text.Json.Nodes;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>optimize</c>: a package with its confirmation, a Pareto front with its files, and bad input (infeasible target, empty bounds, a cost naming no output) with exit 2.</summary>
public class OptimizeCommandTests : CliFolderTest
{
    [Test]
    public async Task Optimize_FindsAPackage_AndConfirmsItOnFreshRandomNumbers()
    {
        var (code, output, error) = await Run("optimize", "--preset", "venezuela-2019", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200", "--target", "0.3",
            "--candidates", "4", "--runs", "10", "--rounds", "2", "--confirm", "40", "--seed", "3", "--format", "json", "--out", Folder);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        var confirmation = json["confirmation"]!;
        ((int)confirmation["replications"]!).ShouldBe(40);
        ((double)confirmation["collapseLower"]!).ShouldBeLessThanOrEqualTo((double)confirmation["collapseProbability"]!);
        ((string)confirmation["outputs"]![0]!["cost"]!).ShouldBe("senderCost");
        json["rounds"]!.AsArray().Count.ShouldBe(2);
        File.ReadAllText(Path.Combine(Folder, "optimize.json")).ShouldBe(output);
    }

    [Test]
    public async Task Pareto_WritesItsPointsAndChart()
    {
        var (code, _, error) = await Run("optimize", "--preset", "venezuela-2019", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200", "--param", "coalition.us.oilEmbargo.bite=0:0.6",
            "--pareto", "--cost", "senderCost", "--cost", "humanitarianBurden", "--candidates", "6", "--rounds", "1", "--runs", "6", "--confirm", "10", "--out", Folder);
        code.ShouldBe(0, error);
        File.ReadAllLines(Path.Combine(Folder, "pareto.csv")).Length.ShouldBe(7);
        File.Exists(Path.Combine(Folder, "pareto.png")).ShouldBeTrue();
        File.Exists(Path.Combine(Folder, "pareto-1.png")).ShouldBeTrue();
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "pareto.json")))!["points"]!.AsArray().Count.ShouldBe(6);
    }

    [TestCase("coalition.us.amnesty.credibility=0.5:0.5", "senderCost", "0.5", "the range [0.5, 0.5] must be finite with upper > lower")]
    [TestCase("coalition.us.amnesty.credibility=0:1", "2*", "0.5", "--cost: Cost expression '2*': a term names no output")]
    [TestCase("coalition.us.amnesty.credibility=0:1", "senderCosts", "0.5", "did you mean 'senderCost'?")]
    [TestCase("regime.reprisalProbability=0.5:0.6", "senderCost", "0.95", "infeasible: No package within the levers' bounds reaches P = 0.95")]
    [TestCase("coalition.us.amnesty.credibility=0:1", "senderCost", "1.5", "--target must be strictly between 0 and 1; got 1.5.")]
    public async Task BadInput_ExitsWithCode2(string param, string cost, string target, string message)
    {
        var (code, _, error) = await Run("optimize", "--preset", "venezuela-2019", "--param", param, "--cost", cost, "--target", target, "--runs", "20", "--rounds", "1", "--candidates", "4");
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain(message);
    }
}
