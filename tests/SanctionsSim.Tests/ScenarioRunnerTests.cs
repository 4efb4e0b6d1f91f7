using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests;

/// <summary>The front door is honest by default (#27 item 1): it draws the structure from the shipped posterior unless told otherwise, and each choice gives the results of the engine type it names.</summary>
public class ScenarioRunnerTests
{
    private static readonly MonteCarloOptions Options = new() { Replications = 60, Seed = 11, MaxDegreeOfParallelism = 2 };

    [Test]
    public void ByDefault_EachReplicationDrawsItsStructureFromTheShippedPosterior()
    {
        var runner = new ScenarioRunner(Options);
        runner.Structure.ShouldBeSameAs(Posterior.Default);
        var scenario = Presets.Get("venezuela-2019-amnesty");
        var mine = runner.Run(scenario).Summary;
        var posterior = new PosteriorModel(scenario, Posterior.Default).Simulate(Options).Summary;
        mine.ExactlyEquals(posterior).ShouldBeTrue("the results of PosteriorModel on the shipped posterior, bit for bit");
        mine.ExactlyEquals(new SanctionsModel(scenario).Simulate(Options).Summary).ShouldBeFalse("the posterior changes the results");
    }

    [Test]
    public void WithFixedStructure_IsSanctionsModel_BitForBit()
    {
        var runner = ScenarioRunner.WithFixedStructure(Options);
        runner.Structure.ShouldBeNull();
        var scenario = Presets.Get("venezuela-2019-amnesty");
        runner.Run(scenario).Summary.ExactlyEquals(new SanctionsModel(scenario).Simulate(Options).Summary).ShouldBeTrue();
    }

    [Test]
    public void WithPosterior_DrawsFromTheOneGiven_AndCompareKeepsTheArmsOnTheSameParticles()
    {
        var posterior = TestStructure.SixCasePosterior();
        var runner = ScenarioRunner.WithPosterior(posterior, Options);
        runner.Structure.ShouldBeSameAs(posterior);
        var arms = new[] { Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-amnesty") };
        var mine = runner.Compare(arms).Summary;
        var expected = new MonteCarloRunner(Options).Run(new PolicyComparison(arms, posterior)).Summary;
        mine.Effect(1).CollapseProbabilityDifference.ShouldBe(expected.Effect(1).CollapseProbabilityDifference);
        mine.Arms[1].ExactlyEquals(expected.Arms[1]).ShouldBeTrue();
        Should.Throw<ArgumentNullException>(() => ScenarioRunner.WithPosterior(null!)).Message.ShouldContain("WithFixedStructure");
        Should.Throw<ArgumentNullException>(() => new ScenarioRunner().Run(null!));
    }

    [Test]
    public void BadOptions_AreNamed_WhateverTheStructure()
    {
        var bad = new MonteCarloOptions { Replications = 0 };
        Should.Throw<ArgumentException>(() => new ScenarioRunner(bad)).Message.ShouldContain("Replications");
        Should.Throw<ArgumentException>(() => ScenarioRunner.WithFixedStructure(bad)).Message.ShouldContain("Replications");
    }
}
