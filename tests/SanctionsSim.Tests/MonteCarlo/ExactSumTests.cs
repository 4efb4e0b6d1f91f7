using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.MonteCarlo;

public class ExactSumTests
{
    [Test]
    public void ToDouble_CancellingHugeValues_KeepsTheSmallOne()
    {
        var sum = new ExactSum();
        sum.Add(1e100);
        sum.Add(1.0);
        sum.Add(-1e100);
        sum.ToDouble().ShouldBe(1.0);
    }

    [Test]
    public void ToDouble_TenTimesPointOne_RoundsOnceToOne()
    {
        var sum = new ExactSum();
        for (int i = 0; i < 10; i++)
        {
            sum.Add(0.1);
        }

        sum.ToDouble().ShouldBe(1.0); // naive summation gives 0.9999999999999999
    }

    [Test]
    public void Add_AnyOrderAndGrouping_GivesBitIdenticalResult()
    {
        var random = new RandomStream(99);
        double[] values = new double[5000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() - 0.3) * Math.Pow(10, random.NextInt32(30) - 15);
        }

        var forward = new ExactSum();
        foreach (double v in values)
        {
            forward.Add(v);
        }

        var shuffled = values.ToArray();
        for (int i = shuffled.Length - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var left = new ExactSum();
        var right = new ExactSum();
        for (int i = 0; i < shuffled.Length; i++)
        {
            (i < 1234 ? left : right).Add(shuffled[i]);
        }

        left.Add(right);
        left.ValueEquals(forward).ShouldBeTrue();
        BitConverter.DoubleToInt64Bits(left.ToDouble()).ShouldBe(BitConverter.DoubleToInt64Bits(forward.ToDouble()));
    }

    [Test]
    public void ToDouble_MatchesDecimalReferenceForModerateValues()
    {
        var random = new RandomStream(4);
        var sum = new ExactSum();
        decimal reference = 0m;
        for (int i = 0; i < 1000; i++)
        {
            // values with few significant bits are exact in decimal too
            double v = random.NextInt32(1_000_000) / 1024.0 * (random.NextDouble() < 0.5 ? -1 : 1);
            sum.Add(v);
            reference += (decimal)v;
        }

        sum.ToDouble().ShouldBe((double)reference);
    }

    [Test]
    public void Add_NonFinite_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => new ExactSum().Add(double.NaN));
}
