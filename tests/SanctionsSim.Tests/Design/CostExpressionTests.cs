using SanctionsSim.Design;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Design;

/// <summary>Cost expressions: outputs and lever prices combined linearly; bad expressions named with the list of names.</summary>
public class CostExpressionTests
{
    private static readonly RunRecord Run = new() { Replication = 0, Collapsed = true, HumanitarianBurden = 2, RevenueLost = 5, OfficersReached = 100, FinalDefectedShare = 0.4, SenderCosts = [0.5, 0.25] };

    [Test]
    public void AnExpression_CombinesOutputsAndLeverPricesLinearly()
    {
        var e = CostExpression.Parse("senderCost - 0.5*humanitarianBurden + 1e-2*officersReached + senderCost.eu + 2*lever.a + collapsed", ["us", "eu"], ["lever.a"]);
        e.Terms.ShouldBe(["senderCost", "humanitarianBurden", "officersReached", "senderCost.eu", "lever.a", "collapsed"]);
        e.Evaluate(Run, ["us", "eu"], [0.3]).ShouldBe(0.75 - 1 + 1 + 0.25 + 0.6 + 1, 1e-12);
    }

    [TestCase("", "is empty")]
    [TestCase("2*", "a term names no output")]
    [TestCase("x*senderCost", "'x' is not a finite coefficient")]
    [TestCase("senderCost.uk", "'senderCost.uk' is not an output or a lever; did you mean 'senderCost.us'?")]
    [TestCase("humanitarianBurdn", "did you mean 'humanitarianBurden'?")]
    public void ABadExpression_IsNamed(string text, string message)
        => Should.Throw<ArgumentException>(() => CostExpression.Parse(text, ["us", "eu"])).Message.ShouldContain(message);
}
