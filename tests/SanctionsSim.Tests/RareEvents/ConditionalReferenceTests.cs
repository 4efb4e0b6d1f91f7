using MathNet.Numerics.Distributions;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// The reference of the rare-event coverage study (conditioning on one input, quadrature over its density) against
/// an exact answer and against brute-force Monte Carlo where the event is not rare; the joint event of two regimes.
/// Tolerances are four combined standard errors plus the reference's stated systematic error.
/// </summary>
public class ConditionalReferenceTests
{
    /// <summary>The small regime of samples/rare-event-coverage.cs (a tenth of the officers, 26 weeks).</summary>
    internal static Scenario Small(double cohesionUncertainty)
    {
        var b = TestStructure.Preset("venezuela-2019");
        return b with
        {
            Name = "venezuela-2019-small",
            Weeks = 26,
            Decision = b.Decision with { CohesionUncertainty = cohesionUncertainty },
            Factions = b.Factions.Select(f => f with { Generals = Math.Max(2, (int)Math.Round(f.Generals * 0.1)) }).ToList(),
        };
    }

    /// <summary>
    /// Score w·g₀ + √(1 − w²)·(g₁ + … + g₉)/3, a standard normal dominated by input 0: P(score ≥ t) = 1 − Φ(t), and
    /// given g₀ = z the event has probability Φ((w·z − t)/√(1 − w²)), a probit curve in z.
    /// </summary>
    internal sealed class Dominated(double weight, double threshold) : IInputSplittingModel
    {
        private long _scored;

        public double Target => threshold;

        public double Exact => 1 - Normal.CDF(0, 1, threshold);

        public double Rest => Math.Sqrt(1 - (weight * weight));

        public long Scored => Interlocked.Read(ref _scored);

        public IInputSplittingPath CreateInputPath() => new Path(this, weight);

        private sealed class Path(Dominated model, double weight) : IInputSplittingPath
        {
            public double Score(RandomInputs inputs)
            {
                Interlocked.Increment(ref model._scored);
                double rest = 0;
                for (int d = 1; d < 10; d++)
                {
                    rest += inputs.Normal(0, d);
                }

                return (weight * inputs.Normal(0, 0)) + (model.Rest * rest / 3);
            }
        }
    }

