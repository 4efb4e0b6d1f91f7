using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>A scenario as a splitting model: an unbranched path is the plain replication; splitting agrees with plain Monte Carlo where both are feasible.</summary>
public class ScenarioSplittingTests
{
    [TestCase("venezuela-2019-amnesty", true)]
    [TestCase("venezuela-2019", false)]
    public void AnUnbranchedPath_IsThePlainReplication_AndItsScoreReachesOneExactlyWhenItCollapses(string preset, bool mostlyFalls)
    {
        Scenario scenario = Presets.Get(preset);
        var plain = new SanctionsModel(scenario);
        var splitting = new ScenarioSplitting(scenario);
        splitting.Steps.ShouldBe(scenario.Weeks);
        var path = splitting.CreatePath();
        var scores = new double[splitting.Steps];
        int collapses = 0;
        for (long r = 0; r < 60; r++)
        {
            path.Simulate(11, r, [], scores);
            RunResult run = plain.RunSingle(11, r);
            (scores.Max() >= splitting.Target).ShouldBe(run.Collapsed, $"replication {r}");
            collapses += run.Collapsed ? 1 : 0;
            if (run.Collapsed)
            {
                scores[run.CollapseWeek!.Value].ShouldBeGreaterThanOrEqualTo(1.0);
                scores[..run.CollapseWeek!.Value].ShouldAllBe(s => s < 1.0);
            }
        }

        (collapses > 30).ShouldBe(mostlyFalls); // with the other case, both outcomes are exercised
    }

    [Test]
    public void ABranchedPath_SharesItsParentsWeeksBeforeTheBranch()
    {
        var splitting = new ScenarioSplitting(Presets.Get("venezuela-2019-amnesty"));
        var path = splitting.CreatePath();
        var parent = new double[splitting.Steps];
        var child = new double[splitting.Steps];
        path.Simulate(5, 3, [], parent);
        path.Simulate(5, 3, [new PathBranch(10, 12345)], child);
        child[..10].ShouldBe(parent[..10]);
        path.Simulate(5, 3, [new PathBranch(10, 12345)], parent);
        parent.ShouldBe(child); // replaying a path is exact
    }

    [Test]
    public void Splitting_AgreesWithPlainMonteCarlo_WhereBothAreFeasible()
    {
        Scenario scenario = Presets.Get("venezuela-2019");
        var mc = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 3000, Seed = 21 }).Summary.CollapseProbability;
        var splitting = AdaptiveMultilevelSplitting.Estimate(new ScenarioSplitting(scenario), new SplittingOptions { Particles = 50, Runs = 10, Seed = 22 });
        double mcError = Math.Sqrt(mc.Estimate * (1 - mc.Estimate) / mc.Trials);
        TestContext.Out.WriteLine($"plain {mc.Estimate:F4} ± {mcError:F4}; splitting {splitting.Probability:F4} ± {splitting.StandardError:F4} ({splitting.Paths} paths, {splitting.Extinctions} extinct runs)");
        mc.Estimate.ShouldBeGreaterThan(0.002);
        Math.Abs(splitting.Probability - mc.Estimate).ShouldBeLessThanOrEqualTo(4 * Math.Sqrt((mcError * mcError) + (splitting.StandardError * splitting.StandardError)));
    }
}
