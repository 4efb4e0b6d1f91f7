using SanctionsSim.IO.Text;

namespace SanctionsSim.Tests.IO.Text;

/// <summary>Numbers and words a student reads: the rounding rule, the IPCC likelihood scale, proper nouns.</summary>
public class ReadableTests
{
    [TestCase(0.0123, 2)]
    [TestCase(0.01, 2)]
    [TestCase(0.0099, 3)]
    [TestCase(3.4, 0)]
    [TestCase(12.0, 0)]
    [TestCase(0.00036, 4)]
    [TestCase(0.0, 1)] // fallback
    [TestCase(double.NaN, 1)]
    [TestCase(1e-300, Rounding.MaxDecimals)]
    public void Decimals_AreThePlaceOfTheStandardErrorsFirstSignificantDigit(double se, int expected)
        => Rounding.Decimals(se).ShouldBe(expected);

    [Test]
    public void Interval_IsRoundedLikeItsEstimate_NotRagged()
    {
        // the example: 0.3833 [0.37029, 0.398246] with a standard error of about 0.007
        Rounding.Interval(0.3833, 0.37029, 0.398246, 0.0071).ShouldBe(("0.383", "0.370", "0.398"));
        Rounding.Interval(-0.00001, -0.2, 0.2, 0.1).Estimate.ShouldBe("0.0"); // never "-0.0"
        Rounding.Interval(7.875, 7.875, 7.875, double.NaN).ShouldBe(("7.875", "7.875", "7.875")); // every draw alike: four significant digits, not 7.8750000000
        Rounding.Number(0.5554, 0).ShouldBe("0.5554");
    }

    [Test]
    public void Percent_TakesItsDecimalsFromTheStandardError_AndNeverAnExponent()
    {
        Rounding.Percent(0.036, 0.023, 0.056, Math.Sqrt(0.036 * 0.964 / 1000)).ShouldBe(("3.6 %", "2.3 %", "5.6 %"));
        Rounding.Percent(0.0127, 0.0120, 0.0134, Math.Sqrt(0.0127 * 0.9873 / 100_000)).Estimate.ShouldBe("1.27 %");
        Rounding.Percent(8.922e-5, 3.6e-6).ShouldBe("0.0089 %"); // run --rare-event's 8.922E-05 with a 4 % error
        Rounding.Percent(0, 0, 0.0038, 0).ShouldBe(("0.00 %", "0.00 %", "0.38 %")); // no collapse: the precision comes from the interval
        Rounding.Percent(8.922e-5, 3.6e-6).ShouldNotContain("E");
        Rounding.OneIn(8.922e-5).ShouldBe("about 1 in 11,000");
        Rounding.OneIn(0.2).ShouldBeNull();
    }

    [Test]
    public void Points_AreSignedPercentagePoints()
    {
        Rounding.Points(0.978, 0.965, 0.991, 0.0066).ShouldBe(("+97.8 pp", "+96.5 pp", "+99.1 pp"));
        Rounding.Points(-0.05, 0.01).ShouldBe("-5 pp");
        Rounding.Points(0, 0.001).ShouldBe("0.0 pp");
    }

    [TestCase(0.023, 0.056, "very unlikely")] // the 3.6 % [2.3 %, 5.6 %], once "less likely than not"
    [TestCase(0.0, 0.004, "exceptionally unlikely")]
    [TestCase(0.995, 1.0, "virtually certain")]
    [TestCase(0.986, 0.999, "very likely")]
    [TestCase(0.70, 0.95, "likely")]
    [TestCase(0.40, 0.60, "about as likely as not")]
    [TestCase(0.12, 0.30, "unlikely")]
    [TestCase(0.20, 0.45, null)] // crosses 33 %: no band holds it
    [TestCase(0.55, 0.80, null)] // crosses 66 %
    public void Likelihood_IsTheMostSpecificIpccBandHoldingTheWholeInterval(double lower, double upper, string? expected)
        => Readable.Likelihood(lower, upper).ShouldBe(expected);

    [Test]
    public void LikelihoodScale_IsTheIpccAr5Table()
    {
        Readable.LikelihoodScale.Count.ShouldBe(7);
        Readable.LikelihoodScale.ShouldContain(("likely", 0.66, 1.0));
        Readable.LikelihoodScale.ShouldContain(("about as likely as not", 0.33, 0.66));
        // ordered narrowest first, so the first match is the most specific
        double[] widths = Readable.LikelihoodScale.Select(b => Math.Round(b.Upper - b.Lower, 9)).ToArray();
        widths.Zip(widths.Skip(1)).ShouldAllBe(pair => pair.First <= pair.Second);
    }

    [TestCase("us", "US")]
    [TestCase("eu", "EU")]
    [TestCase("un", "UN")]
    [TestCase("russia", "Russia")]
    public void Senders_AreProperNouns(string name, string expected) => Readable.Sender(name).ShouldBe(expected);
}
