#:project ../src/SanctionsSim/SanctionsSim.csproj
// The Venezuela 2019 preset and its counterfactuals, compared on common random numbers.
//
//   dotnet run -c Release samples/venezuela-2019.cs               2,000 replications per arm
//   dotnet run -c Release samples/venezuela-2019.cs -- --runs 500
//   dotnet run -c Release samples/venezuela-2019.cs -- --ci       a quick run that fails if the baseline tips
using System.Diagnostics;
using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool ci = args.Contains("--ci");
int runs = ci ? 200 : 2000;
int at = Array.IndexOf(args, "--runs");
if (at >= 0 && at + 1 < args.Length)
{
    runs = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
}

var options = new MonteCarloOptions { Replications = runs, Seed = 2019 };

// 1. The baseline, on its own.
var clock = Stopwatch.StartNew();
var baseline = new SanctionsModel(Presets.Get(Presets.Default)).Simulate(options).Summary;
Console.WriteLine($"venezuela-2019 baseline, {runs} replications of 52 weeks ({runs / clock.Elapsed.TotalSeconds:F0} replications/s)");
var p = baseline.CollapseProbability;
Console.WriteLine($"  P(collapse within 52 weeks)        {p.Estimate:F3}  95% CI [{p.Wilson().Lower:F3}, {p.Wilson().Upper:F3}]");
Console.WriteLine($"  final defected share                mean {baseline.FinalDefectedShare.Mean:P2} ± {baseline.FinalDefectedShare.StandardError:P2}; p05 {baseline.DefectedSharePercentile(0.05)[^1]:P1}, p50 {baseline.DefectedSharePercentile(0.5)[^1]:P1}, p95 {baseline.DefectedSharePercentile(0.95)[^1]:P1}");
Console.WriteLine($"  January–March: generals defecting   {baseline.EarlyGeneralDefections.Mean:F2} ± {baseline.EarlyGeneralDefections.StandardError:F2}");
Console.WriteLine($"                 senior officers      {baseline.EarlySeniorDefections.Mean:F2} ± {baseline.EarlySeniorDefections.StandardError:F2}");
Console.WriteLine($"                 rank and file crossing {baseline.EarlyLowRankCrossings.Mean:F0} ± {baseline.EarlyLowRankCrossings.StandardError:F0}");
Console.WriteLine($"  purges per year                     {baseline.Purges.Mean:F2} ± {baseline.Purges.StandardError:F2}");
Console.WriteLine($"  humanitarian burden (USD bn / year) {baseline.HumanitarianBurden.Mean:F2} ± {baseline.HumanitarianBurden.StandardError:F2}");
Console.WriteLine($"  US cost (USD bn / year)             {baseline.SenderCost("us").Mean:F3}");
Console.WriteLine();

// 2. Every counterfactual against the baseline, on common random numbers (same officers, ties, shocks, noise).
// With --posterior, each replication draws the structural parameters from the shipped calibration (the same
// particle in every arm), so the intervals include what the calibration leaves unknown.
string[] arms = [.. Presets.Names.Where(n => n.StartsWith("venezuela-2019", StringComparison.Ordinal))];
var structure = args.Contains("--posterior") ? SanctionsSim.Calibration.Posterior.Default : null;
var comparison = new PolicyComparison(arms.Select(Presets.Get).ToArray(), structure).Run(options).Summary;
Console.WriteLine($"Counterfactuals against the baseline (paired on common random numbers; 95% intervals{(structure is null ? "" : "; structure drawn from the posterior")})");
Console.WriteLine("preset                               | P(collapse) [95% CI]   | ΔP vs baseline [95% CI]   | Δ weeks survived [95% CI]  | mean week of collapse");
Console.WriteLine("-------------------------------------+------------------------+---------------------------+----------------------------+----------------------");
for (int k = 0; k < arms.Length; k++)
{
    var arm = comparison.Arms[k];
    var pk = arm.CollapseProbability;
    string effect = "", weeks = "";
    if (k > 0)
    {
        var e = comparison.Effect(k);
        effect = $"{Signed(e.CollapseProbabilityDifference, 3)} [{Signed(e.CollapseProbabilityDifferenceInterval.Lower, 3)}, {Signed(e.CollapseProbabilityDifferenceInterval.Upper, 3)}]";
        weeks = $"{Signed(e.WeeksSurvivedDifference, 1)} [{Signed(e.WeeksSurvivedDifferenceInterval.Lower, 1)}, {Signed(e.WeeksSurvivedDifferenceInterval.Upper, 1)}]";
    }

    string when = arm.TimeToCollapse.Count > 0 ? $"{arm.TimeToCollapse.Mean + 1:F1} ± {arm.TimeToCollapse.StandardError:F1}" : "—";
    Console.WriteLine($"{arms[k],-36} | {pk.Estimate:F3} [{pk.Wilson().Lower:F3}, {pk.Wilson().Upper:F3}] | {effect,-25} | {weeks,-26} | {when}");
}

