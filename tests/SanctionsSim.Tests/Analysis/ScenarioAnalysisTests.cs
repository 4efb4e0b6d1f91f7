using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Analysis;

/// <summary>Sensitivity and tipping-point analyses on the sanctions model itself.</summary>
public class ScenarioAnalysisTests
{
    [Test]
    public async Task Morris_OnCommonRandomNumbers_GivesALeverWithoutEffectExactlyZero()
    {
        // the EU's recognition costs it money but changes nothing for the officers: with every point on the same
        // replications its elementary effects are exactly zero, while the amnesty's credibility moves the outcome
        var analysis = new ScenarioSensitivity(Presets.Get("venezuela-2019-amnesty") with { Weeks = 26 },
            [
                ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1),
                ExperimentParameter.Uniform("coalition.eu.recognition.senderCostPerWeek", 0, 0.01),
            ],
            new SensitivityOptions { Method = SensitivityMethod.Morris, Samples = 6, Metric = SweepMetric.FinalDefectedShare, Bootstrap = 100, MonteCarlo = new MonteCarloOptions { Replications = 16, Seed = 3 } });
        var result = await analysis.RunAsync();
        result.Completed.ShouldBeTrue();
        result.Morris.Count.ShouldBe(2);
        result.Sobol.ShouldBeEmpty();
        result.Morris[1].MuStar.ShouldBe(0);
        result.Morris[0].MuStar.ShouldBeGreaterThan(0.01);
        result.NoiseShare.ShouldBeGreaterThan(0);
        result.ToString().ShouldContain("noise share");
    }

    [Test]
    public async Task Sobol_OnTheModel_ReportsIndicesAndTheNoiseShare()
    {
        var analysis = new ScenarioSensitivity(Presets.Get("venezuela-2019-amnesty") with { Weeks = 26 },
            [
                ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1),
                ExperimentParameter.Uniform("coalition.eu.recognition.senderCostPerWeek", 0, 0.01),
            ],
            new SensitivityOptions { Method = SensitivityMethod.Sobol, Samples = 16, Metric = SweepMetric.FinalDefectedShare, Bootstrap = 100, MonteCarlo = new MonteCarloOptions { Replications = 8, Seed = 3 } });
        analysis.Points.ShouldBe(16 * 4);
        var result = await analysis.RunAsync();
        result.Sobol.Count.ShouldBe(2);
        result.Sobol[0].Total.ShouldBeGreaterThan(0.5);
        result.Sobol[1].Total.ShouldBe(0, 1e-12);
        result.NoiseShare.ShouldBeInRange(0, 1);
    }

    [Test]
    public void Cross_InterpolatesTheFirstCrossing_EitherDirection()
    {
        double[] x = [0, 1, 2, 3];
        TippingScan.Cross(x, [0.1, 0.3, 0.7, 0.9], 0.5).ShouldBe((1.5, 1));
        TippingScan.Cross(x, [0.9, 0.6, 0.4, 0.1], 0.5).ShouldBe((1.5, -1));
        TippingScan.Cross(x, [0.1, 0.2, 0.3, 0.4], 0.5).ShouldBe((null, 0));
        TippingScan.Cross(x, [0.1, 0.5, 0.6, 0.7], 0.5).ShouldBe((1.0, 1));
    }

    [Test]
    public async Task Tipping_AmnestyCredibility_CrossesHalfInsideTheBracketingGridPoints()
    {
        string folder = Directory.CreateTempSubdirectory("sanctionssim-tipping-").FullName;
        try
        {
            var options = new TippingOptions { Points = 9, Bootstrap = 300, MonteCarlo = new MonteCarloOptions { Replications = 60, Seed = 5 } };
            var lever = ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1);
            var scenario = TestStructure.Preset("venezuela-2019-amnesty"); // a structure at which the credibility tips the regime
            TippingResult result;
            using (var store = new SweepDirectory(folder))
            {
                result = await new TippingScan(scenario, lever, options).RunAsync(store);
            }

            result.Completed.ShouldBeTrue();
            result.Curve.Count.ShouldBe(9);
            result.Curve[0].Probability.Estimate.ShouldBeLessThan(0.5);
            result.Curve[^1].Probability.Estimate.ShouldBeGreaterThan(0.5);
            double crossing = result.Crossing!.Value;
            result.Direction.ShouldBe(1);
            int j = result.Curve.Select((c, i) => (c, i)).First(t => t.c.Probability.Estimate >= 0.5).i;
            crossing.ShouldBeInRange(result.Curve[j - 1].Value, result.Curve[j].Value);
            result.CrossingInterval.Contains(crossing).ShouldBeTrue();
            result.CrossingInterval.Lower.ShouldBeLessThan(result.CrossingInterval.Upper);

            // resuming the finished scan reads every point back and gives the same answer
            using var againStore = new SweepDirectory(folder);
            var again = await new TippingScan(scenario, lever, options).RunAsync(againStore, resume: true);
            again.Sweep.PointsResumed.ShouldBe(9);
            again.Crossing.ShouldBe(result.Crossing);
            again.CrossingInterval.ShouldBe(result.CrossingInterval);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
