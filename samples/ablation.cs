#:project ../src/SanctionsSim/SanctionsSim.csproj
// Ablations of the model's mechanism switches (docs/model.md, §Ablations; issue #24 item 7): the model as shipped
// (every switch as the presets and the case base set it), the model with every switch on, and the full model with
// each switch off in turn; for each, the in-sample fit on the case base, the held-out scorecard, the Venezuela
// counterfactuals, and which of the model's conclusions hold.
//   dotnet run -c Release samples/ablation.cs -- --ci          small settings (CI); fails if the variant with every switch off
//                                                              is not the model as shipped, bit for bit
//   dotnet run -c Release samples/ablation.cs -- --particles 40 --runs 100 --out docs/results/ablation.json   as recorded, then
//   SANCTIONSSIM_UPDATE_DOCS=1 dotnet test tests/SanctionsSim.Tests -c Release --filter AblationPageTests   renders the table
//   options: --repeats R (in-sample), --folds F --particles P --generations G --runs N (held out), --arms N (Venezuela), --seed S, --alone
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Scorecard;
using SanctionsSim.Simulation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool ci = args.Contains("--ci");
int repeats = Arg("--repeats", ci ? 3 : 10), folds = Arg("--folds", ci ? 3 : 5), particles = Arg("--particles", ci ? 20 : 60);
int generations = Arg("--generations", ci ? 1 : 2), runs = Arg("--runs", ci ? 50 : 200), arms = Arg("--arms", ci ? 200 : 1000);
ulong seed = (ulong)Arg("--seed", 1);
string? outPath = Value("--out");

// The mechanism switches, one line each: the scenario field that switches it, and how. A new switch is one more line.
// (The officers' grievances are switched by a value, σ_g, which no calibration has estimated yet: a line for them needs it.)
(string Name, string Field, Func<Scenario, bool, Scenario> Set)[] switches =
[
    ("high command", "highCommand.enabled", (s, on) => s with { HighCommand = s.HighCommand with { Enabled = on } }),
    ("conditional amnesty", "conditionalAmnesty.enabled", (s, on) => s with { ConditionalAmnesty = s.ConditionalAmnesty with { Enabled = on } }),
    ("repression backfire", "repressionBackfire.enabled", (s, on) => s with { RepressionBackfire = s.RepressionBackfire with { Enabled = on } }),
    ("mobilisation", "mobilisation.enabled", (s, on) => s with { Mobilisation = s.Mobilisation with { Enabled = on } }),
    // on: the regime type the case's facts record (rule E2's mapping, HistoricalCase.WithCodedRegimeType; a Venezuela
    // preset takes the venezuela-2019 case's) with the documented multipliers; off: unspecified (every multiplier 1)
    ("regime type", "regime.type", (s, on) => s with { Regime = s.Regime with { Type = on ? CodedType(s.Name) : RegimeType.Unspecified } }),
];

// The regime type of a scenario: its case's, or that of the case a preset is a counterfactual of (venezuela-2019-amnesty
// is venezuela-2019 with one lever moved).
RegimeType CodedType(string scenario)
{
    var match = HistoricalCases.All.Where(x => scenario == x.Name || scenario.StartsWith(x.Name + "-", StringComparison.Ordinal)).MaxBy(x => x.Name.Length)
        ?? throw new InvalidOperationException($"no case of the case base for the scenario {scenario}");
    return match.WithCodedRegimeType().Scenario.Regime.Type;
}

// The variants: as shipped (no switch touched), every switch set off explicitly (must be the shipped model bit for
// bit while every switch ships off), every switch on, and every switch on but one; --alone adds each switch on alone.
var variants = new List<(string Name, bool?[] On)>
{
    ("as shipped", [.. switches.Select(_ => (bool?)null)]),
    ("every switch off", [.. switches.Select(_ => (bool?)false)]),
    ("every switch on", [.. switches.Select(_ => (bool?)true)]),
};
for (int k = 0; k < switches.Length; k++)
{
    variants.Add(($"every switch on but {switches[k].Name}", [.. switches.Select((_, j) => (bool?)(j != k))]));
}

if (args.Contains("--alone"))
{
    for (int k = 0; k < switches.Length; k++)
    {
        variants.Add(($"{switches[k].Name} alone", [.. switches.Select((_, j) => (bool?)(j == k))]));
    }
}

