using SanctionsSim.Plotting;

namespace SanctionsSim.Tests.Plotting;

/// <summary>Chart labels without exponents, senders as proper nouns (issue #29).</summary>
public class LabelsTests
{
    [TestCase(0.000101234, 3, "0.000101")]
    [TestCase(1e-5, 4, "0.00001")]
    [TestCase(12345.6, 3, "12,300")]
    [TestCase(4.8567, 3, "4.86")]
    [TestCase(0.0, 3, "0")]
    public void Number_IsPlainDecimal(double value, int digits, string expected)
    {
        Labels.Number(value, digits).ShouldBe(expected);
        Labels.Number(value, digits).ShouldNotContain("E");
    }

    [TestCase("us", "US")]
    [TestCase("eu", "EU")]
    [TestCase("russia", "Russia")]
    public void Sender_IsAProperNoun(string name, string expected) => Labels.Sender(name).ShouldBe(expected);
}
