using System.Text.Json.Nodes;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary><c>run --rare-event</c>: the estimate with its interval, resumable from its folder, and bad input named with exit 2.</summary>
/// <remarks>The runs use venezuela-2019 at the six-case structure (<see cref="TestStructure"/>) as written (<c>--structure medians</c>), where the rare event can happen: they test the estimators, not the shipped posterior; one says what the default, the shipped posterior, records.</remarks>
public class RareEventCommandTests : CliFolderTest
{
    [Test]
    public async Task RareEvent_PrintsTheEstimateWithItsInterval_AndAResumedRunGivesTheSameJson()
    {
        string[] args = ["run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--weeks", "20", "--rare-event", "--rare-method", "path", "--particles", "20", "--splitting-runs", "4", "--seed", "3", "--format", "json"];
        var (code, output, error) = await Run(args);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        double p = (double)json["collapseProbability"]!;
        ((double)json["lower"]!).ShouldBeLessThanOrEqualTo(p);
        ((double)json["upper"]!).ShouldBeGreaterThanOrEqualTo(p);
        json["estimates"]!.AsArray().Count.ShouldBe(4);
        ((long)json["paths"]!).ShouldBeGreaterThanOrEqualTo(80);

        // into a folder; two of the four runs lost; --resume reruns only those and gives the same result
        string out1 = Path.Combine(Folder, "a");
        (await Run([.. args, "--out", out1])).Output.ShouldBe(output);
        File.Delete(Path.Combine(out1, "splitting", "run-00001.json"));
        File.Delete(Path.Combine(out1, "splitting", "run-00003.json"));
        (await Run([.. args, "--out", out1])).Error.ShouldContain("pass --resume");
        (await Run([.. args, "--out", out1, "--resume"])).Output.ShouldBe(output);
        File.ReadAllText(Path.Combine(out1, "rare-event.json")).ShouldBe(output);
        (await Run(["run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--weeks", "20", "--rare-event", "--rare-method", "path", "--particles", "20", "--splitting-runs", "4", "--seed", "4", "--out", out1, "--resume"])).Error.ShouldContain("belongs to another estimate");

        var table = await Run("run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--weeks", "20", "--rare-event", "--rare-method", "path", "--particles", "20", "--splitting-runs", "4", "--seed", "3");
        table.Output.ShouldContain("adaptive multilevel splitting");
        table.Output.ShouldContain("plain Monte Carlo for the same error");
        table.Output.ShouldContain("held at the posterior medians (--structure medians)");
        json["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");

        // by default each run's structure is drawn from the shipped posterior (#27 item 1), recorded in the JSON, and
        // the saved runs at the medians are another estimate's
        string[] posterior = [.. args.Where(a => a is not "--structure" and not "medians")];
        var drawn = JsonNode.Parse((await Run(posterior)).Output)!;
        drawn["structure"]!["source"]!.GetValue<string>().ShouldBe("posterior");
        drawn["structure"]!["hash"]!.GetValue<string>().ShouldBe(SanctionsSim.Calibration.Posterior.Default.Hash);
        (await Run([.. posterior, "--out", out1, "--resume"])).Error.ShouldContain("belongs to another estimate");
        (await Run([.. posterior, "--posterior", "default", "--structure", "medians"])).Error.ShouldContain("give one of them");
    }

    [TestCase("--particles", "1", "--particles must be in [10, 1000000]; got 1.")]
    [TestCase("--pilot-particles", "5", "--pilot-particles must be in [10, 1000000]; got 5.")]
    [TestCase("--rare-method", "magic", "magic")]
    [TestCase("--splitting-runs", "1", "--splitting-runs must be in [2, 100000]; got 1.")]
    [TestCase("--runs", "500", "--runs does not apply with --rare-event")]
    [TestCase("--structure", "given", "given")]
    public async Task RareEvent_BadInput_ExitsWithCode2_NamingTheOption(string option, string value, string message)
    {
        var (code, _, error) = await Run("run", "--rare-event", option, value);
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain(message);
    }

    [Test]
    public async Task SplittingOptions_WithoutRareEvent_AreRefused()
    {
        var (code, _, error) = await Run("run", "--particles", "50");
        code.ShouldBe(CliApp.BadInput);
        error.ShouldContain("--particles applies only with --rare-event");
        (await Run("run", "--rare-method", "splitting")).Error.ShouldContain("--rare-method applies only with --rare-event");
        (await Run("run", "--rare-event", "--rare-method", "path", "--particles", "1")).Error.ShouldContain("--particles must be in [2, 1000000]; got 1.");
        var path = await Run("run", "--rare-event", "--rare-method", "path", "--pilot-particles", "100");
        path.Code.ShouldBe(CliApp.BadInput);
        path.Error.ShouldContain("--pilot-particles does not apply with --rare-method path");
    }

    [Test]
    public async Task RareEvent_WhenNoRunReachesTheTarget_SaysSoInsteadOfPretendingZeroIsAnEstimate()
    {
        // a collapse within one week: the pilot climbs to it, but two runs of 20 particles never get there
        string[] args = ["run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--weeks", "1", "--rare-event", "--pilot-particles", "50", "--particles", "20", "--splitting-runs", "2", "--seed", "1"];
        var table = await Run(args);
        table.Code.ShouldBe(0, table.Error);
        string text = string.Join(' ', table.Output.Split('\n', StringSplitOptions.TrimEntries)); // the console wraps long lines
        text.ShouldContain("No run reached the target");
        text.ShouldContain("the pilot's own rough estimate");
        var json = JsonNode.Parse((await Run([.. args, "--format", "json"])).Output)!;
        ((double)json["collapseProbability"]!).ShouldBe(0);
        ((string)json["warning"]!).ShouldContain("Raise --particles");
    }

