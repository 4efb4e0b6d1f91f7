using SanctionsSim.Cascades;

namespace SanctionsSim.Tests.Cascades;

public class ThresholdTests
{
    [Test]
    public void RequiredCount_SevenPercentOfHundred_IsSeven_NotEight()
    {
        (0.07 * 100).ShouldBeGreaterThan(7.0); // the trap the rational test avoids
        Threshold.RequiredCount(0.07, 100).ShouldBe(7);
    }

    [TestCase(0.18, 1, 1)]
    [TestCase(0.18, 5, 1)]
    [TestCase(0.18, 6, 2)]
    [TestCase(0.2, 5, 1)]
    [TestCase(0.2, 10, 2)]
    [TestCase(0.5, 2, 1)]
    [TestCase(1.0, 7, 7)]
    [TestCase(0.0, 7, 0)]
    [TestCase(-1.0, 7, 0)]
    [TestCase(1.5, 7, Threshold.Never)]
    [TestCase(0.3, 0, Threshold.Never)]
    public void RequiredCount_MatchesDivisionTest(double phi, int k, int expected)
        => Threshold.RequiredCount(phi, k).ShouldBe(expected);

    [Test]
    public void RequiredCount_AgreesWithQuotientForManyPairs()
    {
        for (int k = 1; k <= 200; k++)
        {
            for (int p = 1; p <= 100; p++)
            {
                double phi = p / 100.0;
                int m = Threshold.RequiredCount(phi, k);
                for (int j = 0; j <= k; j++)
                {
                    ((double)j / k >= phi).ShouldBe(j >= m, $"phi={phi}, k={k}, j={j}");
                }

                // and the exact rational form agrees with the decimal meaning of phi
                Threshold.RequiredCount(p, 100, k).ShouldBe(m, $"phi={p}/100, k={k}");
            }
        }
    }

    [Test]
    public void RequiredCount_NaN_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => Threshold.RequiredCount(double.NaN, 3)).ParamName.ShouldBe("phi");
}