// 3. What pairing buys: the amnesty arms both vary, so compare the paired standard error with independent streams.
var a = Presets.Get("venezuela-2019-amnesty");
var b = Presets.Get("venezuela-2019-amnesty-low-reprisal");
var paired = new PolicyComparison([a, b]).Run(options).Summary.Effect(1);
var independentA = new SanctionsModel(a).Simulate(options).Summary;
var independentB = new SanctionsModel(b).Simulate(new MonteCarloOptions { Replications = runs, Seed = 9_999 }).Summary;
double independentSe = Math.Sqrt((independentA.WeeksSurvived.Variance + independentB.WeeksSurvived.Variance) / runs);
Console.WriteLine();
Console.WriteLine("Common random numbers against independent streams (amnesty vs amnesty + lower reprisal risk, weeks survived):");
Console.WriteLine($"  paired:      Δ = {Signed(paired.WeeksSurvivedDifference, 2)} weeks, standard error {paired.WeeksSurvivedDifferenceStandardError:F3}");
Console.WriteLine($"  independent: Δ = {Signed(independentB.WeeksSurvived.Mean - independentA.WeeksSurvived.Mean, 2)} weeks, standard error {independentSe:F3}");
Console.WriteLine($"  variance reduction: {paired.WeeksVarianceReduction:F1}× for weeks survived, {paired.CollapseVarianceReduction:F1}× for P(collapse)");

// 4. What only adaptive agents make possible: each agent counterfactual against its reference arm (paired).
Console.WriteLine();
Console.WriteLine("Agent counterfactuals against their reference arm (paired; 95% intervals)");
Console.WriteLine("preset                                      | P(collapse) | ΔP vs reference [95% CI] | final share      | revenue lost (bn/yr) | patrons' support (bn/yr) | EU commitment wk 52 (median)");
foreach (string[] group in new[]
{
    new[] { "venezuela-2019", "venezuela-2019-eu-wavers", "venezuela-2019-no-patrons", "venezuela-2019-secondary-sanctions" },
    new[] { "venezuela-2019-amnesty", "venezuela-2019-amnesty-eu-wavers", "venezuela-2019-amnesty-no-patrons", "venezuela-2019-amnesty-secondary-sanctions", "venezuela-2019-amnesty-no-coup-proofing" },
})
{
    var agents = new PolicyComparison(group.Select(Presets.Get).ToArray()).Run(options).Summary;
    for (int k = 0; k < group.Length; k++)
    {
        // each arm's own summary (the comparison keeps only paired statistics): the same seed, so the same replications
        var own = new SanctionsModel(Presets.Get(group[k])).Simulate(options).Summary;
        string effect = k == 0 ? "(reference)" : $"{Signed(agents.Effect(k).CollapseProbabilityDifference, 3)} [{Signed(agents.Effect(k).CollapseProbabilityDifferenceInterval.Lower, 3)}, {Signed(agents.Effect(k).CollapseProbabilityDifferenceInterval.Upper, 3)}]";
        double support = own.AgentSeries.Where(x => x.StartsWith("offset/", StringComparison.Ordinal)).Sum(x => own.AgentPathMean(x).Where(m => m.Count > 0).Sum(m => m.Mean * m.Count / (double)own.Replications));
        double eu = own.AgentSeries.Contains("commitment/eu") ? own.AgentPathPercentile("commitment/eu", 0.5)[^1] : double.NaN;
        Console.WriteLine($"{group[k],-43} | {own.CollapseProbability.Estimate:F3}       | {effect,-24} | {own.FinalDefectedShare.Mean:P2} ± {own.FinalDefectedShare.StandardError:P2} | {own.RevenueLost.Mean,8:F2} ± {own.RevenueLost.StandardError:F2}  | {support,8:F2}                 | {eu:F2}");
    }
}

if (ci && p.Wilson().Upper > 0.1)
{
    Console.WriteLine("The baseline tipped with high probability: the calibration is broken.");
    return 1;
}

return 0;

static string Signed(double value, int digits)
{
    double rounded = Math.Round(value, digits);
    string text = Math.Abs(rounded).ToString("F" + digits, CultureInfo.InvariantCulture);
    return (rounded > 0 ? "+" : rounded < 0 ? "-" : "±") + text;
}
