using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.MonteCarlo;

public class RandomStreamTests
{
    [Test]
    public void NextUInt64_FromReferenceState_MatchesPublishedXoshiro256StarStar()
    {
        // Reference sequence of xoshiro256** (Blackman & Vigna) from state {1, 2, 3, 4}.
        var random = new RandomStream(0);
        random.SetState(1, 2, 3, 4);
        ulong[] expected = [11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL];
        foreach (ulong value in expected)
        {
            random.NextUInt64().ShouldBe(value);
        }
    }

    [Test]
    public void Reset_SameKey_GivesSameSequence_DifferentKeysDiffer()
    {
        var a = new RandomStream(42, 7, StreamKeys.Network);
        var b = new RandomStream(0);
        b.Reset(42, 7, StreamKeys.Network);
        for (int i = 0; i < 100; i++)
        {
            a.NextUInt64().ShouldBe(b.NextUInt64());
        }

        new RandomStream(42, 7, StreamKeys.Network).NextUInt64().ShouldNotBe(new RandomStream(42, 8, StreamKeys.Network).NextUInt64());
        new RandomStream(42, 7, StreamKeys.Network).NextUInt64().ShouldNotBe(new RandomStream(42, 7, StreamKeys.Seeding).NextUInt64());
        new RandomStream(42, 7, StreamKeys.Network).NextUInt64().ShouldNotBe(new RandomStream(43, 7, StreamKeys.Network).NextUInt64());
    }

    [Test]
    public void NextDouble_MeanAndVariance_WithinStandardErrors()
    {
        var random = new RandomStream(3);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            u.ShouldBeInRange(0.0, 1.0 - 1e-17);
            sum += u;
            sumSq += u * u;
        }

        double mean = sum / n;
        double se = Math.Sqrt(1.0 / 12 / n);
        Math.Abs(mean - 0.5).ShouldBeLessThan(5 * se);
        double variance = (sumSq / n) - (mean * mean);
        Math.Abs(variance - (1.0 / 12)).ShouldBeLessThan(0.002);
    }

    [Test]
    public void NextInt32_IsUnbiasedAcrossBins_ChiSquare()
    {
        var random = new RandomStream(11);
        const int bins = 7, n = 70_000;
        var counts = new int[bins];
        for (int i = 0; i < n; i++)
        {
            counts[random.NextInt32(bins)]++;
        }

        double expected = (double)n / bins;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // 6 degrees of freedom: P(chi2 > 22.46) = 0.001; the seed is fixed, so this never flakes.
        chi2.ShouldBeLessThan(22.46);
    }

    [Test]
    public void NextInt32_NonPositiveBound_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => new RandomStream(1).NextInt32(0));

    [Test]
    public void MathNetDistributions_CanSampleFromTheStream()
    {
        var random = new RandomStream(5);
        var normal = new MathNet.Numerics.Distributions.Normal(10, 2, random);
        double mean = Enumerable.Range(0, 20_000).Select(_ => normal.Sample()).Average();
        Math.Abs(mean - 10).ShouldBeLessThan(5 * 2 / Math.Sqrt(20_000));
    }

    [Test]
    public void CounterUniform_IsAPureFunctionOfItsKeys()
    {
        RandomStream.CounterUniform(1, 2, 3, 4).ShouldBe(RandomStream.CounterUniform(1, 2, 3, 4));
        RandomStream.CounterUniform(1, 2, 3, 4).ShouldNotBe(RandomStream.CounterUniform(1, 2, 4, 3));
        double mean = Enumerable.Range(0, 100_000).Select(i => RandomStream.CounterUniform(9, 0, i, 17)).Average();
        Math.Abs(mean - 0.5).ShouldBeLessThan(5 * Math.Sqrt(1.0 / 12 / 100_000));
    }
}

public class ExponentialZigguratTests
{
    [Test]
    public void NextExponential_MatchesTheExponentialDistribution_KolmogorovSmirnov()
    {
        var random = new RandomStream(17);
        const int n = 200_000;
        var xs = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = random.NextExponential();
        }

        Array.Sort(xs);
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = 1 - Math.Exp(-xs[i]);
            d = Math.Max(d, Math.Max(f - ((double)i / n), ((i + 1.0) / n) - f));
        }

        // the 0.999 quantile of the KS statistic is 1.95 / sqrt(n); the seed is fixed
        d.ShouldBeLessThan(1.95 / Math.Sqrt(n));
        xs.Average().ShouldBe(1.0, 5 / Math.Sqrt(n));
    }

    [Test]
    public void NextExponential_TailBeyondTheZiggurat_HasTheRightMass()
    {
        var random = new RandomStream(3);
        const int n = 4_000_000;
        int beyond = 0;
        for (int i = 0; i < n; i++)
        {
            beyond += random.NextExponential() > 5.0 ? 1 : 0;
        }

        double p = Math.Exp(-5.0);
        ((double)beyond / n).ShouldBe(p, 5 * Math.Sqrt(p * (1 - p) / n));
    }

    [Test]
    public void GeometricSkip_GapsAreGeometric()
    {
        var random = new RandomStream(5);
        var skip = new SanctionsSim.Networks.GeometricSkip(0.3);
        const int n = 200_000;
        var counts = new int[6];
        for (int i = 0; i < n; i++)
        {
            long g = skip.Next(random);
            if (g < 6)
            {
                counts[g]++;
            }
        }

        for (int k = 0; k < 6; k++)
        {
            double p = 0.3 * Math.Pow(0.7, k);
            ((double)counts[k] / n).ShouldBe(p, 5 * Math.Sqrt(p * (1 - p) / n), $"gap {k}");
        }
    }
}
