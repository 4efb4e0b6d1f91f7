#:project ../src/SanctionsSim/SanctionsSim.csproj
// Does the calibration cover the truth? Simulation-based calibration (Talts et al. 2018) of the case calibration,
// with both case distances on the same synthetic case bases: structures drawn from the prior, one history of each
// case simulated at them, calibrated, and the truth ranked among posterior draws (docs/validation.md).
//   dotnet run -c Release samples/coverage.cs                 (the settings of docs/validation.md)
//   dotnet run -c Release samples/coverage.cs -- --ci         (smaller; fails if the check below fails)
//   dotnet run -c Release samples/coverage.cs -- --bases 40 --particles 120 --generations 4 --seed 1 [--distance mean|outcome-probability|outcome-only]
using System.Diagnostics;
using SanctionsSim.Calibration;

bool ci = args.Contains("--ci");
int bases = Arg("--bases", ci ? 12 : 40), particles = Arg("--particles", ci ? 60 : 120), generations = Arg("--generations", ci ? 3 : 4);
ulong seed = (ulong)Arg("--seed", 1);
string[] caseNames = ci ? ["georgia-2003", "haiti-1991", "mali-1991"] : ["georgia-2003", "haiti-1991", "mali-1991", "kyrgyzstan-2010"];
var cases = caseNames.Select(HistoricalCases.Get).ToArray();
var parameters = new[] { StructuralParameters.Get("generalLoyalty"), StructuralParameters.Get("lowRankDefectionRate") };
Console.WriteLine($"cases {string.Join(", ", caseNames)}; parameters {string.Join(", ", parameters.Select(p => p.Name))}");
Console.WriteLine($"{bases} synthetic case bases, {particles} particles, {generations} generations, {CaseCalibration.DefaultReplicationsPerCase} replications per case, ranks among 99 posterior draws in 5 bins, seed {seed}");

var failures = new List<string>();
int only = Array.IndexOf(args, "--distance");
CaseDistance[] distances = only >= 0 && only + 1 < args.Length
    ? [args[only + 1] switch
    {
        "mean" => CaseDistance.Mean,
        "outcome-probability" => CaseDistance.OutcomeProbability,
        "outcome-only" => CaseDistance.OutcomeOnly,
        string other => throw new ArgumentException($"--distance is '{other}'; use mean, outcome-probability or outcome-only."),
    }]
    : ci ? [CaseDistance.OutcomeProbability] : [CaseDistance.Mean, CaseDistance.OutcomeProbability];
foreach (var distance in distances)
{
    var clock = Stopwatch.StartNew();
    var result = CoverageCheck.Run(cases, parameters, new CoverageCheckOptions
    {
        SyntheticBases = bases, PosteriorDraws = 99, Bins = 5, Distance = distance, Seed = seed,
        Abc = new AbcOptions { Particles = particles, Generations = generations },
    });
    Console.WriteLine($"\ndistance {distance}: {result.Simulations:N0} particle simulations, {clock.Elapsed.TotalSeconds:F0} s");
    Console.WriteLine($"| parameter | 50 % coverage [95 % CI] | 90 % coverage [95 % CI] | bias | RMSE | rank histogram | χ² (4 df) | p |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var p in result.Parameters)
    {
        var c50 = p.Coverage50.Wilson();
        var c90 = p.Coverage90.Wilson();
        Console.WriteLine($"| {p.Name}{(p.LogScale ? " (log)" : "")} | {p.Coverage50.Estimate:F2} [{c50.Lower:F2}, {c50.Upper:F2}] | {p.Coverage90.Estimate:F2} [{c90.Lower:F2}, {c90.Upper:F2}] | {p.Bias:+0.00;-0.00} | {p.RootMeanSquareError:F2} | {string.Join(" ", p.Histogram)} | {p.ChiSquare:F1} | {p.PValue:F3} |");
        if (ci && p.PValue < 0.001)
        {
            failures.Add($"{distance} {p.Name}: the ranks are not uniform (χ² {p.ChiSquare:F1}, p {p.PValue:G2})");
        }

        if (ci && p.Coverage90.Wilson(0.99).Upper < 0.9)
        {
            failures.Add($"{distance} {p.Name}: the 90 % intervals cover {p.Coverage90.Estimate:P0} of the truths, below 90 % beyond doubt");
        }
    }
}

foreach (var f in failures)
{
    Console.Error.WriteLine("check failed: " + f);
}

return failures.Count == 0 ? 0 : 1;

int Arg(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
