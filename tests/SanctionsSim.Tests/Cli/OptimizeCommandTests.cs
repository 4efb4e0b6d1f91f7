using System.Text.Json.Nodes;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>optimize</c>: a package with its confirmation, a Pareto front with its files, and bad input (infeasible target, empty bounds, a cost naming no output) with exit 2.</summary>
public class OptimizeCommandTests : CliFolderTest
{
    [Test]
    public async Task Optimize_FindsAPackage_AndConfirmsItOnFreshRandomNumbers()
    {
        var (code, output, error) = await Run(TestStructure.Cli("optimize", "--preset", "venezuela-2019", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200", "--target", "0.3",
            "--candidates", "4", "--runs", "10", "--rounds", "2", "--confirm", "40", "--seed", "3", "--format", "json", "--out", Folder)); // the six-case posterior: the target is reachable
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
    public async Task AnInterruptedSearch_Resumes_ToTheResultOfAnUninterruptedOne()
    {
        string[] args = ["optimize", "--preset", "venezuela-2019", "--param", "coalition.us.amnesty.credibility=0:1", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200",
            "--cost", "senderCost + 0.5*coalition.us.amnesty.credibility", "--target", "0.5", "--candidates", "4", "--runs", "6", "--rounds", "3", "--confirm", "20", "--seed", "5", "--format", "json", "--posterior", TestStructure.SixCasePosteriorFile]; // the six-case posterior: the target is reachable
        string whole = Path.Combine(Folder, "whole"), cut = Path.Combine(Folder, "cut");
        var uninterrupted = await Run([.. args, "--out", whole]);
        uninterrupted.Code.ShouldBe(0, uninterrupted.Error);
        (await Run([.. args, "--out", cut])).Code.ShouldBe(0);

        // lose a third of the saved evaluations, as a kill mid-search would, and damage one more (it is computed again)
        var saved = Directory.GetFiles(Path.Combine(cut, "evaluations")).Order(StringComparer.Ordinal).ToArray();
        foreach (string f in saved.Where((_, i) => i % 3 == 0))
        {
            File.Delete(f);
        }

        File.WriteAllText(saved[1], "{\"key\": ");

        (await Run([.. args, "--out", cut])).Error.ShouldContain("pass --resume");
        var resumed = await Run([.. args, "--out", cut, "--resume"]);
        resumed.Code.ShouldBe(0, resumed.Error);
        resumed.Error.ShouldContain($"resumed: {saved.Length - saved.Where((_, i) => i % 3 == 0).Count() - 1} evaluations read back");
        resumed.Output.ShouldBe(uninterrupted.Output);
        (await Run([.. args[..^4], "--seed", "6", "--format", "json", "--out", cut, "--resume"])).Output.ShouldNotBe(uninterrupted.Output); // another seed: new evaluations, not a mix
        var other = await Run(["optimize", "--preset", "venezuela-2019", "--param", "coalition.us.amnesty.credibility=0:0.9", "--target", "0.5", "--runs", "6", "--rounds", "1", "--candidates", "4", "--out", cut, "--resume"]);
        other.Code.ShouldBe(CliApp.BadInput);
        other.Error.ShouldContain("holds the evaluations of another search");
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
    [TestCase("coalition.us.amnesty.credibility=0:1", "senderCost", "1.5", "--target must be in (0, 1); got 1.5.")]
    public async Task BadInput_ExitsWithCode2(string param, string cost, string target, string message)
    {
        var (code, _, error) = await Run("optimize", "--preset", "venezuela-2019", "--param", param, "--cost", cost, "--target", target, "--runs", "20", "--rounds", "1", "--candidates", "4");
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain(message);
    }
}
