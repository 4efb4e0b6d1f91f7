using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// The delta-method (Cox) interval for the mean of a lognormal with a point mass at 0, which the coverage study
/// evaluates on the splitting runs against Hall's (issue #27 item 5; docs/rare-events.md): right on lognormal runs,
/// too wide on the study's, so not reported.
/// </summary>
public class LogNormalIntervalTests
{
    [Test]
    public void WithoutZeros_ItIsCoxsIntervalOnTheLogs()
    {
        double[] runs = [1e-4, 2e-4, 4e-4, 8e-5, 3e-4];
        var logs = runs.Select(v => Math.Log(v)).ToArray();
        double m = logs.Mean(), s2 = logs.Variance();
        double theta = m + (s2 / 2), se = Math.Sqrt((s2 / 5) + (s2 * s2 / 8));
        double t = StudentT.InvCDF(0, 1, 4, 0.975);
        var i = SplittingResult.LogNormalInterval(runs, 0.95);
        i.Lower.ShouldBe(Math.Exp(theta - (t * se)), 1e-15);
        i.Upper.ShouldBe(Math.Exp(theta + (t * se)), 1e-15);
    }

    [Test]
    public void Zeros_LowerTheMean_AndFewerThanTwoRunsAboveZeroSayNothing()
    {
        double[] some = [1e-4, 2e-4, 4e-4, 8e-5, 3e-4];
        var without = SplittingResult.LogNormalInterval(some, 0.95);
        var with = SplittingResult.LogNormalInterval([.. some, 0, 0, 0, 0, 0], 0.95);
        with.Upper.ShouldBeLessThan(without.Upper); // half the runs at 0: the mean is about half
        with.Lower.ShouldBeLessThan(without.Lower);
        var none = SplittingResult.LogNormalInterval([0, 0, 0, 2e-4], 0.95);
        none.Lower.ShouldBe(0);
        none.Upper.ShouldBe(1);
        SplittingResult.LogNormalInterval([0.5, 0.9, 0.99], 0.95).Upper.ShouldBe(1); // clipped
    }

    /// <summary>
    /// Means of ten runs drawn as the splitting runs are close to: lognormal (σ = 1.25, per-run skewness about 10) with a
    /// point mass of 10 % at 0; 4,000 samples, fixed seed. Hall's interval (the one reported before) covers the true
    /// mean well below 95 %, nearly every miss below it, since the skewness of ten values cannot exceed 2.67; the
    /// lognormal interval covers more, by more than four standard errors of the difference, and within 0.025 of 95 %
    /// (a first-order interval: its error at R = 10 is of order 1/R). Hall's would fail the second check.
    /// </summary>
    [Test]
    public void OnLognormalRunsWithZeros_ItCoversNearNominal_WhereHallsFallsShort()
    {
        var rng = new Xoshiro256StarStar(20261208);
        const int samples = 4000, n = 10;
        const double sigma = 1.25, zero = 0.1;
        double truth = 1e-4 * (1 - zero) * Math.Exp(sigma * sigma / 2);
        int cox = 0, hall = 0, coxBelow = 0, hallBelow = 0;
        var x = new double[n];
        for (int k = 0; k < samples; k++)
        {
            for (int i = 0; i < n; i++)
            {
                x[i] = rng.NextDouble() < zero ? 0 : 1e-4 * LogNormal.Sample(rng, 0, sigma);
            }

            double mean = x.Mean(), se = x.StandardDeviation() / Math.Sqrt(n);
            double skew = x.Select(v => Math.Pow(v - mean, 3)).Average() / Math.Pow(x.Select(v => (v - mean) * (v - mean)).Average(), 1.5);
            var h = SplittingResult.SkewCorrectedInterval(mean, se, skew, n, 0.95);
            var c = SplittingResult.LogNormalInterval(x, 0.95);
            hall += h.Contains(truth) ? 1 : 0;
            cox += c.Contains(truth) ? 1 : 0;
            hallBelow += h.Upper < truth ? 1 : 0;
            coxBelow += c.Upper < truth ? 1 : 0;
        }

        double pc = (double)cox / samples, ph = (double)hall / samples;
        double seDifference = Math.Sqrt(((pc * (1 - pc)) + (ph * (1 - ph))) / samples);
        double seCox = Math.Sqrt(0.95 * 0.05 / samples);
        TestContext.Out.WriteLine($"coverage: lognormal {pc:F3} ({coxBelow} below), Hall {ph:F3} ({hallBelow} below); SE of the difference {seDifference:F4}, of a coverage {seCox:F4}");
        (pc - ph).ShouldBeGreaterThan(4 * seDifference);
        Math.Abs(pc - 0.95).ShouldBeLessThan(0.025 + (4 * seCox));
        coxBelow.ShouldBeLessThan(hallBelow);
    }
}