    [TestCase(3.0)]
    [TestCase(3.719)]
    [TestCase(4.753)]
    public void Is_exact_when_the_event_is_dominated_by_the_conditioning_input(double threshold)
    {
        var model = new Dominated(0.95, threshold);
        var result = ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Replications = 20_000, Seed = 3 });
        TestContext.Out.WriteLine($"exact {model.Exact:G5} reference {result.Probability:G5} ± {result.StandardError:G3} (quadrature {result.QuadratureError:G2}, truncation {result.TruncationBound:G2}), probit {result.ProbitIntercept:F3} + {result.ProbitSlope:F3} z, {result.Replications} replications");
        result.Probability.ShouldBe(model.Exact, (4 * result.StandardError) + result.SystematicError);
        result.RelativeError.ShouldBeLessThan(0.05);
        result.SystematicError.ShouldBeLessThan(1e-3 * model.Exact);

        // the fitted curve is the true one, Φ(−t/√(1 − w²) + z·w/√(1 − w²)), within its noise
        result.ProbitSlope.ShouldBe(0.95 / model.Rest, 0.1 * 0.95 / model.Rest);
        result.ProbitIntercept.ShouldBe(-threshold / model.Rest, 0.1 * threshold / model.Rest);
        result.Replications.ShouldBe(model.Scored);
    }

    [Test]
    public void Says_how_far_off_it_is_when_the_conditioning_input_does_not_dominate()
    {
        // Σ g_d / √10 ≥ 3.719 conditioned on g₀ alone: given g₀ = z the event is still rare (p(z) ≤ 10⁻³ where φ(z)p(z)
        // is large), so plain Monte Carlo at the nodes sees few hits; the reference stays unbiased and its stated error says so
        var model = new InputSplittingTests.SumOfNormals(10, 3.719);
        var result = ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Replications = 20_000, Seed = 3 });
        TestContext.Out.WriteLine($"exact {model.Exact:G5} reference {result.Probability:G5} ± {result.StandardError:G3}");
        result.Probability.ShouldBe(model.Exact, (4 * result.StandardError) + result.SystematicError);
        result.RelativeError.ShouldBeGreaterThan(0.1);
    }

    [Test]
    public void Agrees_with_brute_force_Monte_Carlo_where_the_event_is_not_rare()
    {
        var scenario = Small(0.5);
        var plain = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 20_000, Seed = 5 }).Summary.CollapseProbability;
        var reference = ConditionalReference.Estimate(new ScenarioSplitting(scenario), new ConditionalReferenceOptions { Replications = 20_000, Seed = 6 });
        TestContext.Out.WriteLine($"plain {plain.Estimate:G4} ± {plain.StandardError:G3}; reference {reference.Probability:G4} ± {reference.StandardError:G3} (quadrature {reference.QuadratureError:G2}), {reference.Replications} replications");
        plain.Estimate.ShouldBeInRange(0.01, 0.5); // not rare: plain Monte Carlo sees hundreds of collapses
        reference.Probability.ShouldBe(plain.Estimate, (4 * Math.Sqrt((plain.StandardError * plain.StandardError) + (reference.StandardError * reference.StandardError))) + reference.SystematicError);
        reference.StandardError.ShouldBeLessThan(plain.StandardError); // conditioning gains even here
    }

    [Test]
    public void Two_regimes_collapse_together_with_the_product_of_their_probabilities()
    {
        Scenario first = Small(0.6), second = Small(0.8);
        var joint = new JointCollapse(first, second);
        var a = ConditionalReference.Estimate(new ScenarioSplitting(first), new ConditionalReferenceOptions { Replications = 10_000, Seed = 7 });
        var b = ConditionalReference.Estimate(new ScenarioSplitting(second), new ConditionalReferenceOptions { Replications = 10_000, Seed = 8 });
        double product = a.Probability * b.Probability;
        double productError = Math.Sqrt(Math.Pow(b.Probability * a.StandardError, 2) + Math.Pow(a.Probability * b.StandardError, 2));
        var path = joint.CreateInputPath();
        const int n = 12_000;
        int hits = 0;
        RandomInputs? spare = null;
        for (int i = 0; i < n; i++)
        {
            var inputs = RandomInputs.FromPrior(9, i, spare);
            hits += path.Score(inputs) >= joint.Target ? 1 : 0;
            spare = inputs;
        }

        var plain = new ProportionEstimate(hits, n);
        TestContext.Out.WriteLine($"{a.Probability:G4} × {b.Probability:G4} = {product:G4} ± {productError:G3}; plain {plain.Estimate:G4} ± {plain.StandardError:G3}");
        plain.Successes.ShouldBeGreaterThan(50);
        product.ShouldBe(plain.Estimate, 4 * Math.Sqrt((plain.StandardError * plain.StandardError) + (productError * productError)));
    }

    [Test]
    public void The_joint_score_is_the_smaller_of_the_two_regimes_and_the_first_reads_the_single_regimes_inputs()
    {
        Scenario scenario = Small(0.5);
        var single = new ScenarioSplitting(scenario).CreateInputPath();
        var joint = new JointCollapse(scenario, scenario).CreateInputPath();
        for (int i = 0; i < 8; i++)
        {
            joint.Score(RandomInputs.FromPrior(2, i)).ShouldBeLessThanOrEqualTo(single.Score(RandomInputs.FromPrior(2, i)));
        }

        // the first regime reads blocks 0 … 4 as the single one does; the second's cohesion is coordinate 0 of block 5:
        // the first's six standard deviations low falls, the second's six high does not, so the pair does not
        var shifted = new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 0, Mean = -6 }, new ShiftedCoordinate { Block = JointCollapse.SecondBlock, Coordinate = 0, Mean = 6 }]);
        single.Score(RandomInputs.FromShiftedPrior(2, 0, shifted)).ShouldBeGreaterThanOrEqualTo(1.0);
        joint.Score(RandomInputs.FromShiftedPrior(2, 0, shifted)).ShouldBeLessThan(1.0);
        var both = new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 0, Mean = -6 }, new ShiftedCoordinate { Block = JointCollapse.SecondBlock, Coordinate = 0, Mean = -6 }]);
        joint.Score(RandomInputs.FromShiftedPrior(2, 0, both)).ShouldBeGreaterThanOrEqualTo(1.0);
    }

    [Test]
    public void Does_not_depend_on_the_threads()
    {
        var model = new Dominated(0.95, 3.0);
        var one = ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Replications = 3000, MaxDegreeOfParallelism = 1 });
        var two = ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Replications = 3000, MaxDegreeOfParallelism = 2 });
        two.Nodes.ShouldBe(one.Nodes);
        two.Probability.ShouldBe(one.Probability);
        ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Replications = 3000, Seed = 2 }).Probability.ShouldNotBe(one.Probability);
    }

    [Test]
    public void Bad_options_are_refused_with_their_ranges()
    {
        var e = Should.Throw<ArgumentException>(() => new ConditionalReferenceOptions { Block = 16, Coordinate = -1, Lower = 1, Upper = double.NaN, Panels = 0, PointsPerPanel = 1, PilotReplications = 1, Replications = 0, MinReplications = 1, MaxDegreeOfParallelism = 0 }.Validate());
        foreach (string field in new[] { "Block must be in [0, 16); got 16", "Coordinate must", "Upper must be a finite number; got NaN", "Panels must be in [1, 10000]; got 0", "PointsPerPanel", "PilotReplications", "Replications must be in [1, 1000000000]; got 0", "MinReplications", "MaxDegreeOfParallelism" })
        {
            e.Message.ShouldContain(field);
        }

        Should.Throw<ArgumentNullException>(() => ConditionalReference.Estimate(null!));
    }
}
