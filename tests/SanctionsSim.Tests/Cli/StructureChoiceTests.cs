using System.Text.Json.Nodes;
using SanctionsSim.Calibration;

namespace SanctionsSim.Tests.Cli;

/// <summary>
/// Honest by default (#27 item 1): the commands draw the structure from the shipped posterior unless told
/// <c>--structure medians</c>, which gives the results of the old default bit for bit, and every output says which.
/// </summary>
public class StructureChoiceTests : CliFolderTest
{
    /// <summary>
    /// <c>run --preset venezuela-2019 --runs 200 --seed 3 --format json</c> as main printed it before the default
    /// changed (commit 71d5aa0, no structure flag). If a deliberate results change elsewhere moves these numbers,
    /// regenerate the file with that command and <c>--structure medians</c>, then delete its "structure" field.
    /// </summary>
    private static readonly string Golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Cli", "run-venezuela-2019-medians.golden.json");

    [Test]
    public async Task Run_StructureMedians_ReproducesTheOldDefault_BitForBit()
    {
        var (code, output, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "200", "--seed", "3", "--format", "json", "--structure", "medians", "--threads", "2");
        code.ShouldBe(0, error);
        var now = JsonNode.Parse(output)!.AsObject();
        now["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
        now.Remove("structure");
        var before = JsonNode.Parse(File.ReadAllText(Golden))!.AsObject();
        now["package"]!["version"] = before["package"]!["version"]!.GetValue<string>(); // the version only says which build printed it
        now["scenarioHash"] = before["scenarioHash"]!.GetValue<string>(); // the scenario's JSON gains a field with every mechanism added (off); its hash moves, its numbers must not
        now.ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Test]
    public async Task Run_ByDefault_DrawsFromTheShippedPosterior_AndRecordsIt()
    {
        var (code, output, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "60", "--seed", "3", "--format", "json");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        var structure = json["structure"]!;
        structure["source"]!.GetValue<string>().ShouldBe("posterior");
        structure["posterior"]!.GetValue<string>().ShouldBe("default");
        structure["hash"]!.GetValue<string>().ShouldBe(Posterior.Default.Hash);
        structure["particles"]!.GetValue<int>().ShouldBe(Posterior.Default.Count);

        var (_, named, _) = await Run("run", "--preset", "venezuela-2019", "--runs", "60", "--seed", "3", "--format", "json", "--posterior", "default");
        named.ShouldBe(output, "the default is --posterior default");
        var (_, medians, _) = await Run("run", "--preset", "venezuela-2019", "--runs", "60", "--seed", "3", "--format", "json", "--structure", "medians");
        JsonNode.Parse(medians)!["finalDefectedShare"]!.ToJsonString().ShouldNotBe(json["finalDefectedShare"]!.ToJsonString(), "the posterior changes the results");
    }

    [Test]
    public async Task TheTableAndTheReport_SayWhichStructure()
    {
        var (code, table, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "20");
        code.ShouldBe(0, error);
        table.ShouldContain("drawn per run from a posterior of 2,000 particles");
        (code, table, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "20", "--structure", "medians");
        code.ShouldBe(0, error);
        table.ShouldContain("held at the posterior medians (--structure medians)");

        string report = Path.Combine(Folder, "report.html");
        (code, _, error) = await Run("run", "--preset", "venezuela-2019", "--runs", "20", "--structure", "medians", "--report", report);
        code.ShouldBe(0, error);
        string html = File.ReadAllText(report);
        html.ShouldContain("held at the posterior medians");
        html.ShouldContain("sanctionssim run --preset venezuela-2019 --structure medians --runs 20");
    }

    [Test]
    public async Task Compare_RecordsTheStructure_AndMediansMatchTheOldDefault()
    {
        var (code, output, error) = await Run("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "30", "--format", "json");
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["source"]!.GetValue<string>().ShouldBe("posterior");
        (code, output, error) = await Run("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "30", "--format", "json", "--structure", "medians");
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        json["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
        json.ContainsKey("posterior").ShouldBeFalse();
    }

    [Test]
    public async Task Sensitivity_RecordsTheStructure()
    {
        string[] args = ["sensitivity", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.2:0.8", "--param", "regime.detectionProbability=0.1:0.5", "--method", "morris", "--samples", "4", "--runs", "4", "--bootstrap", "20", "--format", "json"];
        var (code, output, error) = await Run([.. args, "--structure", "medians"]);
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
        (code, output, error) = await Run(args);
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["hash"]!.GetValue<string>().ShouldBe(Posterior.Default.Hash);
    }

    [Test]
    public async Task SweepAndTipping_RecordTheStructure_AndItChangesTheirResults()
    {
        string[] sweep = ["sweep", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.1:0.9", "--design", "factorial", "--levels", "2", "--runs", "20", "--format", "json"];
        var (code, output, error) = await Run(sweep);
        code.ShouldBe(0, error);
        var posterior = JsonNode.Parse(output)!;
        posterior["structure"]!["hash"]!.GetValue<string>().ShouldBe(Posterior.Default.Hash);
        (code, output, error) = await Run([.. sweep, "--structure", "medians"]);
        code.ShouldBe(0, error);
        var medians = JsonNode.Parse(output)!;
        medians["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
        medians["results"]!.ToJsonString().ShouldNotBe(posterior["results"]!.ToJsonString());

        (code, output, error) = await Run("tipping", "--preset", "venezuela-2019", "--param", "regime.reprisalProbability=0.1:0.9", "--points", "3", "--runs", "20", "--bootstrap", "20", "--format", "json");
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["source"]!.GetValue<string>().ShouldBe("posterior");
    }

    [Test]
    public async Task Trace_UnderThePosterior_IsTheReplicationARunDraws()
    {
        var (code, output, error) = await Run("trace", "--replication", "5", "--seed", "2");
        code.ShouldBe(0, error);
        int particle = Posterior.Default.Particle(2, 5);
        output.ShouldContain($"particle {particle} of the posterior");
        (code, output, error) = await Run("trace", "--replication", "5", "--seed", "2", "--structure", "medians");
        code.ShouldBe(0, error);
        output.ShouldContain("held at the posterior medians");
    }

    [Test]
    public async Task Optimize_RecordsTheStructure()
    {
        // the six-case structure (TestStructure), where the target is reachable: a posterior file, then that file's medians
        string[] args = ["optimize", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200", "--target", "0.3",
            "--candidates", "4", "--runs", "10", "--rounds", "1", "--confirm", "20", "--seed", "3", "--format", "json"];
        var (code, output, error) = await Run(TestStructure.Cli([.. args, "--preset", "venezuela-2019"]));
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["hash"]!.GetValue<string>().ShouldBe(TestStructure.SixCasePosterior().Hash);
        (code, output, error) = await Run([.. args, TestStructure.PresetFile(Folder, "venezuela-2019"), "--structure", "medians"]);
        code.ShouldBe(0, error);
        JsonNode.Parse(output)!["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
    }

    [Test]
    public async Task StructureMedians_WithAPosteriorFile_IsRefused()
    {
        var (code, _, error) = await Run("run", "--runs", "5", "--structure", "medians", "--posterior", "default");
        code.ShouldNotBe(0);
        error.ShouldContain("--structure medians holds it at the medians: give one of them");
    }
}
