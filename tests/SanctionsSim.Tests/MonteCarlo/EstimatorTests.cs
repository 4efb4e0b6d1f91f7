using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.MonteCarlo;

public class EstimatorTests
{
    [Test]
    public void Wilson_KnownValues()
    {
        // 15 of 50 at 95 %: Wilson interval [0.1910, 0.4375] (Brown, Cai & DasGupta 2001 formula).
        var ci = new ProportionEstimate(15, 50).Wilson(0.95);
        ci.Lower.ShouldBe(0.1910, 1e-4);
        ci.Upper.ShouldBe(0.4375, 1e-4);
    }

    [Test]
    public void Wilson_ZeroSuccesses_StartsAtZeroAndIsNotDegenerate()
    {
        var ci = new ProportionEstimate(0, 100).Wilson();
        ci.Lower.ShouldBe(0.0);
        ci.Upper.ShouldBeGreaterThan(0.03);
    }

    [Test]
    public void ClopperPearson_ContainsWilson_AtExtremes()
    {
        var e = new ProportionEstimate(1, 20);
        e.ClopperPearson().Lower.ShouldBeLessThanOrEqualTo(e.Wilson().Lower);
        e.ClopperPearson().Upper.ShouldBeGreaterThanOrEqualTo(e.Wilson().Upper - 1e-12);
    }

    [TestCase(double.NaN)]
    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.5)]
    public void Wilson_BadConfidence_Throws(double confidence)
        => Should.Throw<ArgumentOutOfRangeException>(() => new ProportionEstimate(1, 2).Wilson(confidence)).ParamName.ShouldBe("confidence");

    [Test]
    public void ProportionEstimate_MoreSuccessesThanTrials_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => new ProportionEstimate(3, 2));

    [Test]
    public void RunningMoments_MeanVarianceAndInterval()
    {
        var m = new RunningMoments();
        foreach (double x in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
        {
            m.Add(x);
        }

        m.Mean.ShouldBe(5.0);
        m.Variance.ShouldBe(32.0 / 7, 1e-12);
        m.Minimum.ShouldBe(2.0);
        m.Maximum.ShouldBe(9.0);
        var ci = m.MeanInterval(0.95);
        ci.Contains(5.0).ShouldBeTrue();
        ci.HalfWidth.ShouldBe(2.364624 * Math.Sqrt(32.0 / 7 / 8), 1e-5); // t(0.975, 7) = 2.364624
    }

    [Test]
    public void RunningMoments_MergeOfSplits_EqualsWhole()
    {
        var random = new RandomStream(8);
        var whole = new RunningMoments();
        var a = new RunningMoments();
        var b = new RunningMoments();
        for (int i = 0; i < 1000; i++)
        {
            double x = random.NextExponential();
            whole.Add(x);
            (i % 3 == 0 ? a : b).Add(x);
        }

        b.Merge(a);
        b.ExactlyEquals(whole).ShouldBeTrue();
        b.Mean.ShouldBe(whole.Mean);
        b.Variance.ShouldBe(whole.Variance);
    }

    [Test]
    public void Histogram_QuantilesWithinOneBin_AndMergeIsExact()
    {
        var h = new Histogram(0, 1, 100);
        var h1 = new Histogram(0, 1, 100);
        var h2 = new Histogram(0, 1, 100);
        for (int i = 0; i < 1000; i++)
        {
            double x = (i + 0.5) / 1000;
            h.Add(x);
            (i < 500 ? h1 : h2).Add(x);
        }

        h.Quantile(0.5).ShouldBe(0.5, 0.01);
        h.Quantile(0.05).ShouldBe(0.05, 0.01);
        h1.Merge(h2);
        h1.ExactlyEquals(h).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => h.Add(double.NaN));
    }
}
