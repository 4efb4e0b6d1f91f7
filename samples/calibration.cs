#:project ../src/SanctionsSim/SanctionsSim.csproj
// Historical cases and calibration: the shipped posterior of the structural parameters, a posterior predictive
// check of a case, a policy comparison that carries the structural uncertainty, and a small ABC-SMC calibration.
//   dotnet run -c Release samples/calibration.cs
//   dotnet run -c Release samples/calibration.cs -- --ci    (smaller; fails if a check below fails)
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

bool ci = args.Contains("--ci");

// 1. The shipped posterior: the library's structural defaults are its medians.
var posterior = Posterior.Default;
foreach (var s in posterior.Population.Summarize())
{
    Console.WriteLine($"{s.Name,-22} median {s.Median,10:G4}   90 % [{s.Lower:G4}, {s.Upper:G4}]");
}

// 2. A case against the posterior predictive: replications draw their structure from the posterior.
var egypt = CasePrediction.Run(HistoricalCases.Get("egypt-2011"), posterior, replications: ci ? 100 : 400);
Console.WriteLine($"egypt-2011: P(the ruler gone within {egypt.Case.Scenario.Weeks} weeks) {egypt.Collapse.Estimate:F2} {egypt.CollapseInterval}, observed: {egypt.Case.Observation.Outcome} in week {egypt.Case.Observation.OutcomeWeek} ({(egypt.Hit ? "hit" : "miss")})");

// 3. A policy effect whose interval includes the structural uncertainty (common random numbers, particles too).
var comparison = new PolicyComparison([Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-amnesty")], Posterior.Default);
var result = comparison.Run(new MonteCarloOptions { Replications = ci ? 200 : 2000, Seed = 1 });
var effect = result.Summary.Effect(1);
Console.WriteLine($"amnesty under the posterior: ΔP(collapse) {effect.CollapseProbabilityDifference:+0.000;-0.000} [{effect.CollapseProbabilityDifferenceInterval.Lower:+0.000;-0.000}, {effect.CollapseProbabilityDifferenceInterval.Upper:+0.000;-0.000}]");

// 4. A small calibration of two structural parameters on two of the smaller cases (each replication draws the
//    cases' uncertain facts within their ranges).
var calibration = new CaseCalibration(
    [HistoricalCases.Get("zimbabwe-2017"), HistoricalCases.Get("mali-1991")],
    [StructuralParameters.Get("generalLoyalty"), StructuralParameters.Get("seniorLoyalty")]);
var abc = AbcSmc.Run(calibration, new AbcOptions { Particles = ci ? 100 : 500, Generations = ci ? 3 : 6, Seed = 7 });
foreach (var g in abc.Generations)
{
    Console.WriteLine($"generation {g.Generation}: ε {g.Tolerance:G4}, {g.Simulations:N0} simulations, acceptance {g.AcceptanceRate:P0}, ESS {g.EffectiveSampleSize:F0}");
}

if (ci)
{
    Check(posterior.Count >= 2000, "the shipped posterior has at least 2,000 particles");
    Check(abc.Posterior.Tolerance < abc.Generations[1].Tolerance, "the tolerance shrinks");
    Check(double.IsFinite(effect.CollapseProbabilityDifferenceStandardError), "the effect has a standard error");
}

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine("check failed: " + what);
        Environment.Exit(1);
    }
}
