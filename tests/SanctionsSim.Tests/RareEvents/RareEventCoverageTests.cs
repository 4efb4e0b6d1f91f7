using MathNet.Numerics.Distributions;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// Coverage of the rare-event intervals: the share of 95 % intervals that cover a known probability must be
/// consistent with 95 % (a binomial lower tail above 0.005) at the settings CI runs samples/rare-event-coverage.cs
/// with (--ci: 40 seeds per event) and on the two regimes' joint collapse (--ci --two-regimes). At 40 seeds the check
/// catches a collapse of coverage, not a miss of a few points: the coverage study of docs/rare-events.md measures that.
/// </summary>
public class RareEventCoverageTests
{
    private static readonly InputSplittingOptions CiOptions = new() { Particles = 100, Runs = 10, PilotParticles = 200, Seed = 1 };

    [Test]
    public void Splitting_intervals_cover_an_exact_ten_input_tail_and_importance_sampling_is_worse_there()
    {
        var model = new InputSplittingTests.SumOfNormals(10, 3.719); // 1 − Φ(3.719) = 10⁻⁴, every input counts equally
        var result = RareEventCoverage.Run(model, model.Exact, CiOptions, 40);
        foreach (var row in result.Rows)
        {
            Report(row);
        }

        var splitting = result.Rows.Single(r => r.Method == InputSplittingMethod.Splitting);
        Binomial.CDF(0.95, (int)splitting.Coverage.Trials, splitting.Coverage.Successes).ShouldBeGreaterThan(0.005);
        splitting.RelativeBias.ShouldBe(0, 4 * splitting.RelativeBiasError); // unbiased

        // a pilot of 200 with one move per level fits a poor shift for ten equal inputs: importance sampling's batches
        // mostly miss the event and its intervals fall below the truth (docs/rare-events.md, §Which method when)
        var importance = result.Rows.Single(r => r.Method == InputSplittingMethod.ImportanceSampling);
        importance.WorkNormalizedVariance.ShouldBeGreaterThan(splitting.WorkNormalizedVariance);
    }

    [Test]
    public void Intervals_cover_the_single_regimes_reference_at_the_CI_settings()
    {
        // the event and settings of samples/rare-event-coverage.cs -- --ci
        Scenario one = ConditionalReferenceTests.Small(0.15);
        var reference = ConditionalReference.Estimate(new ScenarioSplitting(one), new ConditionalReferenceOptions { Replications = 60_000, Seed = 1 });
        CheckCoverage(new ScenarioSplitting(one), reference.Probability, reference.RelativeError);
    }

    [Test]
    // with Student's interval this check failed (33 of 40 for importance sampling; 0.79 and 0.76 at 100 seeds, every
    // miss below the truth); with the skew-corrected interval both methods cover 34 of 40 (docs/rare-events.md)
    public void Intervals_cover_the_two_regimes_reference_at_the_CI_settings()
    {
        Scenario first = ConditionalReferenceTests.Small(0.22), second = ConditionalReferenceTests.Small(0.25);
        var a = ConditionalReference.Estimate(new ScenarioSplitting(first), new ConditionalReferenceOptions { Replications = 60_000, Seed = 2 });
        var b = ConditionalReference.Estimate(new ScenarioSplitting(second), new ConditionalReferenceOptions { Replications = 60_000, Seed = 3 });
        CheckCoverage(new JointCollapse(first, second), a.Probability * b.Probability, Math.Sqrt((a.RelativeError * a.RelativeError) + (b.RelativeError * b.RelativeError)));
    }

    private static void CheckCoverage(IInputSplittingModel model, double reference, double relativeError)
    {
        TestContext.Out.WriteLine($"reference {reference:G4} ± {relativeError:P1}");
        relativeError.ShouldBeLessThan(0.05); // much smaller than the estimators' errors (25–100 %)
        var result = RareEventCoverage.Run(model, reference, CiOptions, 40);
        foreach (var row in result.Rows)
        {
            Report(row);
        }

        foreach (var row in result.Rows)
        {
            Binomial.CDF(0.95, (int)row.Coverage.Trials, row.Coverage.Successes).ShouldBeGreaterThan(0.005, $"{row.Method}: {row.Coverage.Successes} of {row.Coverage.Trials}");
        }
    }

    [Test]
    public void Bad_arguments_are_refused()
    {
        var model = new InputSplittingTests.SumOfNormals(10, 3.0);
        Should.Throw<ArgumentException>(() => RareEventCoverage.Run(model, 0, CiOptions, 10)).Message.ShouldContain("reference must be a probability in (0, 1); got 0");
        Should.Throw<ArgumentException>(() => RareEventCoverage.Run(model, 0.01, CiOptions, 0)).Message.ShouldContain("seeds must be in [1, 1000000]; got 0");
        Should.Throw<ArgumentException>(() => RareEventCoverage.Run(model, 0.01, new InputSplittingOptions { Runs = 1 }, 10)).Message.ShouldContain("Runs must");
    }

    private static void Report(RareEventCoverageRow row)
        => TestContext.Out.WriteLine($"{row.Method}: coverage {row.Coverage.Successes}/{row.Coverage.Trials}, below {row.Below}, above {row.Above}, relative bias {row.RelativeBias:+0.000;-0.000} ± {row.RelativeBiasError:F3}, relative RMSE {row.RelativeRmse:F3}, reported {row.MeanReportedRelativeError:F3}, {row.MeanReplications:N0} replications");
}