Scenario Apply(Scenario s, bool?[] on)
{
    for (int k = 0; k < switches.Length; k++)
    {
        if (on[k] is bool value)
        {
            s = switches[k].Set(s, value);
        }
    }

    return s;
}

string[] venezuela = ["venezuela-2019", "venezuela-2019-amnesty", "venezuela-2019-contact", "venezuela-2019-eu-oil", "venezuela-2019-low-reprisal"];
var medians = Posterior.Default.Medians.ToArray();
string command = "dotnet run -c Release samples/ablation.cs -- " + string.Join(' ', args);
Console.WriteLine($"ablation of {switches.Length} switches ({string.Join(", ", switches.Select(s => s.Field))}), {variants.Count} variants; seed {seed}");
Console.WriteLine($"in sample: the case distance at the shipped posterior medians on the {HistoricalCases.All.Count} cases, {CaseCalibration.DefaultReplicationsPerCase} replications per case, {repeats} repeats");
Console.WriteLine($"held out: the scorecard, {folds} folds, {particles} particles, {generations} generations, {runs} runs per forecast");
Console.WriteLine($"Venezuela: {string.Join(", ", venezuela)} paired on common random numbers, {arms} runs each, seed 2019");

var results = new JsonArray();
SanctionsSummary[]? shipped = null;
var failures = new List<string>();
foreach (var (name, on) in variants)
{
    var clock = Stopwatch.StartNew();
    var cases = HistoricalCases.All.Select(c => c.WithScenario(s => Apply(s, on))).ToList();

    // in sample: the calibration's distance (root sum over the cases of their squared distances) at the medians
    var calibration = new CaseCalibration(cases);
    if (!calibration.Structure.Select(p => p.Name).SequenceEqual(Posterior.Default.Parameters.Select(p => p.Name)))
    {
        throw new InvalidOperationException("the shipped posterior's parameters are not the calibration's");
    }

    var distances = Enumerable.Range(0, repeats).Select(i => calibration.DistanceAt(medians, seed, i)).ToArray();
    double mean = distances.Average();
    double se = repeats > 1 ? Math.Sqrt(distances.Sum(d => (d - mean) * (d - mean)) / (repeats - 1) / repeats) : double.NaN;

    // held out: the scorecard's cross-validated Brier score, the structure calibrated on each fold's training cases
    var card = OutcomeScorecard.Run(cases, new ScorecardOptions { Folds = folds, Particles = particles, Generations = generations, Runs = runs, Seed = seed });
    var model = card.Scores[0];
    var baseRate = card.Scores.Single(x => x.Name == "base rate");
    var survives = card.Scores.Single(x => x.Name == "the regime survives");

    // Venezuela: P(ruler gone) of each arm, and each counterfactual's paired difference from the baseline
    var comparison = new PolicyComparison(venezuela.Select(p => Apply(Presets.Get(p), on)).ToArray()).Run(new MonteCarloOptions { Replications = arms, Seed = 2019 }).Summary;
    if (on.All(x => x is null))
    {
        shipped = [.. comparison.Arms];
    }
    else if (on.All(x => x == false) && shipped is not null && !comparison.Arms.Zip(shipped).All(p => p.First.ExactlyEquals(p.Second)))
    {
        failures.Add("every switch off is not the model as shipped, bit for bit");
    }

    var arms_ = new JsonArray();
    for (int k = 0; k < venezuela.Length; k++)
    {
        var p = comparison.Arms[k].CollapseProbability;
        var w = p.Wilson();
        var arm = new JsonObject { ["preset"] = venezuela[k], ["rulerGone"] = p.Estimate, ["lower"] = w.Lower, ["upper"] = w.Upper };
        if (k > 0)
        {
            var e = comparison.Effect(k);
            arm["difference"] = e.CollapseProbabilityDifference;
            arm["differenceLower"] = e.CollapseProbabilityDifferenceInterval.Lower;
            arm["differenceUpper"] = e.CollapseProbabilityDifferenceInterval.Upper;
        }

        arms_.Add((JsonNode)arm);
    }

    var d = venezuela.Skip(1).Select((_, k) => comparison.Effect(k + 1)).ToArray();
    var conclusions = new JsonObject
    {
        ["baselineSurvives"] = comparison.Arms[0].CollapseProbability.Wilson().Upper < 0.5,
        ["everyLeverRaisesP"] = d.All(e => e.CollapseProbabilityDifferenceInterval.Lower > 0),
        ["amnestyLargest"] = d.Skip(1).All(e => d[0].CollapseProbabilityDifference > e.CollapseProbabilityDifference),
        ["contactSecond"] = d.Skip(2).All(e => d[1].CollapseProbabilityDifference > e.CollapseProbabilityDifference),
        ["beatsSurvives"] = survives.ModelBetter,
        ["notBeatenByBaseRate"] = !baseRate.ModelWorse,
        ["beatsBaseRate"] = baseRate.ModelBetter,
    };
    results.Add((JsonNode)new JsonObject
    {
        ["name"] = name,
        ["switches"] = new JsonObject(switches.Select((s, k) => KeyValuePair.Create(s.Field, (JsonNode?)(on[k] is bool b ? (b ? "on" : "off") : "as shipped")))),
        ["inSample"] = new JsonObject { ["distance"] = mean, ["standardError"] = se },
        ["heldOut"] = new JsonObject
        {
            ["brier"] = model.Brier, ["standardError"] = model.BrierStandardError, ["hits"] = model.Accuracy.Successes,
            ["baseRateMinusModel"] = baseRate.BrierGainOfModel, ["baseRateMinusModelStandardError"] = baseRate.BrierGainOfModelStandardError,
            ["survivesMinusModel"] = survives.BrierGainOfModel, ["survivesMinusModelStandardError"] = survives.BrierGainOfModelStandardError,
        },
        ["venezuela"] = arms_,
        ["conclusions"] = conclusions,
    });
    Console.WriteLine($"\n{name} ({clock.Elapsed.TotalSeconds:F0} s)");
    Console.WriteLine($"  in sample: distance {mean:F3} ± {se:F3};  held out: Brier {model.Brier:F3} ± {model.BrierStandardError:F3} (base rate − model {baseRate.BrierGainOfModel:+0.000;-0.000} ± {baseRate.BrierGainOfModelStandardError:F3}; survives − model {survives.BrierGainOfModel:+0.000;-0.000} ± {survives.BrierGainOfModelStandardError:F3})");
    foreach (var a in arms_)
    {
        Console.WriteLine($"  {a!["preset"],-28} P(ruler gone) {(double)a["rulerGone"]!:F3} [{(double)a["lower"]!:F3}, {(double)a["upper"]!:F3}]{(a["difference"] is { } x ? $"  Δ {(double)x:+0.000;-0.000} [{(double)a["differenceLower"]!:+0.000;-0.000}, {(double)a["differenceUpper"]!:+0.000;-0.000}]" : "")}");
    }

    Console.WriteLine($"  conclusions: {string.Join(", ", conclusions.Select(c => $"{c.Key} {c.Value}"))}");
    Write(); // after every variant, so a long run that is stopped keeps what it finished
}

if (outPath is not null)
{
    Console.WriteLine($"\nwrote {outPath}");
}


foreach (var f in failures)
{
    Console.Error.WriteLine("check failed: " + f);
}

return failures.Count == 0 ? 0 : 1;

void Write()
{
    if (outPath is null)
    {
        return;
    }

    var document = new JsonObject
    {
        ["command"] = command,
        ["modelHash"] = ModelFingerprint.Compute(),
        ["seed"] = seed,
        ["venezuelaSeed"] = 2019,
        ["settings"] = new JsonObject
        {
            ["inSampleRepeats"] = repeats, ["replicationsPerCase"] = CaseCalibration.DefaultReplicationsPerCase, ["cases"] = HistoricalCases.All.Count,
            ["folds"] = folds, ["particles"] = particles, ["generations"] = generations, ["runsPerForecast"] = runs, ["venezuelaRuns"] = arms,
        },
        ["posterior"] = Posterior.Default.Hash,
        ["switches"] = new JsonArray([.. switches.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["field"] = s.Field })]),
        ["variants"] = results.DeepClone(),
    };
    File.WriteAllText(outPath, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
}

int Arg(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
