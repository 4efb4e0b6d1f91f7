using System.Diagnostics;
using SanctionsSim.Cli;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Cli;

/// <summary>plan / run-shard / merge: any split and any order of shards merge to the single-machine result bit for bit; a killed shard is reported missing and rerun.</summary>
public class ShardTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-shards-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase(1, 11UL, "posterior")]
    [TestCase(3, 12UL, "posterior")]
    [TestCase(7, 13UL, "posterior")]
    [TestCase(3, 14UL, "medians")]
    public async Task AnySplit_InAnyOrder_MergesToTheSingleMachineJson_BitForBit(int shards, ulong order, string structure)
    {
        // the structure is given to both or to neither (the default, the shipped posterior): the same bits either way (#27 item 1)
        string[] under = structure == "medians" ? ["--structure", "medians"] : [];
        string plan = Path.Combine(_folder, "plan");
        (await Cli(["plan", "--preset", "venezuela-2019-amnesty", "--runs", "150", "--seed", "5", "--shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", plan, .. under])).Code.ShouldBe(0);
        var indices = Enumerable.Range(0, shards).ToArray();
        var random = new RandomStream(order, 0, StreamKeys.Dynamics);
        for (int i = indices.Length - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        foreach (int i in indices)
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2");
            code.ShouldBe(0, error);
        }

        var merged = await Cli("merge", plan, "--format", "json");
        merged.Code.ShouldBe(0, merged.Error);
        var single = await Cli(["run", "--preset", "venezuela-2019-amnesty", "--runs", "150", "--seed", "5", "--format", "json", .. under]);
        merged.Output.ShouldBe(single.Output);
        merged.Output.ShouldContain($"\"source\": \"{structure}\"");
        File.ReadAllText(Path.Combine(plan, "summary.json")).ShouldBe(single.Output);
        var table = await Cli("merge", plan);
        table.Output.ShouldContain(structure == "medians" ? "held at the posterior medians (--structure medians)" : "drawn per run from a posterior of");
    }

    [TestCase("ranges")]
    [TestCase("fixed")]
    public async Task ACaseOfTheCaseBase_PlannedInShards_DrawsItsFactsAsRunDoes_AndMergesToRun(string facts)
    {
        // run draws a case's uncertain facts within their ranges by default (--facts ranges); a plan of it does the same
        string plan = Path.Combine(_folder, "plan");
        var planned = await Cli("plan", "--preset", "zimbabwe-2017", "--runs", "30", "--seed", "4", "--shards", "2", "--out", plan, "--facts", facts);

        planned.Code.ShouldBe(0, planned.Error);
        foreach (string i in new[] { "1", "0" })
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i);
            code.ShouldBe(0, error);
        }

        var merged = await Cli("merge", plan, "--format", "json");
        merged.Code.ShouldBe(0, merged.Error);
        var single = await Cli("run", "--preset", "zimbabwe-2017", "--runs", "30", "--seed", "4", "--format", "json", "--facts", facts);
        merged.Output.ShouldBe(single.Output);
        merged.Output.Contains("\"uncertainFacts\"", StringComparison.Ordinal).ShouldBe(facts == "ranges");
        if (facts == "ranges")
        {
            (await Cli("merge", plan)).Output.ShouldContain("uncertain facts of the case drawn within their sourced ranges");
        }
    }

    [Test]
    public async Task APlanUnderAPosteriorFile_FindsItAgain_MergesToRunWithIt_AndRefusesItChanged()
    {
        string file = Path.Combine(_folder, "my-posterior.json");
        using (var stream = File.Create(file))
        {
            SanctionsSim.Calibration.Posterior.Default.Population.WriteTo(stream);
        }

        string plan = Path.Combine(_folder, "plan");
        var planned = await Cli("plan", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "8", "--shards", "3", "--out", plan, "--posterior", file);
        planned.Code.ShouldBe(0, planned.Error);
        planned.Output.ShouldContain($"drawn from the posterior {file}");
        File.ReadAllText(Path.Combine(plan, "plan.json")).ShouldContain($"\"path\": \"{file}\"");
        (await Cli("plan", "--preset", "venezuela-2019", "--out", Path.Combine(_folder, "bad"), "--posterior", file, "--structure", "medians")).Error.ShouldContain("give one of them");

        foreach (int i in new[] { 2, 0 })
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            code.ShouldBe(0, error);
        }

        // the file changed under the plan: the last shard is refused, by hash
        string original = File.ReadAllText(file);
        File.WriteAllText(file, original.Replace("\"seed\":1,", "\"seed\":2,", StringComparison.Ordinal));
        var changed = await Cli("run-shard", "--plan", plan, "--index", "1");
        changed.Code.ShouldBe(CliApp.BadInput);
        changed.Error.ShouldContain($"was planned under the posterior {file} with SHA-256 {SanctionsSim.Calibration.Posterior.Default.Hash}; it now has SHA-256");
        File.Delete(file);
        (await Cli("run-shard", "--plan", plan, "--index", "1")).Error.ShouldContain("which is not there");
        File.WriteAllText(file, original);
        (await Cli("run-shard", "--plan", plan, "--index", "1")).Code.ShouldBe(0);

        var merged = await Cli("merge", plan, "--format", "json");
        merged.Code.ShouldBe(0, merged.Error);
        var single = await Cli("run", "--preset", "venezuela-2019-amnesty", "--runs", "60", "--seed", "8", "--format", "json", "--posterior", file);
        merged.Output.ShouldBe(single.Output);
    }

    [Test]
    public async Task ShardsOfAnotherStructure_AreRefusedByName_AndAPlanRecordingNoStructure_RunsAtTheMediansAndSaysSo()
    {
        string plan = Path.Combine(_folder, "plan"), medians = Path.Combine(_folder, "medians");
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "40", "--seed", "2", "--shards", "2", "--out", plan);
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "40", "--seed", "2", "--shards", "2", "--out", medians, "--structure", "medians");
        (await Cli("run-shard", "--plan", medians, "--index", "0")).Code.ShouldBe(0);
        File.Copy(Path.Combine(medians, "shards", "shard-00000.bin"), Path.Combine(plan, "shards", "shard-00000.bin"));
        var refused = await Cli("merge", plan, "--missing");
        refused.Code.ShouldBe(CliApp.BadInput);
        refused.Error.ShouldContain($"shard-00000.bin was run under the structure 'medians', this plan's is 'posterior {SanctionsSim.Calibration.Posterior.Default.Hash}': shards of different structures do not merge");

        // a plan written before plans recorded the structure: its shards run at the medians, as planned, and say so
        string old = Path.Combine(_folder, "old");
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "40", "--seed", "2", "--shards", "2", "--out", old, "--structure", "medians");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(old, "plan.json")))!.AsObject();
        json.Remove("structure");
        File.WriteAllText(Path.Combine(old, "plan.json"), json.ToJsonString());
        foreach (string i in new[] { "0", "1" })
        {
            var shard = await Cli("run-shard", "--plan", old, "--index", i);
            shard.Code.ShouldBe(0, shard.Error);
            shard.Error.ShouldContain("records no structure (planned before 0.2.0 recorded it): its shards run at the posterior medians");
        }

        var merged = await Cli("merge", old, "--format", "json");
        merged.Error.ShouldContain("records no structure");
        merged.Output.ShouldBe((await Cli("run", "--preset", "venezuela-2019", "--runs", "40", "--seed", "2", "--format", "json", "--structure", "medians")).Output);
    }

    [Test]
    public async Task ACompare_PlannedInShards_MergesToTheSingleMachineComparison_BitForBit()
    {
        string plan = Path.Combine(_folder, "plan");
        var planned = await Cli("plan", "compare", "venezuela-2019-amnesty", "venezuela-2019-amnesty-no-patrons", "--runs", "90", "--seed", "4", "--shards", "3", "--out", plan);
        planned.Code.ShouldBe(0, planned.Error);
        planned.Output.ShouldContain("paired runs of 2 arms");
        foreach (int i in new[] { 2, 0, 1 })
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            code.ShouldBe(0, error);
        }

        var merged = await Cli("merge", plan, "--format", "json");
        merged.Code.ShouldBe(0, merged.Error);
        var single = await Cli("compare", "venezuela-2019-amnesty", "venezuela-2019-amnesty-no-patrons", "--runs", "90", "--seed", "4", "--format", "json"); // both under the shipped posterior, the default (#27 item 1)
        merged.Output.ShouldBe(single.Output);
        File.ReadAllText(Path.Combine(plan, "comparison.json")).ShouldBe(single.Output);
        var table = (await Cli("merge", plan)).Output;
        table.ShouldContain("venezuela-2019-amnesty-no-patrons");
        table.ShouldContain("drawn per run from a posterior of");
    }

    [Test]
    public async Task ASweep_PlannedInShards_MergesToTheFolderOfASingleMachineSweep_ByteForByte()
    {
        string plan = Path.Combine(_folder, "plan");
        string[] sweep = ["--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.3:0.9", "--param", "patrons.russia.oilPurchaseShare=0:0.6", "--design", "lhs", "--points", "11", "--runs", "12", "--seed", "6"];
        var planned = await Cli(["plan", "sweep", .. sweep, "--shards", "3", "--out", plan]);
        planned.Code.ShouldBe(0, planned.Error);
        planned.Output.ShouldContain("11 design points");
        foreach (int i in new[] { 1, 2, 0 })
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2");
            code.ShouldBe(0, error);
        }

        var merged = await Cli("merge", plan);
        merged.Code.ShouldBe(0, merged.Error);
        merged.Output.ShouldContain("merged 11 points");
        string single = Path.Combine(_folder, "single");
        var alone = await Cli(["sweep", .. sweep, "--out", single, "--structure", "medians"]); // golden text updated deliberately: shards run at the medians, single-machine runs default to the posterior (#27 item 1)
        alone.Code.ShouldBe(0, alone.Error);
        foreach (string file in new[] { "points.csv", "manifest.json", "scenario.json" })
        {
            File.ReadAllText(Path.Combine(plan, "sweep", file)).ShouldBe(File.ReadAllText(Path.Combine(single, file)), file);
        }

        Directory.GetFiles(Path.Combine(plan, "sweep", "parquet")).Length.ShouldBe(Directory.GetFiles(Path.Combine(single, "parquet")).Length);
    }

    [Test]
    public async Task ASensitivityAnalysis_PlannedInShards_MergesToTheIndicesOfOneMachine_ByteForByte()
    {
        string plan = Path.Combine(_folder, "plan");
        string[] analysis = ["--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.3:0.9", "--param", "regime.detectionProbability=0.1:0.5", "--samples", "6", "--runs", "8", "--seed", "7", "--bootstrap", "50"];
        var planned = await Cli(["plan", "sensitivity", .. analysis, "--shards", "4", "--out", plan]);
        planned.Code.ShouldBe(0, planned.Error);
        planned.Output.ShouldContain("24 design points of a sobol analysis");
        foreach (int i in new[] { 3, 1, 0, 2 })
        {
            var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            code.ShouldBe(0, error);
        }

        var merged = await Cli("merge", plan, "--format", "json");
        merged.Code.ShouldBe(0, merged.Error);
        string single = Path.Combine(_folder, "single");
        var alone = await Cli(["sensitivity", .. analysis, "--out", single, "--format", "json", "--structure", "medians"]); // golden text updated deliberately: shards run at the medians, single-machine runs default to the posterior (#27 item 1)
        alone.Code.ShouldBe(0, alone.Error);
        foreach (string file in new[] { Path.Combine("sweep", "points.csv"), Path.Combine("sweep", "manifest.json"), Path.Combine("sweep", "scenario.json") })
        {
            File.ReadAllText(Path.Combine(plan, "sensitivity", file)).ShouldBe(File.ReadAllText(Path.Combine(single, file)), file);
        }

        // the indices, variances and noise share are the same bits; only the count of points read back rather than
        // run differs, truthfully (the merge reads all 24 back from the shards)
        static string Resumed(string json) => json.Replace("\"pointsResumed\": 24", "\"pointsResumed\": 0", StringComparison.Ordinal);
        Resumed(File.ReadAllText(Path.Combine(plan, "sensitivity", "sensitivity.json"))).ShouldBe(File.ReadAllText(Path.Combine(single, "sensitivity.json")));
        Resumed(merged.Output).ShouldBe(alone.Output);
        File.Exists(Path.Combine(plan, "sensitivity", "tornado.png")).ShouldBeTrue();
    }

    [Test]
    public async Task MissingShards_AreListed_AndMergeRefusesUntilTheyAreDone()
    {
        string plan = Path.Combine(_folder, "plan");
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "60", "--shards", "4", "--out", plan);
        await Cli("run-shard", "--plan", plan, "--index", "1");
        await Cli("run-shard", "--plan", plan, "--index", "3");
        (await Cli("merge", plan, "--missing")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", "2"]);
        var refused = await Cli("merge", plan);
        refused.Code.ShouldBe(CliApp.BadInput);
        refused.Error.ShouldContain("2 of 4 shards are not done: 0, 2");

        // a stray file and a shard of another plan are refused by name
        File.WriteAllText(Path.Combine(plan, "shards", "shard-00009.bin"), "x");
        (await Cli("merge", plan, "--missing")).Error.ShouldContain("not shards of this plan: shard-00009.bin");
        File.Delete(Path.Combine(plan, "shards", "shard-00009.bin"));
        string other = Path.Combine(_folder, "other");
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "60", "--seed", "2", "--shards", "4", "--out", other);
        await Cli("run-shard", "--plan", other, "--index", "0");
        File.Copy(Path.Combine(other, "shards", "shard-00000.bin"), Path.Combine(plan, "shards", "shard-00000.bin"));
        (await Cli("merge", plan, "--missing")).Error.ShouldContain("is not a shard of this plan");
    }

    [Test]
    public async Task RerunningAFinishedShard_IsANoOp_AndTheIndexComesFromTheClusterWhenOmitted()
    {
        string plan = Path.Combine(_folder, "plan");
        await Cli("plan", "--preset", "venezuela-2019", "--runs", "40", "--shards", "2", "--out", plan);
        (await Cli("run-shard", "--plan", plan, "--index", "0")).Code.ShouldBe(0);
        byte[] first = File.ReadAllBytes(Path.Combine(plan, "shards", "shard-00000.bin"));
        (await Cli("run-shard", "--plan", plan, "--index", "0")).Error.ShouldContain("already done");
        File.ReadAllBytes(Path.Combine(plan, "shards", "shard-00000.bin")).ShouldBe(first);
        var noIndex = await Cli("run-shard", "--plan", plan);
        noIndex.Code.ShouldBe(CliApp.BadInput);
        noIndex.Error.ShouldContain("SLURM_ARRAY_TASK_ID");
        (await Cli("run-shard", "--plan", plan, "--index", "5")).Error.ShouldContain("--index must be in [0, 1]");
    }

    [Test]
    public async Task AShardKilledWithSigkill_LeavesNoFile_IsReportedMissing_AndItsRerunMergesIdentically()
    {
        string plan = Path.Combine(_folder, "plan");
        await Cli("plan", "--preset", "venezuela-2019-amnesty", "--runs", "20000", "--seed", "3", "--shards", "2", "--out", plan, "--structure", "medians"); // the medians: the kill test needs a known shard duration, not the posterior
        await Cli("run-shard", "--plan", plan, "--index", "0");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "SanctionsSim.Cli.dll"), "run-shard", "--plan", plan, "--index", "1", "--threads", "1" })
        {
            start.ArgumentList.Add(a);
        }

        using (var process = Process.Start(start)!)
        {
            Thread.Sleep(2500); // well into its 10,000 replications
            process.HasExited.ShouldBeFalse("the shard finished before it could be killed; make it larger");
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
            process.WaitForExit();
        }

        File.Exists(Path.Combine(plan, "shards", "shard-00001.bin")).ShouldBeFalse();
        (await Cli("merge", plan, "--missing")).Output.Trim().ShouldBe("1");
        (await Cli("run-shard", "--plan", plan, "--index", "1", "--threads", "2")).Code.ShouldBe(0);
        Directory.GetFiles(Path.Combine(plan, "shards")).Length.ShouldBe(2); // no torn temporary left behind
        var merged = await Cli("merge", plan, "--format", "json");
        var single = await Cli("run", "--preset", "venezuela-2019-amnesty", "--runs", "20000", "--seed", "3", "--format", "json", "--structure", "medians");
        merged.Output.ShouldBe(single.Output);
    }

    [Test]
    public async Task ACalibration_PlannedInShards_MergedGenerationByGeneration_WritesTheFilesOfCalibrateOut_ByteForByte()
    {
        // an own case whose scenario is a file next to it: the plan must carry the scenario itself
        string caseFolder = Path.Combine(_folder, "case");
        Directory.CreateDirectory(caseFolder);
        File.WriteAllText(Path.Combine(caseFolder, "scenario.json"), SanctionsSim.Scenarios.ScenarioJson.Write(SanctionsSim.Scenarios.Cases.Presets.Get("zimbabwe-2017")));
        string caseFile = Path.Combine(caseFolder, "my-case.json");
        File.WriteAllText(caseFile, """{"name": "my-zimbabwe", "outcome": "falls fast", "scenario": "scenario.json", "observation": {"collapsed": true, "collapseWeek": 1}}""");
        string[] calibration = ["--case", "libya-2011", "--case-file", caseFile, "--particles", "45", "--generations", "4", "--predictive", "12", "--seed", "8"];
        string single = Path.Combine(_folder, "single");
        var alone = await Cli(["calibrate", .. calibration, "--out", single, "--threads", "2", "--format", "json"]);
        alone.Code.ShouldBe(0, alone.Error);

        string plan = Path.Combine(_folder, "plan");
        (await Cli(["plan", "calibrate", .. calibration, "--shards", "4", "--out", plan])).Code.ShouldBe(0);
        Directory.Delete(caseFolder, recursive: true); // the shards and the merges need only the plan
        int merges = 0;
        string last = "";
        while (!File.Exists(Path.Combine(plan, "calibration.json")))
        {
            (await Cli("merge", plan, "--missing")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", "1", "2", "3"]);
            foreach (int i in new[] { 3, 1, 0 })
            {
                var (code, _, error) = await Cli("run-shard", "--plan", plan, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", (1 + (i % 2)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                code.ShouldBe(0, error);
            }

            var refused = await Cli("merge", plan);
            refused.Code.ShouldBe(CliApp.BadInput);
            refused.Error.ShouldContain($"1 of 4 shards of generation {merges} are not done: 2");
            (await Cli("run-shard", "--plan", plan, "--index", "2")).Code.ShouldBe(0);
            (await Cli("run-shard", "--plan", plan, "--index", "2")).Error.ShouldContain("already done");
            var merged = await Cli("merge", plan, "--format", "json");
            merged.Code.ShouldBe(0, merged.Error);
            last = merged.Output;
            merges++;
            merges.ShouldBeLessThanOrEqualTo(4);
        }

        merges.ShouldBe(4);
        last.ShouldBe(alone.Output);
        foreach (string file in new[] { "posterior.json", "particles.csv", "posterior-summary.csv", "calibration.json", "predictive.csv" }.Concat(Enumerable.Range(0, 4).Select(g => Path.Combine("generations", $"generation-{g:D3}.json"))))
        {
            File.ReadAllBytes(Path.Combine(plan, file)).ShouldBe(File.ReadAllBytes(Path.Combine(single, file)), file);
        }

        File.Exists(Path.Combine(plan, "charts", "predictive.png")).ShouldBeTrue();
        (await Cli("run-shard", "--plan", plan, "--index", "0")).Error.ShouldContain("the calibration is finished (generation 3");
        (await Cli("merge", plan, "--missing")).Output.ShouldBeEmpty();
    }

    [Test]
    public async Task ACalibrationShard_OfAnotherGeneration_OrDamaged_IsRefusedOrRerun()
    {
        string plan = Path.Combine(_folder, "plan");
        (await Cli("plan", "calibrate", "--case", "libya-2011", "--particles", "20", "--generations", "3", "--predictive", "0", "--shards", "2", "--out", plan)).Code.ShouldBe(0);
        await Cli("run-shard", "--plan", plan, "--index", "0");
        await Cli("run-shard", "--plan", plan, "--index", "1");
        (await Cli("merge", plan)).Output.ShouldContain("generation 0 merged");

        // a generation-0 shard placed among generation 1's is named and refused
        string next = Path.Combine(plan, "shards", "generation-001");
        Directory.CreateDirectory(next);
        File.Copy(Path.Combine(plan, "shards", "generation-000", "shard-00000.bin"), Path.Combine(next, "shard-00000.bin"));
        var refused = await Cli("merge", plan, "--missing");
        refused.Code.ShouldBe(CliApp.BadInput);
        refused.Error.ShouldContain("is not a shard of this plan's generation 1");

        // run-shard does not trust it: it runs the shard again and replaces it; a torn file is rerun too
        (await Cli("run-shard", "--plan", plan, "--index", "0")).Error.ShouldContain("shard 0 of generation 1: particle slots 0 to 9");
        File.WriteAllBytes(Path.Combine(next, "shard-00001.bin"), File.ReadAllBytes(Path.Combine(next, "shard-00000.bin"))[..40]);
        (await Cli("run-shard", "--plan", plan, "--index", "1")).Error.ShouldContain("shard 1 of generation 1");
        (await Cli("merge", plan)).Output.ShouldContain("generation 1 merged");

        // bad input, exit 2
        var bad = await Cli("plan", "calibrate", "--case", "libya-2011", "--particles", "20", "--shards", "21", "--out", Path.Combine(_folder, "bad"));
        bad.Code.ShouldBe(CliApp.BadInput);
        bad.Error.ShouldContain("--shards must be in [1, --particles]; got 21 for 20 particles");
        (await Cli("plan", "calibrate", "--case", "libya-2011", "--particles", "20", "--out", plan)).Error.ShouldContain("already holds a plan");
        (await Cli("plan", "calibrate", "--case", "atlantis", "--out", Path.Combine(_folder, "bad"))).Error.ShouldContain("--case:");
    }
}
