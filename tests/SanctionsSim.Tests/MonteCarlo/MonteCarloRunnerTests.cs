using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.Tests.MonteCarlo;

public class MonteCarloRunnerTests
{
    private static readonly WattsModel Small = new() { NodeCount = 2000, MeanDegree = 4, Threshold = 0.18 };

    [Test]
    public void Run_SameSeedDifferentParallelism_ProducesIdenticalSummary()
    {
        var sequential = Small.Simulate(new MonteCarloOptions { Replications = 300, Seed = 42, MaxDegreeOfParallelism = 1 });
        var parallel = Small.Simulate(new MonteCarloOptions { Replications = 300, Seed = 42, MaxDegreeOfParallelism = 8 });
        parallel.Summary.ExactlyEquals(sequential.Summary).ShouldBeTrue();
        parallel.Summary.GlobalCascadeSize.Mean.ShouldBe(sequential.Summary.GlobalCascadeSize.Mean);
        parallel.Replications.ShouldBe(300);
        parallel.StopReason.ShouldBe(StopReason.Completed);
    }

    [Test]
    public void Run_DifferentSeeds_Differ()
    {
        var a = Small.Simulate(new MonteCarloOptions { Replications = 100, Seed = 1 });
        var b = Small.Simulate(new MonteCarloOptions { Replications = 100, Seed = 2 });
        a.Summary.ExactlyEquals(b.Summary).ShouldBeFalse();
    }

    [Test]
    public void Run_ShardsMergeExactly_IntoTheWholeBatch()
    {
        var whole = Small.Simulate(new MonteCarloOptions { Replications = 250, Seed = 7, MaxDegreeOfParallelism = 2 });
        var first = Small.Simulate(new MonteCarloOptions { Replications = 97, Seed = 7, MaxDegreeOfParallelism = 1 });
        var second = Small.Simulate(new MonteCarloOptions { Replications = 153, FirstReplication = 97, Seed = 7, MaxDegreeOfParallelism = 3 });
        second.FirstReplication.ShouldBe(97);
        first.Summary.Combine(second.Summary).ExactlyEquals(whole.Summary).ShouldBeTrue();
        second.Summary.Combine(first.Summary).ExactlyEquals(whole.Summary).ShouldBeTrue(); // any order
        first.Summary.Replications.ShouldBe(97); // combining changes neither part
    }

    [Test]
    public void Run_Cancelled_ReturnsAContiguousPrefix_ThatResumesExactly()
    {
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(cts, 120);
        var options = new MonteCarloOptions { Replications = 2000, Seed = 3, MaxDegreeOfParallelism = 2 };
        var partial = new MonteCarloRunner(options).Run(Small, progress, cts.Token);
        partial.IsPartial.ShouldBeTrue();
        partial.StopReason.ShouldBe(StopReason.Cancelled);
        partial.Replications.ShouldBeLessThan(2000);
        partial.Summary.Replications.ShouldBe(partial.Replications);

        var rest = Small.Simulate(new MonteCarloOptions { Replications = 2000 - partial.Replications, FirstReplication = partial.Replications, Seed = 3 });
        var whole = Small.Simulate(options);
        partial.Summary.Combine(rest.Summary).ExactlyEquals(whole.Summary).ShouldBeTrue();
    }

    [Test]
    public void Run_SequentialStopping_StopsAtAFixedCheckpoint_WhateverTheThreads()
    {
        var one = Small.Simulate(new MonteCarloOptions { Replications = 100_000, Seed = 5, TargetHalfWidth = 0.03, CheckInterval = 100, MaxDegreeOfParallelism = 1 });
        var two = Small.Simulate(new MonteCarloOptions { Replications = 100_000, Seed = 5, TargetHalfWidth = 0.03, CheckInterval = 100, MaxDegreeOfParallelism = 2 });
        one.StopReason.ShouldBe(StopReason.TargetPrecisionReached);
        (one.Replications % 100).ShouldBe(0);
        one.Summary.GlobalCascadeFrequency.Wilson().HalfWidth.ShouldBeLessThanOrEqualTo(0.03);
        two.Replications.ShouldBe(one.Replications);
        two.Summary.ExactlyEquals(one.Summary).ShouldBeTrue();
    }

    [Test]
    public void Run_ReportsProgressUpToTheTotal()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        Small.Simulate(new MonteCarloOptions { Replications = 200, Seed = 1 }, new SyncProgress(p => seen.Add(p.Completed)));
        seen.Max().ShouldBe(200);
    }

    [Test]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var e = Should.Throw<InvalidInputException>(() => new MonteCarloRunner(new MonteCarloOptions { Replications = 0, Confidence = double.NaN, MaxDegreeOfParallelism = 0 }));
        e.Message.ShouldContain("Replications");
        e.Message.ShouldContain("Confidence");
        e.Message.ShouldContain("MaxDegreeOfParallelism");
    }

    [Test]
    public void Worker_SteadyState_AllocatesNothingPerReplication()
    {
        var worker = Small.CreateWorker();
        var summary = Small.CreateSummary();
        for (int i = 0; i < 20; i++)
        {
            worker.Run(1, i, summary); // warm up: buffers grow to the largest graph
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < 120; i++)
        {
            worker.Run(1, i, summary);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(2000); // a rare edge-list growth at most
    }

    private sealed class SyncProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }

    private sealed class CancelAfter(CancellationTokenSource cts, long after) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            if (value.Completed >= after)
            {
                cts.Cancel();
            }
        }
    }
}
