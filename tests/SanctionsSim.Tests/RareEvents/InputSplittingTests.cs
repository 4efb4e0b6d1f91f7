using MathNet.Numerics.Distributions;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// Sequential Monte Carlo on the random inputs and the importance sampling it fits, against exact answers: a sum of
/// normal inputs exceeding a threshold (a continuous score) and a count of rare inputs (a discrete score that ties),
/// down to 10⁻⁶. Tolerances are four standard errors of the estimate itself.
/// </summary>
public class InputSplittingTests
{
    /// <summary>Score Σ g_d / √n over n coordinates; P(score ≥ t) = 1 − Φ(t).</summary>
    internal sealed class SumOfNormals(int n, double threshold) : IInputSplittingModel
    {
        private long _scored;

        public double Target => threshold;

        public int Count => n;

        public double Exact => 1 - Normal.CDF(0, 1, threshold);

        public long Scored => Interlocked.Read(ref _scored);

        public IInputSplittingPath CreateInputPath() => new Path(this);

        private sealed class Path(SumOfNormals model) : IInputSplittingPath
        {
            public double Score(RandomInputs inputs)
            {
                Interlocked.Increment(ref model._scored);
                double sum = 0;
                for (int d = 0; d < model.Count; d++)
                {
                    sum += inputs.Normal(0, d);
                }

                return sum / Math.Sqrt(model.Count);
            }
        }
    }

    /// <summary>Score: how many of n uniform inputs fall below q, drawn through a following stream; P(score ≥ k) is a binomial tail.</summary>
    internal sealed class RareCount(int n, double q, int k) : IInputSplittingModel
    {
        public double Target => k;

        public double Exact => 1 - Binomial.CDF(q, n, k - 1);

        public IInputSplittingPath CreateInputPath() => new Path(n, q);

        private sealed class Path(int n, double q) : IInputSplittingPath
        {
            private readonly RandomStream _stream = new(0);

            public double Score(RandomInputs inputs)
            {
                _stream.Follow(inputs, 2);
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    count += _stream.NextDouble() < q ? 1 : 0;
                }

