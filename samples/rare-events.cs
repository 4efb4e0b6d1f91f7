#:project ../src/SanctionsSim/SanctionsSim.csproj
// A rare collapse: the Venezuela 2019 baseline with a more cohesive officer corps falls in about 1 run in 10,000.
// Importance sampling fitted by a splitting pilot on the random inputs estimates it in seconds; sequential Monte
// Carlo on the inputs is the alternative without a shift. docs/rare-events.md explains both.
//   dotnet run -c Release samples/rare-events.cs
//   dotnet run -c Release samples/rare-events.cs -- --ci    (smaller; fails if a check below fails)
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;

bool ci = args.Contains("--ci");
var baseline = Presets.Get("venezuela-2019");
var cohesive = baseline with { Name = "venezuela-2019-cohesive", Decision = baseline.Decision with { CohesionUncertainty = 0.18 } };
var model = new ScenarioSplitting(cohesive);

// 1. The default: a pilot finds the inputs that decide the collapse, importance sampling draws them from there.
var options = new InputSplittingOptions { Particles = ci ? 50 : 200, Runs = ci ? 4 : 20, PilotParticles = ci ? 200 : 500, Seed = 1 };
var estimate = InputSplitting.Estimate(model, options);
Console.WriteLine($"P(collapse) {estimate.Probability:G3} {estimate.Interval}, relative error {estimate.RelativeError:P1}, {estimate.Paths:N0} replications");
Console.WriteLine($"plain Monte Carlo would need {estimate.MonteCarloEquivalent:N0} replications for that error");
foreach (var shifted in estimate.Levels!.Shift)
{
    Console.WriteLine($"the pilot moved input {shifted.Coordinate} of block {shifted.Block} to {shifted.Mean:F2} standard deviations");
}

// 2. Sequential Monte Carlo on the inputs with the pilot's levels, for comparison.
var splittingOptions = options.Clone();
splittingOptions.Method = InputSplittingMethod.Splitting;
var splitting = InputSplitting.Estimate(model, splittingOptions, estimate.Levels);
Console.WriteLine($"by splitting: {splitting.Probability:G3} {splitting.Interval}, {splitting.Paths:N0} replications");

if (ci)
{
    Check(estimate.Levels.Shift.Any(c => c.Block == 0 && c.Coordinate == 0 && c.Mean < -2), "the pilot finds the corps' cohesion (block 0, input 0) and moves it down");
    Check(estimate.Probability is > 1e-5 and < 1e-3, "the collapse is rare: about 1 in 10,000");
    Check(estimate.Interval.Lower <= estimate.Probability && estimate.Probability <= estimate.Interval.Upper, "the estimate lies in its interval");
    Check(splitting.Interval.Lower <= splitting.Probability && splitting.Probability <= splitting.Interval.Upper, "the splitting estimate lies in its interval");
}

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine("check failed: " + what);
        Environment.Exit(1);
    }
}
