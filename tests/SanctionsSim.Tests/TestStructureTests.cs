using SanctionsSim.Calibration;

namespace SanctionsSim.Tests;

/// <summary>The pinned structure of the mechanism tests is what it says it is.</summary>
public class TestStructureTests
{
    [Test]
    public void TheSixCaseStructure_IsTheMediansOfTheSixCasePosteriorFixture()
    {
        var posterior = TestStructure.SixCasePosterior();
        posterior.Count.ShouldBe(2000);
        posterior.Parameters.Select(p => p.Name).ShouldBe(StructuralParameters.Names);
        for (int j = 0; j < posterior.Parameters.Count; j++)
        {
            double median = posterior.Medians[j];
            TestStructure.SixCase[posterior.Parameters[j].Name].ShouldBe(median, Math.Abs(median) * 5e-4, posterior.Parameters[j].Name);
        }
    }

    [Test]
    public void Pin_SetsEveryStructuralParameter_AndKeepsTheFacts()
    {
        var preset = SanctionsSim.Scenarios.Cases.Presets.Get("venezuela-2019");
        var pinned = TestStructure.Pin(preset);
        foreach (var p in StructuralParameters.All)
        {
            p.Read(pinned).ShouldBe(TestStructure.SixCase[p.Name]);
        }

        pinned.Factions.Select(f => (f.Name, f.Generals, f.Troops)).ShouldBe(preset.Factions.Select(f => (f.Name, f.Generals, f.Troops)));
        pinned.Regime.ReservesAbroad.ShouldBe(preset.Regime.ReservesAbroad);
    }
}