                return count;
            }
        }
    }

    private sealed class Stuck : IInputSplittingModel
    {
        public double Target => 1;

        public IInputSplittingPath CreateInputPath() => new Path();

        private sealed class Path : IInputSplittingPath
        {
            public double Score(RandomInputs inputs) => inputs.Normal(0, 0) > 0 ? 0.5 : 0;
        }
    }

    [TestCase(InputSplittingMethod.Splitting, 3.0)]
    [TestCase(InputSplittingMethod.Splitting, 3.719)]
    [TestCase(InputSplittingMethod.ImportanceSampling, 3.719)]
    [TestCase(InputSplittingMethod.ImportanceSampling, 4.753)]
    public void Estimates_the_tail_of_a_sum_of_inputs(InputSplittingMethod method, double threshold)
    {
        var model = new SumOfNormals(10, threshold);
        var options = new InputSplittingOptions { Method = method, Particles = method == InputSplittingMethod.Splitting ? 400 : 200, Runs = 10, PilotParticles = 400, MoveSteps = 3, Seed = 11 };
        var result = InputSplitting.Estimate(model, options);
        TestContext.Out.WriteLine($"{method} exact {model.Exact:G4} estimate {result.Probability:G4} ± {result.StandardError:G3}, {result.Paths} replications ({model.Scored} scored), speedup {result.Speedup:G3}");
        result.Probability.ShouldBe(model.Exact, 4 * result.StandardError);
        result.RelativeError.ShouldBeLessThan(0.25);
        result.Paths.ShouldBe(model.Scored);
        result.Levels.ShouldNotBeNull().Levels[^1].ShouldBe(threshold);
        if (method == InputSplittingMethod.ImportanceSampling)
        {
            // the pilot finds the inputs that matter (all ten count equally) and shifts them towards the event
            result.Levels.Shift.Count.ShouldBeGreaterThanOrEqualTo(5);
            result.Levels.Shift.ShouldAllBe(c => c.Block == 0 && c.Coordinate < 10 && c.Mean > 0.5);
            result.Speedup.ShouldBeGreaterThan(50);
        }
    }

    [TestCase(InputSplittingMethod.Splitting)]
    [TestCase(InputSplittingMethod.ImportanceSampling)]
    public void Estimates_a_discrete_score_that_ties(InputSplittingMethod method)
    {
        var model = new RareCount(40, 0.1, 14);
        var options = new InputSplittingOptions { Method = method, Particles = 400, Runs = 10, PilotParticles = 400, MoveSteps = 3, Seed = 5 };
        var result = InputSplitting.Estimate(model, options);
        TestContext.Out.WriteLine($"{method} exact {model.Exact:G4} estimate {result.Probability:G4} ± {result.StandardError:G3}, {result.Paths} replications, levels {string.Join(" ", result.Levels!.Levels)}");
        model.Exact.ShouldBeInRange(1e-5, 1e-3);
        result.Probability.ShouldBe(model.Exact, 4 * result.StandardError);
        result.RelativeError.ShouldBeLessThan(0.3);
        result.Levels.Levels.ShouldAllBe(l => l == Math.Floor(l)); // the levels are scores that occurred
    }

    [Test]
    public void The_result_does_not_depend_on_the_threads_and_completed_runs_are_reused()
    {
        var model = new SumOfNormals(10, 3.0);
        foreach (var method in new[] { InputSplittingMethod.Splitting, InputSplittingMethod.ImportanceSampling })
        {
            var one = InputSplitting.Estimate(model, new InputSplittingOptions { Method = method, Particles = 100, Runs = 4, PilotParticles = 100, Seed = 3, MaxDegreeOfParallelism = 1 });
            var two = InputSplitting.Estimate(model, new InputSplittingOptions { Method = method, Particles = 100, Runs = 4, PilotParticles = 100, Seed = 3, MaxDegreeOfParallelism = 2 });
            two.Runs.ShouldBe(one.Runs);
            two.Levels!.Levels.ShouldBe(one.Levels!.Levels);
            var saved = new List<SplittingRun>();
            var resumed = InputSplitting.Estimate(model, new InputSplittingOptions { Method = method, Particles = 100, Runs = 4, PilotParticles = 100, Seed = 3 }, one.Levels, one.Runs.Take(2), saved.Add);
            resumed.Runs.ShouldBe(one.Runs);
            saved.Select(r => r.Index).ShouldBe([2, 3]);
            InputSplitting.Estimate(model, new InputSplittingOptions { Method = method, Particles = 100, Runs = 4, PilotParticles = 100, Seed = 4 }).Probability.ShouldNotBe(one.Probability);
        }
    }

    [Test]
    public void The_move_size_adapts_towards_an_acceptance_of_a_fifth_to_a_half()
    {
        InputSplitting.Adapt(0.8, 0.1).ShouldBe(0.9, 1e-12);
        InputSplitting.Adapt(0.8, 0.3).ShouldBe(0.8);
        InputSplitting.Adapt(0.8, 0.7).ShouldBe(0.6, 1e-12);
        InputSplitting.Adapt(0.2, 0.9).ShouldBe(0);
        double rho = 0.9;
        for (int i = 0; i < 100; i++)
        {
            rho = InputSplitting.Adapt(rho, 0);
        }

        rho.ShouldBe(0.999); // never 1, which would stop the moves
    }

    [Test]
    public void A_score_that_cannot_rise_stops_the_pilot_with_a_reason()
    {
        Should.Throw<InvalidOperationException>(() => InputSplitting.Pilot(new Stuck(), new InputSplittingOptions { PilotParticles = 50 })).Message.ShouldContain("stuck at 0.5");
        Should.Throw<InvalidOperationException>(() => InputSplitting.Pilot(new SumOfNormals(10, 30), new InputSplittingOptions { PilotParticles = 50, MaxLevels = 3 })).Message.ShouldContain("MaxLevels = 3");
    }

    [Test]
    public void An_estimate_whose_pilot_is_stuck_is_an_upper_bound_not_an_error()
    {
        // the score never reaches the target: the pilot's 50 independent prior draws all miss it, so the one-sided 95 %
        // Clopper–Pearson bound is 1 − 0.05^(1/50) (≈ 3/50, the rule of three)
        var result = InputSplitting.Estimate(new Stuck(), new InputSplittingOptions { PilotParticles = 50, Particles = 20, Runs = 2 });
        result.UpperBound.ShouldNotBeNull();
        result.UpperBound!.Value.ShouldBe(1 - Math.Pow(0.05, 1.0 / 50), 1e-12);
        result.Interval.Lower.ShouldBe(0);
        result.Interval.Upper.ShouldBe(result.UpperBound.Value);
        result.Probability.ShouldBe(0);
        result.Runs.Count.ShouldBe(0);
        result.Paths.ShouldBeGreaterThanOrEqualTo(50);
        result.Unresolvable!.StuckAt.ShouldBe(0.5);

        // with one of 50 draws at the target the bound is the p at which at most one hit has probability 0.05
        var one = SplittingResult.Unresolved(new UnresolvedRareEventException(0.5, 1, 2, 50, 1, 0.1, 100), 20, 1, 0.95);
        MathNet.Numerics.Distributions.Binomial.CDF(one.UpperBound!.Value, 50, 1).ShouldBe(0.05, 1e-9);

        // a resolved estimate has no bound
        InputSplitting.Estimate(new SumOfNormals(10, 2.0), new InputSplittingOptions { PilotParticles = 100, Particles = 50, Runs = 2 }).UpperBound.ShouldBeNull();
    }

    [Test]
    public void Bad_options_and_levels_are_refused_with_their_ranges()
    {
        var e = Should.Throw<ArgumentException>(() => new InputSplittingOptions { Particles = 5, Runs = 1, PilotParticles = 0, LevelProportion = double.NaN, MoveSteps = 0, InitialCorrelation = 1, DefensiveShare = 0, MaxLevels = 0, Confidence = 1, MaxDegreeOfParallelism = 0 }.Validate());
        foreach (string field in new[] { "Particles must be in [10, 1000000]; got 5", "Runs must", "PilotParticles must", "LevelProportion must be in [0.02, 0.8]; got NaN", "MoveSteps", "InitialCorrelation", "DefensiveShare", "MaxLevels", "Confidence", "MaxDegreeOfParallelism" })
        {
            e.Message.ShouldContain(field);
        }

        var model = new SumOfNormals(10, 3.0);
        var bad = new SplittingLevels { Levels = [1.0, 0.5, 3.0], Correlations = [0.5, 0.5], Acceptance = [0.3, 0.3], PilotEstimate = 0.01, Paths = 10 };
        Should.Throw<ArgumentException>(() => InputSplitting.Estimate(model, new InputSplittingOptions { Particles = 10, Runs = 2 }, bad)).Message.ShouldContain("Levels[1]");
        var wrongTarget = bad with { Levels = [1.0, 2.0, 2.5] };
        Should.Throw<ArgumentException>(() => InputSplitting.Estimate(model, new InputSplittingOptions { Particles = 10, Runs = 2 }, wrongTarget)).Message.ShouldContain("target 3");
        Should.Throw<ArgumentNullException>(() => InputSplitting.Estimate(null!));
    }
}
