using MathNet.Numerics.Distributions;
using SanctionsSim.Cascades;
using SanctionsSim.Networks;

namespace SanctionsSim.Tests.Cascades;

public class ClassicModelTests
{
    [Test]
    public void Granovetter_UniformCrowd_AllHundredRiot()
        => Granovetter.Equilibrium(Enumerable.Range(0, 100).ToArray()).ShouldBe(100);

    [Test]
    public void Granovetter_ChangeThresholdOneToTwo_OnlyTheInstigatorActs()
    {
        int[] thresholds = Enumerable.Range(0, 100).ToArray();
        thresholds[1] = 2;
        Granovetter.Equilibrium(thresholds).ShouldBe(1);
    }

    [Test]
    public void Granovetter_KernelOnCompleteGraph_AgreesWithCounting()
    {
        var g = CompleteGraph.Create(100);
        var kernel = new CascadeKernel();
        int[] thresholds = Enumerable.Range(0, 100).ToArray();
        var rule = new AbsoluteThresholds(thresholds);
        kernel.Run(g, rule, SeedSelection.Spontaneous(g, rule)).ShouldBe(100);
        thresholds[1] = 2;
        kernel.Run(g, new AbsoluteThresholds(thresholds), SeedSelection.Spontaneous(g, new AbsoluteThresholds(thresholds))).ShouldBe(1);
    }

    [Test]
    public void Granovetter_NormalCrowd_PublishedEquilibria()
    {
        Granovetter.NormalEquilibrium(100, 25, 12.2).ShouldBe(5.479, 0.001);
        Granovetter.NormalEquilibrium(100, 25, 1000).ShouldBe(51.04, 0.01);
        Granovetter.NormalCriticalSpread(100, 25).ShouldBe(12.2221, 0.0001);
    }

    [Test]
    public void Kuran_RevolutionaryThresholds_TenPercent_ThenNinety()
    {
        double[] thresholds = [0, 20, 20, 30, 40, 50, 50, 60, 70, 100];
        Kuran.Equilibrium(thresholds).ShouldBe(10.0);
        thresholds[1] = 10;
        Kuran.Equilibrium(thresholds).ShouldBe(90.0);
    }

    [Test]
    public void GlobalGame_PublishedThreshold_AndUninformativeLimit()
    {
        GlobalGame.RegimeChangeThreshold(0.5, 1, 100, 0.3).ShouldBe(0.708094, 1e-6);
        GlobalGame.RegimeChangeThreshold(0.5, 0, 100, 0.3).ShouldBe(0.7, 1e-9);
        Should.Throw<ArgumentOutOfRangeException>(() => GlobalGame.RegimeChangeThreshold(0.5, 100, 1, 0.3)).ParamName.ShouldBe("signalPrecision");
        Should.Throw<ArgumentOutOfRangeException>(() => GlobalGame.RegimeChangeThreshold(0.5, 1, 100, double.NaN)).ParamName.ShouldBe("cost");
    }

    [Test]
    public void WattsAnalytics_CascadeWindowForPhi018()
    {
        // K = 5 (1/5 >= 0.18 > 1/6): the condition is z·P(Poisson(z) <= 3) > 1.
        var window = WattsAnalytics.ErdosRenyiWindow(0.18);
        window.ShouldNotBeNull();
        window.Value.Lower.ShouldBe(1.0207, 0.0001);
        (window.Value.Lower * Poisson.CDF(window.Value.Lower, 3)).ShouldBe(1.0, 1e-9);
        (window.Value.Upper * Poisson.CDF(window.Value.Upper, 3)).ShouldBe(1.0, 1e-9);
        window.Value.Upper.ShouldBeInRange(5.0, 8.0);
        WattsAnalytics.ErdosRenyiWindow(0.6).ShouldBeNull();
    }

    [Test]
    public void WattsAnalytics_InsideAndOutsideTheWindow()
    {
        var inside = WattsAnalytics.ErdosRenyi(4, 0.18);
        inside.InCascadeWindow.ShouldBeTrue();
        inside.GlobalCascadeProbability.ShouldBeInRange(0.3, 0.95);
        inside.MeanGlobalCascadeSize.ShouldBeGreaterThan(0.9);
        var outside = WattsAnalytics.ErdosRenyi(10, 0.18);
        outside.InCascadeWindow.ShouldBeFalse();
        outside.GlobalCascadeProbability.ShouldBe(0.0, 1e-9);
    }
}

public class ThresholdSamplingTests
{
    [Test]
    public void FixedPoints_NormalCrowdBelowCriticalSpread_HasThree_FirstIsTheEquilibrium()
    {
        var roots = Granovetter.FixedPoints(100, r => MathNet.Numerics.Distributions.Normal.CDF(25, 12.2, r));
        roots.Count.ShouldBe(3);
        roots[0].ShouldBe(Granovetter.NormalEquilibrium(100, 25, 12.2), 1e-9);
        roots[2].ShouldBeGreaterThan(90);
        Granovetter.FixedPoints(100, r => MathNet.Numerics.Distributions.Normal.CDF(25, 20, r)).Count.ShouldBe(1);
    }

    [Test]
    public void Fractional_DrawsFromTheDistribution_AndFeedsTheKernel()
    {
        var random = new SanctionsSim.MonteCarlo.RandomStream(4);
        var phi = new double[20_000];
        ThresholdSampling.Fractional(new MathNet.Numerics.Distributions.Normal(0.18, 0.05), random, phi);
        phi.Average().ShouldBe(0.18, 5 * 0.05 / Math.Sqrt(phi.Length));
        var blocked = new bool[phi.Length];
        ThresholdSampling.Blocked(0.1, random, blocked);
        ((double)blocked.Count(b => b) / blocked.Length).ShouldBe(0.1, 0.01);
        var g = SanctionsSim.Networks.ErdosRenyi.Generate(phi.Length, SanctionsSim.Networks.ErdosRenyi.EdgeProbability(phi.Length, 4), random);
        var kernel = new CascadeKernel();
        int active = kernel.Run(g, new FractionalThresholds(phi, blocked), [0, 1, 2, 3, 4]);
        active.ShouldBeGreaterThanOrEqualTo(5);
        for (int v = 0; v < phi.Length; v++)
        {
            if (blocked[v] && v > 4)
            {
                kernel.IsActive(v).ShouldBeFalse();
            }
        }
    }

    [Test]
    public void Absolute_DrawsCounts()
    {
        var counts = new int[10_000];
        ThresholdSampling.Absolute(new MathNet.Numerics.Distributions.Poisson(2), new SanctionsSim.MonteCarlo.RandomStream(1), counts);
        counts.Average().ShouldBe(2.0, 5 * Math.Sqrt(2.0 / counts.Length));
    }
}
