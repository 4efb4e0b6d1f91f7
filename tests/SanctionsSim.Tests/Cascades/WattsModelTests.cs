using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Cascades;

/// <summary>
/// Watts (2002) Fig. 2 checks, seeded, with tolerances from the Monte Carlo standard errors plus a stated
/// finite-size allowance (N = 10,000 moves the simulated window's edges; see docs/validation.md).
/// </summary>
public class WattsModelTests
{
    [TestCase(2.0)]
    [TestCase(4.0)]
    [TestCase(5.0)]
    public void Simulate_InsideTheWindow_MatchesAnalyticPrediction(double z)
    {
        var model = new WattsModel { NodeCount = 10_000, MeanDegree = z, Threshold = 0.18 };
        var result = model.Simulate(new MonteCarloOptions { Replications = 400, Seed = 2002 });
        var prediction = model.Predict();
        var frequency = result.Summary.GlobalCascadeFrequency;
        double tolerance = (4 * frequency.StandardError) + 0.04; // 4 SE + finite-size allowance
        frequency.Estimate.ShouldBe(prediction.GlobalCascadeProbability, tolerance);
        result.Summary.GlobalCascadeSize.Mean.ShouldBe(prediction.MeanGlobalCascadeSize, (4 * result.Summary.GlobalCascadeSize.StandardError) + 0.02);
    }

    [TestCase(0.5)]
    [TestCase(10.0)]
    public void Simulate_OutsideTheWindow_NoGlobalCascades(double z)
    {
        var model = new WattsModel { NodeCount = 10_000, MeanDegree = z, Threshold = 0.18 };
        var result = model.Simulate(new MonteCarloOptions { Replications = 300, Seed = 2002 });
        result.Summary.GlobalCascadeFrequency.Wilson().Upper.ShouldBeLessThan(0.03);
        model.Predict().InCascadeWindow.ShouldBeFalse();
    }

    [Test]
    public void Validate_ReportsEveryBadParameter()
    {
        var e = Should.Throw<ArgumentException>(() => new WattsModel { NodeCount = 1, MeanDegree = double.NaN, Threshold = 1.5, GlobalFraction = 0 }.Validate());
        e.Message.ShouldContain("NodeCount");
        e.Message.ShouldContain("MeanDegree");
        e.Message.ShouldContain("Threshold");
        e.Message.ShouldContain("GlobalFraction");
    }

    [Test]
    public void Simulate_RandomOrderUpdate_GivesTheSameFinalSizes()
    {
        var sync = new WattsModel { NodeCount = 3000 }.Simulate(new MonteCarloOptions { Replications = 100, Seed = 9 });
        var random = new WattsModel { NodeCount = 3000, Update = CascadeUpdate.RandomOrder }.Simulate(new MonteCarloOptions { Replications = 100, Seed = 9 });
        random.Summary.CascadeSize.ExactlyEquals(sync.Summary.CascadeSize).ShouldBeTrue();
    }
}
