using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.IO.Inputs;
using SanctionsSim.IO.Results;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.IO.Batches;

/// <summary>A sharded batch's jobs outside the command line (#28 item 3): plan, run each shard, list the missing ones, merge into the one machine's result written to the plan folder.</summary>
public class PlanJobsTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-planjobs-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task APlannedRun_RunShardByShard_MergesToTheBatchOfOneMachine_AndWritesSummaryJson()
    {
        var scenario = Presets.Get("venezuela-2019-amnesty");
        var options = new MonteCarloOptions { Replications = 30, Seed = 4, Confidence = 0.9 };
        string line = PlanJobs.PlanReplications("run", [scenario], options, 3, _folder, StructureChoice.Medians);
        line.ShouldStartWith($"planned 30 runs of {scenario.Name}, at the posterior medians (--structure medians), in 3 shards in {_folder}");
        var plan = ShardPlan.Read(_folder);
        PlanJobs.Missing(plan).ShouldBe([0, 1, 2]);

        var (done, message) = await PlanJobs.RunShardAsync(plan, 2, 1, CancellationToken.None);
        done.ShouldBeTrue();
        message.ShouldBe($"shard 2: replications 20 to 29 written to {plan.ShardPath(2)}");
        PlanJobs.Missing(plan).ShouldBe([0, 1]);
        var refused = await Should.ThrowAsync<UserInputException>(() => PlanJobs.MergeAsync(plan));
        refused.Message.ShouldStartWith("2 of 3 shards are not done: 0, 1;");

        (await PlanJobs.RunShardAsync(plan, 0, 1, CancellationToken.None)).Done.ShouldBeTrue();
        (await PlanJobs.RunShardAsync(plan, 1, 2, CancellationToken.None)).Done.ShouldBeTrue();
        (await PlanJobs.RunShardAsync(plan, 1, 1, CancellationToken.None)).Message.ShouldStartWith("shard 1 is already done");
        var merged = (await PlanJobs.MergeAsync(plan)).ShouldBeOfType<MergedRun>();

        var single = new SanctionsModel(scenario).Simulate(options);
        merged.Result.Replications.ShouldBe(30);
        merged.Result.Summary.CollapseProbability.ShouldBe(single.Summary.CollapseProbability);
        merged.Json["structure"]!["source"]!.GetValue<string>().ShouldBe("medians");
        File.ReadAllText(Path.Combine(_folder, "summary.json")).ShouldBe(SummaryJson.ToText(merged.Json));
    }

    [Test]
    public async Task APlannedRun_UnderThePosterior_MergesToTheBatchOfOneMachineUnderIt_AndRecordsIt()
    {
        var scenario = Presets.Get("venezuela-2019-amnesty");
        var options = new MonteCarloOptions { Replications = 40, Seed = 6 };
        var structure = StructureChoice.Resolve(StructureChoice.PosteriorValue, null);
        PlanJobs.PlanReplications("run", [scenario], options, 4, _folder, structure).ShouldContain("each run's structure drawn from the posterior shipped with the package");
        var plan = ShardPlan.Read(_folder);
        plan.RecordsStructure.ShouldBeTrue();
        plan.Json["structure"]!["hash"]!.GetValue<string>().ShouldBe(SanctionsSim.Calibration.Posterior.Default.Hash);
        plan.Structure().Posterior.ShouldBeSameAs(SanctionsSim.Calibration.Posterior.Default);
        foreach (int i in new[] { 3, 0, 2, 1 })
        {
            (await PlanJobs.RunShardAsync(plan, i, i % 2 + 1, CancellationToken.None)).Done.ShouldBeTrue();
        }

        var merged = (await PlanJobs.MergeAsync(plan)).ShouldBeOfType<MergedRun>();
        var single = new SanctionsSim.Calibration.PosteriorModel(scenario, SanctionsSim.Calibration.Posterior.Default).Simulate(options);
        merged.Result.Summary.ExactlyEquals(single.Summary).ShouldBeTrue();
        merged.Json["structure"]!["source"]!.GetValue<string>().ShouldBe("posterior");
        merged.Json["structure"]!["hash"]!.GetValue<string>().ShouldBe(SanctionsSim.Calibration.Posterior.Default.Hash);
    }

    [Test]
    public void PlansRefuse_MoreShardsThanItems_AndACommandThisVersionCannotRun()
    {
        var scenario = Presets.Get("venezuela-2019");
        Should.Throw<UserInputException>(() => PlanJobs.PlanReplications("run", [scenario], new MonteCarloOptions { Replications = 4 }, 5, _folder, StructureChoice.Medians))
            .Message.ShouldBe("--shards must be in [1, min(100000, --runs)]; got 5 for 4 runs.");

        PlanJobs.PlanReplications("run", [scenario], new MonteCarloOptions { Replications = 4 }, 2, _folder, StructureChoice.Medians);
        string path = Path.Combine(_folder, ShardPlan.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"command\": \"run\"", "\"command\": \"frobnicate\"", StringComparison.Ordinal));
        var plan = ShardPlan.Read(_folder);
        Should.Throw<UserInputException>(() => PlanJobs.Missing(plan)).Message.ShouldBe($"{plan.PlanPath} plans 'frobnicate', which this version cannot run.");
    }
}
