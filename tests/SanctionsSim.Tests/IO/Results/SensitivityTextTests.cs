using SanctionsSim.Analysis;
using SanctionsSim.IO.Results;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.IO.Results;

/// <summary>The one-sentence verdicts of a sensitivity analysis say nothing moved when nothing did.</summary>
public class SensitivityTextTests
{
    private static MorrisIndex Index(string name, double muStar, double lower, double upper)
        => new() { Name = name, Mu = muStar, MuStar = muStar, MuStarInterval = new ConfidenceInterval(lower, upper, 0.95), Sigma = 0 };

    [Test]
    public void MorrisVerdict_NamesTheLargestEffect_WhenItsIntervalClearsZero()
    {
        string v = SensitivityText.MorrisVerdict([Index("a", 0.3, 0.2, 0.4), Index("b", 0.1, 0.05, 0.15)], "P(collapse)");
        v.ShouldStartWith("Verdict: a has the largest effect on P(collapse) (a step across its range moves it by 0.3");
    }

    [Test]
    public void MorrisVerdict_WhenEveryEffectIsZero_SaysNoInputMovesIt_NotBy0()
    {
        string v = SensitivityText.MorrisVerdict([Index("a", 0, 0, 0), Index("b", 0, 0, 0)], "P(collapse)");
        v.ShouldBe("Verdict: no input moves P(collapse) in this screening (every μ* is 0).");
    }

    [Test]
    public void MorrisVerdict_WhenEveryIntervalReachesZero_SaysNoInputClearlyMovesIt()
    {
        string v = SensitivityText.MorrisVerdict([Index("a", 0.002, 0, 0.006), Index("b", 0.001, 0, 0.003)], "P(collapse)");
        v.ShouldContain("no input clearly moves P(collapse) at this sample size");
        v.ShouldContain("a's estimate is the largest");
        v.ShouldNotContain("by 0.0");
    }
}
