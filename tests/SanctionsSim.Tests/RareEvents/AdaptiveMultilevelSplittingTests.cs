using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// Adaptive multilevel splitting against exact answers: a biased random walk's probability of climbing to a level
/// within a horizon before it is absorbed (exact by dynamic programming), from 10⁻² down to 10⁻⁶, with the integer
/// scores tying as the defected share does. Tolerances are four standard errors of the estimate itself.
/// </summary>
public class AdaptiveMultilevelSplittingTests
{
    /// <summary>A ±1 walk from 0, up with probability <paramref name="up"/>; absorbed at <paramref name="floor"/> and at the target; the score is its position.</summary>
    internal sealed class RandomWalk(double up, int floor, int target, int steps) : ISplittingModel
    {
        public int Steps => steps;

        public double Up => up;

        public int Floor => floor;

        public double Target => target;

        private int _simulated;

        /// <summary>Paths simulated so far.</summary>
        public int Count => Volatile.Read(ref _simulated);

        public ISplittingPath CreatePath() => new Path(this);

        /// <summary>The exact probability of reaching the target within the steps, by dynamic programming over positions.</summary>
        public double Exact()
        {
            int size = target - floor + 1;
            var p = new double[size];
            p[-floor] = 1.0;
            double reached = 0;
            for (int t = 0; t < steps; t++)
            {
                var next = new double[size];
                next[0] = p[0]; // absorbed at the floor
                for (int i = 1; i < size - 1; i++)
                {
                    next[i + 1] += p[i] * up;
                    next[i - 1] += p[i] * (1 - up);
                }

                reached += next[size - 1];
                next[size - 1] = 0;
                p = next;
            }

            return reached;
        }

        private sealed class Path(RandomWalk walk) : ISplittingPath
        {
            public void Simulate(ulong seed, long origin, ReadOnlySpan<PathBranch> branches, Span<double> scores)
            {
                Interlocked.Increment(ref walk._simulated);
                ulong key = RandomStream.CounterKey(seed, origin);
                int x = 0, b = 0;
                for (int t = 0; t < walk.Steps; t++)
                {
                    if (b < branches.Length && branches[b].Step == t)
                    {
                        key = branches[b++].Key;
                    }

                    if (x > walk.Floor && x < walk.Target)
                    {
                        x += RandomStream.ToUniform(RandomStream.Mix(key + ((ulong)t * 0x9E3779B97F4A7C15UL))) < walk.Up ? 1 : -1;
                    }

                    scores[t] = x;
                }
            }
        }
    }

    [TestCase(0.4, -10, 10, 60, 100, 40, 101UL)] // p = 1.28 × 10⁻²
    [TestCase(0.3, -5, 11, 80, 100, 40, 102UL)] // p = 8.81 × 10⁻⁵
    [TestCase(0.25, -4, 12, 100, 100, 40, 103UL)] // p = 1.86 × 10⁻⁶
    public void ARandomWalksHittingProbability_IsEstimatedWithinFourStandardErrors(double up, int floor, int target, int steps, int particles, int runs, ulong seed)
    {
        var walk = new RandomWalk(up, floor, target, steps);
        double exact = walk.Exact();
        var result = AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions { Particles = particles, Runs = runs, Seed = seed });
        TestContext.Out.WriteLine($"exact {exact:E4}, splitting {result.Probability:E4} ± {result.StandardError:E2} (relative {result.RelativeError:P1}), {result.Paths} paths, Monte Carlo would need {result.MonteCarloEquivalent:E2}");
        Math.Abs(result.Probability - exact).ShouldBeLessThanOrEqualTo(4 * result.StandardError);
        result.Interval.Lower.ShouldBeLessThan(result.Interval.Upper);
        result.RelativeError.ShouldBeLessThan(0.25);
        result.Paths.ShouldBe(walk.Count);
        result.Extinctions.ShouldBe(0);
    }

    [Test]
    public void AtTenToTheMinusFour_SplittingNeedsFarFewerPathsThanMonteCarlo()
    {
        // the figure docs/performance.md records for the random walk: p ≈ 1e-4 to about 10 % relative error
        var walk = new RandomWalk(0.3, -5, 11, 80);
        var result = AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions { Particles = 200, Runs = 50, Seed = 7 });
        TestContext.Out.WriteLine($"exact {walk.Exact():E4}, splitting {result.Probability:E4} ± {result.StandardError:E2} (relative {result.RelativeError:P1}), {result.Paths} paths, Monte Carlo would need {result.MonteCarloEquivalent:E2}: {result.Speedup:F0}×");
        result.RelativeError.ShouldBeLessThan(0.12);
        result.Speedup.ShouldBeGreaterThan(50);
    }

    [Test]
    public void TheResult_DoesNotDependOnThreads_AndResumingReusesFinishedRuns()
    {
        var walk = new RandomWalk(0.35, -6, 8, 80);
        var one = AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions { Particles = 50, Runs = 8, Seed = 3, MaxDegreeOfParallelism = 1 });
        var two = AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions { Particles = 50, Runs = 8, Seed = 3, MaxDegreeOfParallelism = 2 });
        two.Runs.ShouldBe(one.Runs);
        two.Probability.ShouldBe(one.Probability);

        var fresh = new RandomWalk(0.35, -6, 8, 80);
        var resumed = AdaptiveMultilevelSplitting.Estimate(fresh, new SplittingOptions { Particles = 50, Runs = 8, Seed = 3 }, one.Runs.Take(5));
        resumed.Runs.ShouldBe(one.Runs);
        fresh.Count.ShouldBe((int)one.Runs.Skip(5).Sum(r => r.Paths)); // only the three missing runs were simulated
    }

    [Test]
    public void PathsThatCannotRise_EndExtinct_WithAnEstimateOfZero()
    {
        var stuck = new RandomWalk(0.0, -1, 3, 10); // steps down at once and is absorbed: every path ties at −1
        var result = AdaptiveMultilevelSplitting.Estimate(stuck, new SplittingOptions { Particles = 10, Runs = 4 });
        result.Probability.ShouldBe(0);
        result.Extinctions.ShouldBe(4);
        result.Interval.Upper.ShouldBe(0);
    }

    [Test]
    public void BadOptions_AreNamedWithTheirValueAndRange()
    {
        var walk = new RandomWalk(0.4, -3, 3, 10);
        Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions { Particles = 1, Runs = 1, Confidence = double.NaN }))
            .Errors.Select(e => e.ToString()).ShouldBe(["Particles must be in [2, 1000000]; got 1.", "Runs must be in [2, 100000]; got 1.", "Confidence must be in (0, 1); got NaN."]);
        Should.Throw<ArgumentException>(() => AdaptiveMultilevelSplitting.Estimate(walk, new SplittingOptions(), [new SplittingRun { Index = 99, Estimate = 0, Iterations = 0, Paths = 0, Extinct = false }]))
            .Message.ShouldContain("index 99");
        Should.Throw<ArgumentException>(() => AdaptiveMultilevelSplitting.Estimate(new RandomWalk(0.4, -3, 3, 0)))
            .Message.ShouldContain("at least one step");
    }
}
