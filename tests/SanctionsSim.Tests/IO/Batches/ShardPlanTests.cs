using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.IO.Batches;

/// <summary>The one sharded batch (#28 item 3): a plan's shards, run in any order, merge to the batch of one machine bit for bit; damaged or foreign shards are refused.</summary>
public class ShardPlanTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-plan-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase(10L, 1)]
    [TestCase(10L, 3)]
    [TestCase(7L, 7)]
    [TestCase(1L << 40, 100_000)]
    public void Ranges_CoverEveryItemOnce_InOrder_WithinOneOfEqual(long count, int shards)
    {
        var ranges = ShardRanges.Split(count, shards);
        ranges.Length.ShouldBe(shards);
        ranges[0].First.ShouldBe(0);
        for (int i = 1; i < shards; i++)
        {
            ranges[i].First.ShouldBe(ranges[i - 1].First + ranges[i - 1].Count);
        }

        ranges.Sum(r => r.Count).ShouldBe(count);
        (ranges.Max(r => r.Count) - ranges.Min(r => r.Count)).ShouldBeLessThanOrEqualTo(1);
    }

    [Test]
    public void ARunPlannedInShards_RunInReverseOrder_MergesToTheBatchOfOneMachine_BitForBit()
    {
        var scenario = Presets.Get("venezuela-2019-amnesty");
        ShardPlan.Create(_folder, "run", scenario, 5, [("runs", 60L), ("confidence", 0.95)], ("firstReplication", "replications"), 60, 4);
        var plan = ShardPlan.Read(_folder);
        plan.Missing().ShouldBe([0, 1, 2, 3]);
        foreach (int i in new[] { 3, 1, 0, 2 })
        {
            plan.RunShard(plan.RunBatch(), i, 2, CancellationToken.None).ShouldBe(ShardOutcome.Written);
        }

        plan.RunShard(plan.RunBatch(), 1, 1, CancellationToken.None).ShouldBe(ShardOutcome.AlreadyDone);
        plan.Missing().ShouldBeEmpty();
        SanctionsSummary merged = plan.Merge(plan.RunBatch());
        var single = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 60, Seed = 5 }).Summary;
        Bytes(merged).ShouldBe(Bytes(single));
    }

    [Test]
    public void AForeignOrDamagedShard_IsRefused_AndAStrayFileToo()
    {
        var scenario = Presets.Get("venezuela-2019");
        ShardPlan.Create(_folder, "run", scenario, 1, [("runs", 20L), ("confidence", 0.95)], ("firstReplication", "replications"), 20, 2);
        var plan = ShardPlan.Read(_folder);
        plan.RunShard(plan.RunBatch(), 0, 1, CancellationToken.None).ShouldBe(ShardOutcome.Written);
        File.Copy(plan.ShardPath(0), plan.ShardPath(1)); // shard 0's file in shard 1's place: its header names another range
        Should.Throw<FolderStateException>(plan.Missing).Message.ShouldContain("is not a shard of this plan");
        File.Delete(plan.ShardPath(1));
        File.WriteAllText(Path.Combine(plan.ShardFolder, "shard-00007.bin"), "");
        Should.Throw<FolderStateException>(plan.Missing).Message.ShouldContain("not shards of this plan: shard-00007.bin");
        Should.Throw<FolderStateException>(() => ShardPlan.Create(_folder, "run", scenario, 1, [], ("firstReplication", "replications"), 20, 2)).Message.ShouldContain("already holds a plan");
        Should.Throw<FolderStateException>(() => ShardPlan.Read(Path.Combine(_folder, "nothing"))).Message.ShouldContain("holds no plan");
    }

    [Test]
    public void ASweepPlannedInShards_MergesToThePointsOfOneSweep()
    {
        var scenario = Presets.Get("venezuela-2019-amnesty");
        var definition = new SweepDefinition { Scenario = scenario, Levers = [ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1)], Kind = "lhs", Points = 5, Levels = 3, Runs = 4, Seed = 2, Confidence = 0.95 };
        ShardPlan.Create(_folder, "sweep", scenario, 2, [("confidence", 0.95), ("sweep", definition.ToJson())], ("firstPoint", "points"), 5, 2);
        var plan = ShardPlan.Read(_folder);
        plan.RunShard(plan.Sweep().Batch(), 1, 1, CancellationToken.None).ShouldBe(ShardOutcome.Written);
        plan.RunShard(plan.Sweep().Batch(), 0, 1, CancellationToken.None).ShouldBe(ShardOutcome.Written);
        var merged = plan.Merge(plan.Sweep().Batch());
        var sweep = definition.Build(1);
        merged.Points.Select(p => p.Index).ShouldBe([0L, 1, 2, 3, 4]);
        foreach (SweepPoint point in merged.Points)
        {
            point.ShouldBe(sweep.RunPoint(point.Index)!);
        }
    }

    [Test]
    public void SweepPoints_MergeInAnyOrder_ToTheSameSet_AndRefuseAPointTwice()
    {
        var sweep = new SweepDefinition { Scenario = Presets.Get("venezuela-2019"), Levers = [ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1)], Kind = "lhs", Points = 4, Levels = 3, Runs = 3, Seed = 7, Confidence = 0.95 }.Build(1);
        var points = Enumerable.Range(0, 4).Select(i => sweep.RunPoint(i)!).ToArray();
        var forward = new SweepPointSet(points[..2]);
        forward.Merge(new SweepPointSet(points[2..]));
        var backward = new SweepPointSet(points[2..]);
        backward.Merge(new SweepPointSet(points[..2]));
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        forward.WriteTo(a);
        backward.WriteTo(b);
        a.ToArray().ShouldBe(b.ToArray());
        a.Position = 0;
        SweepPointSet.ReadFrom(a).Points.ShouldBe(points);
        Should.Throw<InvalidDataException>(() => forward.Merge(new SweepPointSet(points[..1])));
    }

    private static byte[] Bytes(SanctionsSummary summary)
    {
        using var stream = new MemoryStream();
        summary.WriteTo(stream);
        return stream.ToArray();
    }
}
