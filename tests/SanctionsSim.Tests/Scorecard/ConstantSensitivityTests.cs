using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Scorecard;

namespace SanctionsSim.Tests.Scorecard;

/// <summary>The Sobol analysis of the held-out scores over the fixed payoff-scale constants (issue #26 item 4).</summary>
public class ConstantSensitivityTests
{
    private static readonly HistoricalCase[] Cheap = [HistoricalCases.Get("georgia-2003"), HistoricalCases.Get("mali-1991")];

    // the high command is off in these cases, so its failure cost cannot matter: a constant with no effect by construction
    private static readonly PayoffConstant Inert = new() { Name = "inert", Path = "highCommand.failureCost", Default = 4, LowerFactor = 0.5, UpperFactor = 2, Source = "test" };

    private static readonly Lazy<Posterior> SixCase = new(TestStructure.SixCasePosterior);

    // the structure drawn from the six-case posterior (TestStructure): the test is of the analysis, not of the shipped posterior
    private static ConstantSensitivityResult Small(int threads) => ConstantSensitivity.Run(
        Cheap, [PayoffConstants.Get("criticalShare"), Inert], new ConstantSensitivityOptions { Samples = 16, Runs = 12, Bootstrap = 50, Seed = 3, MaxDegreeOfParallelism = threads, Posterior = SixCase.Value });

    [Test]
    public void AConstantWithNoEffect_HasTotalIndexZero_AndTheResultIsTheSameOnAnyThreads()
    {
        Cheap.ShouldAllBe(c => !c.Scenario.HighCommand.Enabled);
        var one = Small(1);
        var two = Small(2);
        two.Brier.Select(i => i.Total).ShouldBe(one.Brier.Select(i => i.Total));
        two.BrierAtDefaults.ShouldBe(one.BrierAtDefaults);

        var inert = one.Brier.Single(i => i.Name == "inert");
        inert.Total.ShouldBe(0, 1e-12, "common random numbers: the inert factor changes no run");
        one.Points.ShouldBe(16 * 4);
        one.BrierRange.Lowest.ShouldBeLessThanOrEqualTo(one.BrierAtDefaults + 1e-12);
        one.BrierAtDefaultsStandardError.ShouldBeGreaterThan(0);
        one.BrierNoiseVariance.ShouldBeGreaterThan(0);
    }

    [Test]
    public void TheCriticalShare_MovesTheScores()
    {
        var result = Small(-1);
        result.BrierVariance.ShouldBeGreaterThan(0, "a collapse rule at 0.2 or at 0.5 of command strength changes how cases end");
        result.Brier.Single(i => i.Name == "criticalShare").Total.ShouldBeGreaterThan(0.5);
    }

    [Test]
    public void BadSettings_AreNamed()
    {
        Should.Throw<ArgumentException>(() => ConstantSensitivity.Run(Cheap, options: new ConstantSensitivityOptions { Samples = 4, Runs = 2 }))
            .Message.ShouldSatisfyAllConditions(m => m.ShouldContain("Samples must be in [16, 100000]; got 4."), m => m.ShouldContain("Runs must be in [10, 100000]; got 2."));
        Should.Throw<ArgumentException>(() => ConstantSensitivity.Run([Cheap[0]])).Message.ShouldContain("At least two cases");
        Should.Throw<ArgumentException>(() => PayoffConstants.Get("purgecost")).Message.ShouldContain("purgeCost");
    }

    [Test]
    public void TheCrossingSharePull_IsValidated_AndTenIsTheDefault()
    {
        new DecisionModel().CrossingSharePull.ShouldBe(10);
        var bad = Presets.Get("venezuela-2019") with { Decision = new DecisionModel { CrossingSharePull = double.NaN } };
        var error = ScenarioValidator.Validate(bad).ShouldHaveSingleItem();
        error.ToString().ShouldContain("$.decision.crossingSharePull");
        error.ToString().ShouldContain("NaN");
    }
}
