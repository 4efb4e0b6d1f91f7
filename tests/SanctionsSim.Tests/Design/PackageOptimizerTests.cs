using MathNet.Numerics.Distributions;
using SanctionsSim.Design;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Design;

/// <summary>
/// The optimizer on test problems with known optima plus noise: the goal event happens with probability
/// Φ(4(x₁ + x₂ − 1)) and each replication costs 2x₁ + x₂ plus Gaussian noise (sd 0.5), both drawn from counter-based
/// streams keyed by (seed, replication), so packages share random numbers as scenarios do.
/// </summary>
public class PackageOptimizerTests
{
    /// <summary>The test problem; <see cref="Evaluations"/> counts replications.</summary>
    internal sealed class Noisy(double cap = 1.0, bool oneOutput = false) : IPackageProblem
    {
        private long _evaluations;

        public IReadOnlyList<ExperimentParameter> Levers { get; } = [ExperimentParameter.Uniform("x1", 0, 1), ExperimentParameter.Uniform("x2", 0, 1)];

        public IReadOnlyList<string> Outputs { get; } = oneOutput ? ["cost"] : ["cost", "second"];

        public long Evaluations => Interlocked.Read(ref _evaluations);

        public static double P(double x1, double x2) => Normal.CDF(0, 1, 4 * (x1 + x2 - 1));

        public PackageSample Evaluate(ReadOnlySpan<double> levers, ulong seed, long first, int count)
        {
            Interlocked.Add(ref _evaluations, count);
            double p = cap * P(levers[0], levers[1]), mean = (2 * levers[0]) + levers[1];
            long successes = 0;
            double sum = 0, squares = 0;
            for (long r = first; r < first + count; r++)
            {
                var random = new RandomStream(seed, r, StreamKeys.Dynamics);
                successes += random.NextDouble() < p ? 1 : 0;
                double cost = mean + (0.5 * Normal.InvCDF(0, 1, random.NextDoubleNonZero() * (1 - 1e-12)));
                sum += cost;
                squares += cost * cost;
            }

            return oneOutput
                ? new PackageSample(count, successes, [sum], [squares])
                : new PackageSample(count, successes, [sum, levers[1] * count], [squares, levers[1] * levers[1] * count]);
        }
    }

    [Test]
    public void TheCheapestPackageReachingHalf_IsFoundNearTheKnownOptimum()
    {
        // minimise 2x₁ + x₂ subject to Φ(4(x₁ + x₂ − 1)) ≥ 0.5, i.e. x₁ + x₂ ≥ 1: the optimum is x = (0, 1), cost 1
        var problem = new Noisy();
        var result = PackageOptimizer.Optimize(problem, new OptimizerOptions { Target = 0.5, Seed = 3 });
        var x = result.Confirmation.Levers;
        TestContext.Out.WriteLine($"x = ({x[0]:F3}, {x[1]:F3}), cost {result.Confirmation.Outputs[0]:F3} ± {result.Confirmation.OutputStandardErrors[0]:F3}, P {result.Confirmation.Probability:F3} (true {Noisy.P(x[0], x[1]):F3}), {result.Replications} replications");
        double trueCost = (2 * x[0]) + x[1];
        trueCost.ShouldBeLessThan(1.12); // a random feasible package costs 1.67 on average
        Noisy.P(x[0], x[1]).ShouldBeGreaterThan(0.4);
        Math.Abs(result.Confirmation.Outputs[0] - trueCost).ShouldBeLessThan(4 * result.Confirmation.OutputStandardErrors[0]);
        Math.Abs(result.Confirmation.Probability - Noisy.P(x[0], x[1])).ShouldBeLessThan(4 * Math.Sqrt(0.25 / result.Confirmation.Replications));
        result.Replications.ShouldBe(problem.Evaluations);
        result.Rounds.Count.ShouldBe(5);
    }

    [Test]
    public void TheMostEffectivePackageWithinABudget_IsFoundNearTheKnownOptimum()
    {
        // maximise Φ(4(x₁ + x₂ − 1)) subject to 2x₁ + x₂ ≤ 1.5: the optimum is x = (0.25, 1), P = Φ(1) = 0.841
        var problem = new Noisy();
        var result = PackageOptimizer.Optimize(problem, new OptimizerOptions { Goal = PackageGoal.MostEffectiveWithinBudget, Budget = 1.5, Seed = 4 });
        var x = result.Confirmation.Levers;
        TestContext.Out.WriteLine($"x = ({x[0]:F3}, {x[1]:F3}), cost {result.Confirmation.Outputs[0]:F3}, P {result.Confirmation.Probability:F3} (true {Noisy.P(x[0], x[1]):F3})");
        Noisy.P(x[0], x[1]).ShouldBeGreaterThan(0.76);
        ((2 * x[0]) + x[1]).ShouldBeLessThan(1.56);
    }

    [Test]
    public void TheSearch_IsTheSameWhateverTheThreads()
    {
        var one = PackageOptimizer.Optimize(new Noisy(), new OptimizerOptions { Seed = 9, Rounds = 3, MaxDegreeOfParallelism = 1 });
        var two = PackageOptimizer.Optimize(new Noisy(), new OptimizerOptions { Seed = 9, Rounds = 3, MaxDegreeOfParallelism = 2 });
        two.Confirmation.Levers.ShouldBe(one.Confirmation.Levers);
        two.Confirmation.Probability.ShouldBe(one.Confirmation.Probability);
        two.Rounds.Select(r => r.Incumbent.Outputs[0]).ShouldBe(one.Rounds.Select(r => r.Incumbent.Outputs[0]));
    }

    [Test]
    public void AnUnreachableTarget_OrBudget_IsReportedWithTheBestFound()
    {
        // capped at 0.3, no package reaches 0.6, and 40 replications of the best already show it
        Should.Throw<PackageInfeasibleException>(() => PackageOptimizer.Optimize(new Noisy(cap: 0.3), new OptimizerOptions { Target = 0.6, Rounds = 1 }))
            .Message.ShouldContain("No package within the levers' bounds reaches P = 0.6: the best of 34 reached");
        Should.Throw<PackageInfeasibleException>(() => PackageOptimizer.Optimize(new Noisy(), new OptimizerOptions { Goal = PackageGoal.MostEffectiveWithinBudget, Budget = -1, Rounds = 1 }))
            .Message.ShouldContain("Every package costs more than the budget -1");
        Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => PackageOptimizer.Optimize(new Noisy(), new OptimizerOptions { Goal = PackageGoal.MostEffectiveWithinBudget, Candidates = 2 }))
            .Errors.Select(e => e.ToString()).ShouldBe(["Budget must be a finite number; got NaN.", "Candidates must be in [4, 4096]; got 2."]);
    }
}
