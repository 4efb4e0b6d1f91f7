using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Analysis;

/// <summary>Robust choice across the posterior: deterministic whatever the threads, common random numbers across arms, regrets and shares that follow from the estimates.</summary>
public class RobustChoiceTests
{
    private static readonly RobustChoiceOptions Small = new() { Particles = 12, ReplicationsPerParticle = 8, Seed = 5, Target = 0.5 };

    [Test]
    public void TheResult_IsTheSameWhateverTheThreads_AndItsSummariesFollowFromTheEstimates()
    {
        var arms = new[] { Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-contact") };
        var one = RobustChoice.Evaluate(arms, Posterior.Default, WithThreads(1));
        var two = RobustChoice.Evaluate(arms, Posterior.Default, WithThreads(2));
        for (int i = 0; i < Small.Particles; i++)
        {
            two.Estimate(i, 0).ShouldBe(one.Estimate(i, 0));
            two.Estimate(i, 1).ShouldBe(one.Estimate(i, 1));
        }

        two.Arms.ShouldBe(one.Arms);
        for (int a = 0; a < 2; a++)
        {
            var estimates = Enumerable.Range(0, Small.Particles).Select(i => one.Estimate(i, a)).ToArray();
            var regrets = Enumerable.Range(0, Small.Particles).Select(i => Math.Max(one.Estimate(i, 0), one.Estimate(i, 1)) - one.Estimate(i, a)).ToArray();
            one.Arms[a].SatisficingShare.ShouldBe(estimates.Count(p => p >= 0.5) / (double)Small.Particles);
            one.Arms[a].MeanProbability.ShouldBe(estimates.Average(), 1e-12);
            one.Arms[a].MeanRegret.ShouldBe(regrets.Average(), 1e-12);
            one.Arms[a].MaxRegret.ShouldBe(regrets.Max());
        }

        one.Arms.Select(a => a.Rank).OrderBy(r => r).ShouldBe([1, 2]);
        one.Arms.Single(a => a.Rank == 1).SatisficingShare.ShouldBeGreaterThanOrEqualTo(one.Arms.Single(a => a.Rank == 2).SatisficingShare);
    }

    [Test]
    public void AParticlesEstimate_IsThatOfItsStructure_OnCommonRandomNumbers()
    {
        var arms = new[] { Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-amnesty") };
        var result = RobustChoice.Evaluate(arms, Posterior.Default, Small);
        int row = 3;
        var direct = new SanctionsModel(Posterior.Default.Apply(arms[1], result.Particles[row]))
            .Simulate(new SanctionsSim.MonteCarlo.MonteCarloOptions { Replications = 8, Seed = 5, FirstReplication = row * 8 });
        result.Estimate(row, 1).ShouldBe(direct.Summary.CollapseProbability.Estimate);
        result.Parameter(row, 0).ShouldBe(Posterior.Default.Population[result.Particles[row], 0]);
    }

    [Test]
    public void BadInput_IsNamed()
    {
        var venezuela = Presets.Get("venezuela-2019");
        Should.Throw<ArgumentException>(() => RobustChoice.Evaluate([venezuela, venezuela], Posterior.Default, Small)).Message.ShouldContain("distinct names");
        Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => RobustChoice.Evaluate([venezuela, Presets.Get("venezuela-2019-amnesty")], Posterior.Default, new RobustChoiceOptions { Particles = 1, Target = double.NaN }))
            .Errors.Select(e => e.ToString()).ShouldBe(["Particles must be in [2, 100000]; got 1.", "Target must be in [0, 1]; got NaN."]);
    }

    private static RobustChoiceOptions WithThreads(int threads)
    {
        var o = Small.Clone();
        o.MaxDegreeOfParallelism = threads;
        return o;
    }
}
