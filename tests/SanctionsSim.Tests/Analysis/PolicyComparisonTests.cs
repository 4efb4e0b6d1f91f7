using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Tests.Simulation;

namespace SanctionsSim.Tests.Analysis;

/// <summary>A comparison's binary form: shards written and read back combine to the single-machine comparison bit for bit.</summary>
public class PolicyComparisonTests
{
    [Test]
    public void Shards_WrittenAndReadBack_CombineToTheSingleRun_AndOtherArmsAreRefused()
    {
        var comparison = new PolicyComparison([TestScenarios.WithAmnesty(0.5, name: "a"), TestScenarios.WithAmnesty(0.9, name: "b")]);
        var whole = comparison.Run(new MonteCarloOptions { Replications = 60, Seed = 3 }).Summary;
        var first = comparison.Run(new MonteCarloOptions { Replications = 25, Seed = 3 }).Summary;
        var second = comparison.Run(new MonteCarloOptions { Replications = 35, FirstReplication = 25, Seed = 3 }).Summary;
        using var stream = new MemoryStream();
        second.WriteTo(stream);
        stream.Position = 0;
        var combined = first.Combine(comparison.ReadSummary(stream));
        combined.ToString().ShouldBe(whole.ToString());
        combined.Effect(1).ShouldBe(whole.Effect(1));
        for (int k = 0; k < 2; k++)
        {
            combined.Arms[k].ExactlyEquals(whole.Arms[k]).ShouldBeTrue();
        }

        var three = new PolicyComparison([TestScenarios.Quiet(), TestScenarios.WithAmnesty(0.5, name: "a"), TestScenarios.WithAmnesty(0.9, name: "b")]);
        stream.Position = 0;
        Should.Throw<InvalidDataException>(() => three.ReadSummary(stream)).Message.ShouldContain("2 arms, not 3");
        Should.Throw<InvalidDataException>(() => comparison.ReadSummary(new MemoryStream(stream.ToArray()[..40])));
    }
}
