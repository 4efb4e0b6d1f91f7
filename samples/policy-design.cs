#:project ../src/SanctionsSim/SanctionsSim.csproj
// Policy design on the Venezuela 2019 scenario: the cheapest package reaching a collapse probability, the trade-off
// between collapse and costs, candidate policies across the calibration posterior, where a policy fails (PRIM), and a
// rare collapse by importance sampling fitted by a splitting pilot. docs/policy-design.md walks through it.
//   dotnet run -c Release samples/policy-design.cs
//   dotnet run -c Release samples/policy-design.cs -- --ci    (smaller; fails if a check below fails)
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Design;
using SanctionsSim.Experiments;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;

bool ci = args.Contains("--ci");
var venezuela = Presets.Get("venezuela-2019");

// 1. The cheapest package reaching P(collapse) ≥ 0.5: levers with bounds, the senders' cost, common random numbers.
var problem = new ScenarioPackageProblem(venezuela,
    [ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0, 1), ExperimentParameter.Uniform("coalition.us.contactCampaign.reachPerWeek", 0, 200)],
    ["senderCost"]);
var cheapest = PackageOptimizer.Optimize(problem, new OptimizerOptions { Target = 0.5, Candidates = ci ? 8 : 32, InitialReplications = ci ? 10 : 40, Rounds = ci ? 2 : 5, ConfirmationReplications = ci ? 100 : 2000, Seed = 2019 });
var c = cheapest.Confirmation;
Console.WriteLine($"cheapest package: credibility {c.Levers[0]:F2}, contacts {c.Levers[1]:F0}/week: P(collapse) {c.Probability:F3} {c.ProbabilityInterval}, sender cost {c.Outputs[0]:G3} ± {c.OutputStandardErrors[0]:G2} (fresh runs); meets the goal beyond doubt: {cheapest.MeetsGoalWithConfidence}");

// 2. The trade-off between collapse, the senders' cost and the humanitarian burden (NSGA-II).
var twoCosts = new ScenarioPackageProblem(venezuela, problem.Levers, ["senderCost", "humanitarianBurden"]);
var front = ParetoSearch.Run(twoCosts, new ParetoOptions { Population = ci ? 8 : 24, Generations = ci ? 1 : 8, Replications = ci ? 10 : 100, ConfirmationReplications = ci ? 20 : 400, Seed = 2019 });
foreach (var p in front.Front)
{
    Console.WriteLine($"front: P {p.Estimate.Probability:F3}, sender cost {p.Estimate.Outputs[0]:G3}, burden {p.Estimate.Outputs[1]:G3}");
}

// 3. Candidate policies across the calibration posterior: satisficing share and regret.
var robust = RobustChoice.Evaluate([venezuela, Presets.Get("venezuela-2019-contact"), Presets.Get("venezuela-2019-amnesty")], Posterior.Default,
    new RobustChoiceOptions { Particles = ci ? 10 : 200, ReplicationsPerParticle = ci ? 5 : 40, Target = 0.5, Seed = 2019 });
foreach (var arm in robust.Arms.OrderBy(a => a.Rank))
{
    Console.WriteLine($"{arm.Rank}. {arm.Name}: reaches 0.5 at {arm.SatisficingShare:P0} of particles {arm.SatisficingInterval}, mean regret {arm.MeanRegret:F3}");
}

// 4. Where the contact campaign fails: PRIM over the structural parameters of the particles.
var names = Posterior.Default.Parameters.Select(p => p.Name).ToArray();
var rows = Enumerable.Range(0, robust.Particles.Count).Select(i => Enumerable.Range(0, names.Length).Select(j => robust.Parameter(i, j)).ToArray()).ToList();
var fails = Enumerable.Range(0, robust.Particles.Count).Select(i => robust.Estimate(i, 1) < 0.5).ToList();
if (fails.Contains(true))
{
    var box = Prim.Peel(names, rows, fails).Choose(0.5);
    Console.WriteLine($"contact fails in a box of coverage {box.Coverage:P0}, density {box.Density:P0}: " + string.Join(", ", box.Limits.Where(l => l.Restricted).Select(l => $"{l.Name} in [{l.Lower:G3}, {l.Upper:G3}]")));
}

// 5. A rare collapse: importance sampling fitted by a splitting pilot on the random inputs (samples/rare-events.cs).
var rare = InputSplitting.Estimate(new ScenarioSplitting(venezuela), new InputSplittingOptions { Particles = ci ? 20 : 200, Runs = ci ? 2 : 10, PilotParticles = ci ? 50 : 300, Seed = 2019 });
Console.WriteLine($"P(collapse) {rare.Probability:G3} {rare.Interval}, {rare.Paths:N0} replications");

if (ci)
{
    Check(c.Replications == 100 && c.ProbabilityInterval.Lower <= c.Probability, "the package is confirmed on fresh runs with an interval");
    Check(front.Front.Count > 0 && front.Points.Count == 8, "the Pareto search returns its population and a front");
    Check(robust.Arms.Select(a => a.Rank).Order().SequenceEqual([1, 2, 3]), "the arms are ranked");
    Check(rare.Interval.Lower <= rare.Probability && rare.Probability <= rare.Interval.Upper, "the rare-event estimate lies in its interval");
}

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine("check failed: " + what);
        Environment.Exit(1);
    }
}
