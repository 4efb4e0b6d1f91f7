using MathNet.Numerics.Distributions;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.MonteCarlo;

/// <summary>The ziggurat normal and the gamma and beta samplers against their exact distributions (fixed seeds; Kolmogorov–Smirnov bounds at the 0.1 % level).</summary>
public class VariateTests
{
    private static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        Array.Sort(sample);
        double d = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            double f = cdf(sample[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / sample.Length) - f, f - ((double)i / sample.Length)));
        }

        return d;
    }

    // the 99.9 % point of the Kolmogorov distribution is 1.949 / sqrt(n)
    private static double Bound(int n) => 1.949 / Math.Sqrt(n);

    [Test]
    public void ZigguratNormal_IsStandardNormal()
    {
        const int n = 400_000;
        var random = new RandomStream(2024, 0, 9);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextStandardNormal();
        }

        double mean = x.Average();
        double variance = x.Select(v => (v - mean) * (v - mean)).Sum() / (n - 1);
        double fourth = x.Select(v => v * v * v * v).Average();
        mean.ShouldBe(0, 4 / Math.Sqrt(n));
        variance.ShouldBe(1, 4 * Math.Sqrt(2.0 / n));
        fourth.ShouldBe(3, 4 * Math.Sqrt(96.0 / n)); // Var(X⁴) = 105 − 9
        KolmogorovSmirnov(x, v => Normal.CDF(0, 1, v)).ShouldBeLessThan(Bound(n));
    }

    [Test]
    public void ZigguratNormal_TailBeyondTheBaseLayer_HasTheRightMass()
    {
        // |X| > R happens with probability 2(1 − Φ(R)) ≈ 2.58e-4: checks the tail path and the sign bit
        const int n = 2_000_000;
        var random = new RandomStream(7, 0, 9);
        int above = 0, below = 0;
        for (int i = 0; i < n; i++)
        {
            double v = random.NextStandardNormal();
            above += v > NormalZiggurat.R ? 1 : 0;
            below += v < -NormalZiggurat.R ? 1 : 0;
        }

        double p = 1 - Normal.CDF(0, 1, NormalZiggurat.R);
        double sd = Math.Sqrt(n * p * (1 - p));
        ((double)above).ShouldBe(n * p, 4.5 * sd);
        ((double)below).ShouldBe(n * p, 4.5 * sd);
    }

    [TestCase(6.4, 1.6)]
    [TestCase(0.5, 0.5)]
    [TestCase(2.0, 30.0)]
    public void Beta_MatchesMathNetsCdf(double a, double b)
    {
        const int n = 100_000;
        var random = new RandomStream(99, 0, 9);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Variates.Beta(random, a, b);
        }

        x.ShouldAllBe(v => v >= 0 && v <= 1);
        KolmogorovSmirnov(x, v => Beta.CDF(a, b, v)).ShouldBeLessThan(Bound(n));
    }

    [TestCase(0.3)]
    [TestCase(1.0)]
    [TestCase(7.5)]
    public void Gamma_MatchesMathNetsCdf(double shape)
    {
        const int n = 100_000;
        var random = new RandomStream(5, 0, 9);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Variates.Gamma(random, shape);
        }

        KolmogorovSmirnov(x, v => Gamma.CDF(shape, 1.0, v)).ShouldBeLessThan(Bound(n));
    }
}
