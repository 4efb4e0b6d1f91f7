using System.Text.Json.Nodes;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>robust</c> and <c>discover</c>: outputs, the robust table feeding discovery, a sweep folder as a source, and bad input with exit 2.</summary>
public class PolicyDesignCommandTests : CliFolderTest
{
    [Test]
    public async Task Robust_RanksTheArms_AndItsParticlesFeedDiscover()
    {
        string dir = Path.Combine(Folder, "robust");
        var (code, output, error) = await Run(TestStructure.Cli("robust", "venezuela-2019", "venezuela-2019-contact", "--particles", "40", "--runs", "10", "--seed", "3", "--out", dir, "--format", "json")); // the six-case posterior: particles on both sides of 0.5
        code.ShouldBe(0, error);
        var arms = JsonNode.Parse(output)!["arms"]!.AsArray();
        arms.Select(a => (int)a!["rank"]!).ShouldBe([1, 2]);
        File.ReadAllText(Path.Combine(dir, "robust.json")).ShouldBe(output);
        string[] lines = File.ReadAllLines(Path.Combine(dir, "particles.csv"));
        lines.Length.ShouldBe(41);
        lines[0].ShouldStartWith("particle,posteriorIndex,generalLoyalty,");
        lines[0].ShouldEndWith(",venezuela-2019,venezuela-2019-contact");

        var found = await Run("discover", Path.Combine(dir, "particles.csv"), "--where", "venezuela-2019<0.5", "--input", "generalLoyalty", "--input", "seniorLoyalty", "--input", "noiseScale", "--format", "json", "--out", Path.Combine(Folder, "prim"));
        found.Code.ShouldBe(0, found.Error);
        var prim = JsonNode.Parse(found.Output)!;
        ((int)prim["points"]!).ShouldBe(40);
        ((double)prim["chosen"]!["density"]!).ShouldBeGreaterThan((double)prim["baseDensity"]! - 1e-12);
        File.Exists(Path.Combine(Folder, "prim", "trajectory.png")).ShouldBeTrue();
        File.ReadAllLines(Path.Combine(Folder, "prim", "trajectory.csv"))[0].ShouldBe("box,coverage,density,mass,points,cases,restricted,limits");
    }

    [Test]
    public async Task Robust_Interrupted_ResumesToTheSameResult()
    {
        string[] args = ["robust", "venezuela-2019", "venezuela-2019-contact", "--particles", "12", "--runs", "5", "--seed", "4", "--format", "json"];
        string dir = Path.Combine(Folder, "r");
        var whole = await Run([.. args, "--out", dir]);
        whole.Code.ShouldBe(0, whole.Error);
        foreach (string f in Directory.GetFiles(Path.Combine(dir, "rows")).Where((_, i) => i % 2 == 1))
        {
            File.Delete(f);
        }

        (await Run([.. args, "--out", dir])).Error.ShouldContain("pass --resume");
        (await Run([.. args, "--out", dir, "--resume"])).Output.ShouldBe(whole.Output);
        Directory.GetFiles(Path.Combine(dir, "rows")).Length.ShouldBe(12);
        (await Run(["robust", "venezuela-2019", "venezuela-2019-contact", "--particles", "12", "--runs", "6", "--seed", "4", "--out", dir, "--resume"])).Error.ShouldContain("belongs to another evaluation");
        File.WriteAllText(Path.Combine(dir, "rows", "row-00003.json"), "{\"settings\": ");
        var damaged = await Run([.. args, "--out", dir, "--resume"]);
        damaged.Code.ShouldBe(CliApp.BadInput);
        damaged.Error.ShouldContain("row-00003.json is damaged");
    }

    [Test]
    public async Task Discover_ReadsASweepFolder_WithItsLeversAsTheInputs()
    {
        string sweep = Path.Combine(Folder, "sweep");
        (await Run(TestStructure.Cli("sweep", "--preset", "venezuela-2019", "--param", "coalition.us.amnesty.credibility=0:1", "--param", "patrons.russia.oilPurchaseShare=0:0.6", "--points", "24", "--runs", "6", "--seed", "2", "--out", sweep))).Code.ShouldBe(0); // the six-case posterior: points on both sides of 0.5
        var (code, output, error) = await Run("discover", sweep, "--where", "collapseProbability<0.5", "--format", "json");
        code.ShouldBe(0, error);
        var limits = JsonNode.Parse(output)!["trajectory"]!.AsArray().SelectMany(b => b!["limits"]!.AsArray()).Select(l => (string)l!["input"]!).Distinct().ToArray();
        limits.ShouldBeSubsetOf(["coalition.us.amnesty.credibility", "patrons.russia.oilPurchaseShare"]);
    }

    [TestCase("--where", "collapse<0.5", "--where: no numeric column 'collapse'; did you mean 'collapses'?")]
    [TestCase("--where", "collapseProbability~0.5", "expected COLUMN<VALUE")]
    [TestCase("--where", "collapseProbability<abc", "'abc' is not a finite number")]
    [TestCase("--where", "collapseProbability<-1", "no point is a case of interest (of 8)")]
    [TestCase("--peel", "0.7", "--peel must be in (0, 0.5); got 0.7.")]
    public async Task Discover_BadInput_ExitsWithCode2(string option, string value, string message)
    {
        string csv = Path.Combine(Folder, "points.csv");
        File.WriteAllLines(csv, ["point,x,collapses,collapseProbability", .. Enumerable.Range(0, 8).Select(i => $"{i},{i * 0.1},{i},{(i % 2) * 0.8}")]);
        string[] args = option == "--where" ? ["discover", csv, "--where", value] : ["discover", csv, "--where", "collapseProbability<0.5", option, value];
        var (code, _, error) = await Run(args);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain(message);
    }

    [Test]
    public async Task Robust_BadInput_ExitsWithCode2()
    {
        (await Run("robust", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "0")).Error.ShouldContain("--runs must be in [1, 1000000]; got 0.");
        (await Run("robust", "venezuela-2019", "venezuela-2019", "--runs", "2")).Error.ShouldContain("different scenario names");
        (await Run("robust", "venezuela-2019", "venezuela-2019-amnesty", "--target", "2")).Error.ShouldContain("--target must be in [0, 1]; got 2.");
    }
}
