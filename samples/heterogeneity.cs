#:project ../src/SanctionsSim/SanctionsSim.csproj
// Officers who differ (docs/model.md, §2 Eq. 5' and 6): how P(collapse) scales with the horizon when part of the
// officers' dispersion is a fixed grievance drawn once per replication (σ_g) rather than noise drawn afresh every
// week (τ_w = τ · weeklyNoiseScale). For each σ_g the weekly multiplier is set, by bisection on common random numbers,
// so that the first week's defections per officer match the preset's (σ_g = 0, multiplier 1); the largest σ_g is the
// one the grievances alone match (multiplier 0: no weekly noise at all). Then the same replications run 104 weeks and
// P(collapse by week h) is read at h = 26, 52 and 104 (a 26-week run gives the same count: checked below).
//
//   dotnet run -c Release samples/heterogeneity.cs                       1,000 replications per row (docs/model.md)
//   dotnet run -c Release samples/heterogeneity.cs -- --preset NAME     another preset
//   dotnet run -c Release samples/heterogeneity.cs -- --ci              a quick run
using System.Globalization;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool ci = args.Contains("--ci");
int at = Array.IndexOf(args, "--preset");
string name = at >= 0 && at + 1 < args.Length ? args[at + 1] : "venezuela-2019-eu-oil";
int runs = ci ? 100 : 1000;
int hazardRuns = ci ? 100 : 1000;
const ulong Seed = 2024;
Scenario preset = Presets.Get(name);
int[] horizons = [26, 52, 104];
int officers = preset.Factions.Sum(f => f.Generals * (1 + f.SeniorOfficersPerGeneral));

Scenario With(double sigma, double weekly, int weeks) => preset with
{
    Weeks = weeks,
    Events = preset.Events.Where(e => e.Week < weeks).ToArray(),
    Decision = preset.Decision with { GrievanceSd = sigma, WeeklyNoiseScale = weekly },
};

// the first week's defections per officer: mean and standard error over replications 0 … hazardRuns − 1
(double Mean, double Se) FirstWeek(double sigma, double weekly)
{
    var model = new SanctionsModel(With(sigma, weekly, 1));
    var x = Enumerable.Range(0, hazardRuns).Select(r => model.RunSingle(Seed, r).NewDefectorsPath[0] / (double)officers).ToArray();
    double mean = x.Average();
    double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
    return (mean, sd / Math.Sqrt(x.Length));
}

// the root in [lo, hi] of an increasing f − target, by bisection
double Bisect(Func<double, double> f, double target, double lo, double hi)
{
    for (int step = 0; step < 14; step++)
    {
        double mid = (lo + hi) / 2;
        (lo, hi) = f(mid) < target ? (mid, hi) : (lo, mid);
    }

    return (lo + hi) / 2;
}

var target = FirstWeek(0, 1);
Console.WriteLine($"{name}, τ = {preset.Decision.NoiseScale}, {officers} officers, seed {Seed}: first-week defections per officer {target.Mean:E3} ± {target.Se:E2} ({hazardRuns} runs)");
double sigmaMax = Bisect(s => FirstWeek(s, 0).Mean, target.Mean, 0, 2);
Console.WriteLine($"the grievances alone (no weekly noise) match it at σ_g = {sigmaMax:F4}");
Console.WriteLine();
Console.WriteLine($"| σ_g | weeklyNoiseScale | τ_w | first-week defections per officer | " + string.Join(" | ", horizons.Select(h => $"P(collapse by week {h})")) + " | ratio 104/26 |");
Console.WriteLine("|---|---|---|---|" + string.Concat(horizons.Select(_ => "---|")) + "---|");
int failures = 0;
foreach (double sigma in new[] { 0.0, 0.25 * sigmaMax, 0.5 * sigmaMax, 0.75 * sigmaMax, sigmaMax })
{
    double weekly = sigma == 0 ? 1 : sigma == sigmaMax ? 0 : Bisect(w => FirstWeek(sigma, w).Mean, target.Mean, 0, 1);
    var hazard = FirstWeek(sigma, weekly);
    var s = new SanctionsModel(With(sigma, weekly, horizons[^1])).Simulate(new MonteCarloOptions { Replications = runs, Seed = Seed }).Summary;
    var p = horizons.Select(h => s.CollapseWeekCounts[..h].ToArray().Sum() / (double)runs).ToArray();
    string Cell(double q) => $"{q:F3} ± {Math.Sqrt(q * (1 - q) / runs):F3}";
    Console.WriteLine($"| {sigma:F4} | {weekly:F4} | {preset.Decision.NoiseScale * weekly:F5} | {hazard.Mean:E3} ± {hazard.Se:E2} | " + string.Join(" | ", p.Select(Cell)) + $" | {(p[0] > 0 ? p[^1] / p[0] : double.NaN):F2} |");

    var shortRun = new SanctionsModel(With(sigma, weekly, horizons[0])).Simulate(new MonteCarloOptions { Replications = runs, Seed = Seed }).Summary;
    if (shortRun.Collapses != (long)Math.Round(p[0] * runs))
    {
        Console.WriteLine($"  a {horizons[0]}-week run collapses {shortRun.Collapses} times, the 104-week runs by week {horizons[0]} {p[0] * runs}: the horizon fed back");
        failures++;
    }

    if (Math.Abs(hazard.Mean - target.Mean) > 4 * Math.Sqrt((hazard.Se * hazard.Se) + (target.Se * target.Se)))
    {
        Console.WriteLine("  the first-week hazard is not matched");
        failures++;
    }
}

return failures == 0 ? 0 : 1;
