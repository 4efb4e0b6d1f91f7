using SanctionsSim.Calibration;
using SanctionsSim.Model;

namespace SanctionsSim.Tests.Calibration;

/// <summary>The shipped posterior and the library's structural defaults (issue #14: defaults from evidence).</summary>
public class PosteriorDefaultTests
{
    [Test]
    public void TheStructuralDefaults_AreTheMediansOfTheShippedPosterior()
    {
        var plain = new Scenario { Name = "x", Factions = [new Faction { Name = "army", Generals = 10, Troops = 1000 }] };
        var posterior = Posterior.Default;
        posterior.Count.ShouldBeGreaterThanOrEqualTo(2000);
        posterior.Parameters.Select(p => p.Name).ShouldBe(StructuralParameters.Names);
        for (int j = 0; j < posterior.Parameters.Count; j++)
        {
            double median = posterior.Medians[j], value = posterior.Parameters[j].Read(plain);
            value.ShouldBe(median, Math.Abs(median) * 5e-4, $"{posterior.Parameters[j].Name}: the default is the posterior median to four significant digits");
        }
    }

    [Test]
    public void TheShippedPosterior_IsTheLastGenerationOfASixCaseCalibration()
    {
        var p = Posterior.Default.Population;
        p.Generation.ShouldBe(8);
        double.IsFinite(p.Tolerance).ShouldBeTrue();
        p.Distances.ShouldAllBe(d => d <= p.Tolerance);
        p.EffectiveSampleSize.ShouldBeGreaterThan(500);
        for (int i = 0; i < p.Count; i++)
        {
            for (int j = 0; j < p.Dimension; j++)
            {
                var prior = StructuralParameters.All[j].Prior;
                p[i, j].ShouldBeInRange(prior.Lower, prior.Upper);
            }
        }
    }
}
