using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>A scenario as a splitting model: an unbranched path is the plain replication; splitting agrees with plain Monte Carlo where both are feasible.</summary>
public class ScenarioSplittingTests
{
    [TestCase("venezuela-2019-amnesty", true)]
    [TestCase("venezuela-2019", false)]
    public void AnUnbranchedPath_IsThePlainReplication_AndItsScoreReachesOneExactlyWhenItCollapses(string preset, bool mostlyFalls)
    {
        Scenario scenario = TestStructure.Preset(preset);
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
        var splitting = new ScenarioSplitting(TestStructure.Preset("venezuela-2019-amnesty"));
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
        Scenario scenario = TestStructure.Preset("venezuela-2019");
        var mc = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 3000, Seed = 21 }).Summary.CollapseProbability;
        var splitting = AdaptiveMultilevelSplitting.Estimate(new ScenarioSplitting(scenario), new SplittingOptions { Particles = 50, Runs = 10, Seed = 22 });
        double mcError = Math.Sqrt(mc.Estimate * (1 - mc.Estimate) / mc.Trials);
        TestContext.Out.WriteLine($"plain {mc.Estimate:F4} ± {mcError:F4}; splitting {splitting.Probability:F4} ± {splitting.StandardError:F4} ({splitting.Paths} paths, {splitting.Extinctions} extinct runs)");
        mc.Estimate.ShouldBeGreaterThan(0.002);
        Math.Abs(splitting.Probability - mc.Estimate).ShouldBeLessThanOrEqualTo(4 * Math.Sqrt((mcError * mcError) + (splitting.StandardError * splitting.StandardError)));
    }

    [TestCase(InputSplittingMethod.ImportanceSampling)]
    [TestCase(InputSplittingMethod.Splitting)]
    public void SplittingOnTheInputs_AgreesWithPlainMonteCarlo_AndFindsTheCohesionDraw(InputSplittingMethod method)
    {
        Scenario scenario = TestStructure.Preset("venezuela-2019");
        var mc = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 3000, Seed = 21 }).Summary.CollapseProbability;
        var options = new InputSplittingOptions { Method = method, Particles = method == InputSplittingMethod.Splitting ? 200 : 100, Runs = method == InputSplittingMethod.Splitting ? 4 : 8, PilotParticles = 200, Seed = 23 };
        var result = InputSplitting.Estimate(new ScenarioSplitting(scenario), options);
        double mcError = Math.Sqrt(mc.Estimate * (1 - mc.Estimate) / mc.Trials);
        TestContext.Out.WriteLine($"plain {mc.Estimate:F4} ± {mcError:F4}; {method} {result.Probability:F4} ± {result.StandardError:F4} ({result.Paths} replications; levels {string.Join(" ", result.Levels!.Levels.Select(l => l.ToString("F3")))}; shift {string.Join(" ", result.Levels.Shift.Select(c => $"{c.Block}/{c.Coordinate}:{c.Mean:F2}"))})");
        Math.Abs(result.Probability - mc.Estimate).ShouldBeLessThanOrEqualTo(4 * Math.Sqrt((mcError * mcError) + (result.StandardError * result.StandardError)));
        result.Levels.Levels[^1].ShouldBe(1.0);

        // the collapse is decided by the corps' cohesion, the first draw of the officers' block: the pilot finds it
        result.Levels.Shift.ShouldContain(c => c.Block == 0 && c.Coordinate == 0 && c.Mean < -1.5);
    }

    [Test]
    public void AReplicationFromRandomInputs_IsAPureFunctionOfThem()
    {
        var model = new ScenarioSplitting(TestStructure.Preset("venezuela-2019"));
        var one = model.CreateInputPath();
        var two = model.CreateInputPath();
        for (int i = 0; i < 5; i++)
        {
            var inputs = RandomInputs.FromPrior(4, i);
            double first = one.Score(inputs);
            two.Score(RandomInputs.FromPrior(4, i)).ShouldBe(first);
            one.Score(inputs).ShouldBe(first); // read again, materialised: the same
            first.ShouldBeGreaterThanOrEqualTo(0);
        }

        // a corps whose cohesion is six standard deviations low falls; six high, it does not
        var shifted = new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 0, Mean = -6 }]);
        one.Score(RandomInputs.FromShiftedPrior(4, 0, shifted)).ShouldBeGreaterThanOrEqualTo(1.0);
        one.Score(RandomInputs.FromShiftedPrior(4, 0, new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 0, Mean = 6 }]))).ShouldBeLessThan(1.0);
    }
}