    [TestCase("importance")]
    [TestCase("splitting")]
    public async Task RareEvent_WhenTheEventCannotHappen_ReportsAnUpperBoundAndExitsZero(string method)
    {
        // officers so loyal that none defects: every replication's score is 0, so the pilot cannot climb (issue #27
        // item 5: this was exit 2, as if the input were wrong)
        var baseline = SanctionsSim.Scenarios.Cases.Presets.Get("venezuela-2019");
        var loyal = baseline with
        {
            Name = "venezuela-2019-loyal",
            Factions = [.. baseline.Factions.Select(f => f with { GeneralLoyaltyMean = 20, SeniorLoyaltyMean = 20, LowRankDefectionRatePerWeek = 0 })],
        };
        string file = Path.Combine(Folder, "loyal.json");
        File.WriteAllText(file, SanctionsSim.Scenarios.ScenarioJson.Write(loyal));
        string[] args = ["run", file, "--weeks", "4", "--rare-event", "--rare-method", method, "--pilot-particles", "50", "--particles", "20", "--splitting-runs", "2", "--seed", "1", "--structure", "medians"]; // as written: a posterior would redraw the loyalties
        var table = await Run(args);
        table.Code.ShouldBe(0, table.Error);
        string text = string.Join(' ', table.Output.Split('\n', StringSplitOptions.TrimEntries)); // the console wraps long lines
        text.ShouldContain("too rare for the pilot to resolve");
        text.ShouldContain("Not resolved");
        text.ShouldContain("95 % upper bound (one-sided)");
        text.ShouldContain("5.8 %"); // 1 − 0.05^(1/50): none of the pilot's 50 independent replications collapsed
        var json = await Run([.. args, "--format", "json"]);
        json.Code.ShouldBe(0, json.Error);
        var node = JsonNode.Parse(json.Output)!;
        ((bool)node["resolved"]!).ShouldBeFalse();
        node["collapseProbability"].ShouldBeNull(); // no estimate
        ((double)node["upperBound"]!).ShouldBe(1 - Math.Pow(0.05, 1.0 / 50), 1e-12);
        ((double)node["upper"]!).ShouldBe((double)node["upperBound"]!);
        ((double)node["lower"]!).ShouldBe(0);
        ((double)node["stuckAt"]!).ShouldBe(0);
        ((string)node["warning"]!).ShouldContain("may be impossible");
    }

    [TestCase("importance")]
    [TestCase("splitting")]
    public async Task RareEventOnTheInputs_SavesItsPilot_AndResumesToTheSameJson(string method)
    {
        string[] args = ["run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--rare-event", "--rare-method", method, "--particles", "50", "--splitting-runs", "3", "--pilot-particles", "100", "--seed", "5", "--format", "json"];
        var (code, output, error) = await Run(args);
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        double p = (double)json["collapseProbability"]!;
        p.ShouldBeInRange(0.001, 0.05); // venezuela-2019 falls in about 1 % of runs
        ((double)json["lower"]!).ShouldBeLessThanOrEqualTo(p);
        ((double)json["levels"]!.AsArray()[^1]!).ShouldBe(1.0);
        ((long)json["paths"]!).ShouldBeGreaterThan((long)json["pilotPaths"]!);
        ((string)json["method"]!).ShouldContain(method == "importance" ? "importance sampling" : "sequential Monte Carlo");
        json["warning"].ShouldBeNull();
        if (method == "importance")
        {
            json["shift"]!.AsArray().ShouldContain(c => (string)c!["block"]! == "officers" && (int)c["coordinate"]! == 0);
        }

        // into a folder: the pilot and the runs are saved; losing a run and then the pilot, --resume gives the same result
        string folder = Path.Combine(Folder, method);
        (await Run([.. args, "--out", folder])).Output.ShouldBe(output);
        File.Exists(Path.Combine(folder, "splitting", "pilot.json")).ShouldBeTrue();
        File.Delete(Path.Combine(folder, "splitting", "run-00001.json"));
        (await Run([.. args, "--out", folder, "--resume"])).Output.ShouldBe(output);
        File.Delete(Path.Combine(folder, "splitting", "pilot.json"));
        (await Run([.. args, "--out", folder, "--resume"])).Output.ShouldBe(output);

        // a damaged pilot is named, exit 2
        File.WriteAllText(Path.Combine(folder, "splitting", "pilot.json"), "{ \"settings\": ");
        var damaged = await Run([.. args, "--out", folder, "--resume"]);
        damaged.Code.ShouldBe(CliApp.BadInput);
        damaged.Error.ShouldContain("pilot.json is damaged");

        var table = await Run("run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--rare-event", "--rare-method", method, "--particles", "50", "--splitting-runs", "3", "--pilot-particles", "100", "--seed", "5", "--detail");
        table.Output.ShouldContain("pilot: levels of the score");
        if (method == "importance")
        {
            table.Output.ShouldContain("cohesion");
        }
    }
}
