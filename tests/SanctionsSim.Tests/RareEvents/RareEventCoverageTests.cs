using MathNet.Numerics.Distributions;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;

namespace SanctionsSim.Tests.RareEvents;

/// <summary>
/// Coverage of the rare-event intervals: the share of 95 % intervals that cover a known probability must be
/// consistent with 95 % (a binomial lower tail above 0.005) on an exact tail and at the settings CI runs
/// samples/rare-event-coverage.cs with (--ci: 40 seeds per event).
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
    public void Intervals_cover_the_conditional_references_at_the_CI_settings()
    {
        // the events and settings of samples/rare-event-coverage.cs -- --ci
        Scenario one = ConditionalReferenceTests.Small(0.15), first = ConditionalReferenceTests.Small(0.22), second = ConditionalReferenceTests.Small(0.25);
        var refOne = ConditionalReference.Estimate(new ScenarioSplitting(one), new ConditionalReferenceOptions { Replications = 60_000, Seed = 1 });
        var refFirst = ConditionalReference.Estimate(new ScenarioSplitting(first), new ConditionalReferenceOptions { Replications = 60_000, Seed = 2 });
        var refSecond = ConditionalReference.Estimate(new ScenarioSplitting(second), new ConditionalReferenceOptions { Replications = 60_000, Seed = 3 });
        var events = new (IInputSplittingModel Model, double Reference, double RelativeError)[]
        {
            (new ScenarioSplitting(one), refOne.Probability, refOne.RelativeError),
            (new JointCollapse(first, second), refFirst.Probability * refSecond.Probability, Math.Sqrt((refFirst.RelativeError * refFirst.RelativeError) + (refSecond.RelativeError * refSecond.RelativeError))),
        };
        foreach (var e in events)
        {
            TestContext.Out.WriteLine($"reference {e.Reference:G4} ± {e.RelativeError:P1}");
            e.RelativeError.ShouldBeLessThan(0.05); // much smaller than the estimators' errors
            var result = RareEventCoverage.Run(e.Model, e.Reference, CiOptions, 40);
            foreach (var row in result.Rows)
            {
                Report(row);
                Binomial.CDF(0.95, (int)row.Coverage.Trials, row.Coverage.Successes).ShouldBeGreaterThan(0.005, $"{row.Method}: {row.Coverage.Successes} of {row.Coverage.Trials}");
            }
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
