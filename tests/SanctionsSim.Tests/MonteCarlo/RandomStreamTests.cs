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
