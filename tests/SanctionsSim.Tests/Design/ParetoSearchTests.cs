using SanctionsSim.Design;

namespace SanctionsSim.Tests.Design;

/// <summary>
/// NSGA-II on the noisy test problem with one cost: maximise Φ(4(x₁ + x₂ − 1)), minimise 2x₁ + x₂. The true front is
/// x₁ = 0 (x₂ from 0 to 1), then x₂ = 1 (x₁ from 0 to 1): every efficient package spends on x₂ before x₁.
/// </summary>
public class ParetoSearchTests
{
    [Test]
    public void TheFront_FollowsTheKnownTradeOff_AndSpansIt()
    {
        var result = ParetoSearch.Run(new PackageOptimizerTests.Noisy(oneOutput: true), new ParetoOptions { Population = 24, Generations = 15, Replications = 200, ConfirmationReplications = 400, Seed = 2 });
        foreach (var p in result.Points)
        {
            TestContext.Out.WriteLine($"x = ({p.Estimate.Levers[0]:F3}, {p.Estimate.Levers[1]:F3}) P {p.Estimate.Probability:F3} cost {p.Estimate.Outputs[0]:F3} {(p.SignificantlyDominated ? "dominated" : p.DominatedByEstimate ? "front (within noise)" : "front")}");
        }

        var front = result.Front;
        front.Count.ShouldBeGreaterThan(5);
        front.Count(p => Math.Min(p.Estimate.Levers[0], 1 - p.Estimate.Levers[1]) < 0.1).ShouldBeGreaterThanOrEqualTo((int)Math.Ceiling(0.8 * front.Count));
        front.Min(p => p.Estimate.Probability).ShouldBeLessThan(0.3);
        front.Max(p => p.Estimate.Probability).ShouldBeGreaterThan(0.8);
        result.Points.Where(p => p.SignificantlyDominated).ShouldAllBe(p => p.DominatedByEstimate);
        result.Replications.ShouldBe((24 * 16 * 200) + (24 * 400));
    }

    [Test]
    public void TheSearch_IsTheSameWhateverTheThreads_AndBadOptionsAreNamed()
    {
        var one = ParetoSearch.Run(new PackageOptimizerTests.Noisy(), new ParetoOptions { Population = 8, Generations = 2, Replications = 20, ConfirmationReplications = 20, MaxDegreeOfParallelism = 1 });
        var two = ParetoSearch.Run(new PackageOptimizerTests.Noisy(), new ParetoOptions { Population = 8, Generations = 2, Replications = 20, ConfirmationReplications = 20, MaxDegreeOfParallelism = 2 });
        two.Points.Select(p => p.Estimate.Levers[0]).ShouldBe(one.Points.Select(p => p.Estimate.Levers[0]));
        two.Points.Select(p => p.Estimate.Probability).ShouldBe(one.Points.Select(p => p.Estimate.Probability));
        Should.Throw<ArgumentException>(() => ParetoSearch.Run(new PackageOptimizerTests.Noisy(), new ParetoOptions { Population = 5 })).Message.ShouldBe("Invalid Pareto-search options: Population must be an even number in [4, 1000]; got 5.");
    }
}
