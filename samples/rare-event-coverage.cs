#:project ../src/SanctionsSim/SanctionsSim.csproj
#:property PublishAot=false
// Do the rare-event intervals cover the truth? A coverage study of importance sampling and splitting on the random
// inputs (docs/rare-events.md, §Validation) against references computed by conditioning on the cohesion draw, on two
// events near 10⁻⁴: a small regime's collapse (the tail of one draw, smoothed by the officers' own loyalties) and two
// independent small regimes both collapsing (two mechanisms must fail together); and, where importance sampling is
// worse than splitting, an exact tail of ten equal inputs (Σ g_d / √10 ≥ 3.719, P = 10⁻⁴).
//   dotnet run -c Release samples/rare-event-coverage.cs                      (100 seeds: the figures of docs/rare-events.md)
//   dotnet run -c Release samples/rare-event-coverage.cs -- --ci              (40 seeds, without the two regimes [add --two-regimes];
//                                                                            fails if a coverage on the single regime is not consistent with 95 %)
//   dotnet run -c Release samples/rare-event-coverage.cs -- --out docs/results/rare-event-coverage.json   (the recorded run)
//   dotnet run -c Release samples/rare-event-coverage.cs -- --reanalyse docs/results/rare-event-coverage.json --out FILE
//                                                                            (the intervals, by every construction, rebuilt from the
//                                                                            runs a recorded study kept: no simulation)
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios.Cases;

bool ci = args.Contains("--ci");
string? reanalyse = Option("--reanalyse");
if (reanalyse is not null)
{
    return Reanalyse(reanalyse, Option("--out"));
}

int seeds = Arg("--seeds", ci ? 40 : 100);
int referenceReplications = Arg("--reference-replications", ci ? 60_000 : 200_000);
string? outPath = Option("--out");
var options = new InputSplittingOptions { Particles = 100, Runs = 10, PilotParticles = 200, Seed = 1 };
Console.WriteLine($"{seeds} seeds per event; each: a pilot of {options.PilotParticles}, then importance sampling ({options.Runs} batches of {options.Particles}) and splitting ({options.Runs} runs of {options.Particles} particles) with its levels; 95 % skew-corrected Student intervals (Hall 1992), as the library reports them");

var clock = Stopwatch.StartNew();
var one = Small(0.15);
var refOne = Reference(new ScenarioSplitting(one), 0, 1);
var twoA = Small(0.22);
var twoB = Small(0.25);
bool two = !ci || args.Contains("--two-regimes"); // the two regimes cost most of the study; CI leaves them out
var refA = two ? Reference(new ScenarioSplitting(twoA), 0, 2) : null;
var refB = two ? Reference(new ScenarioSplitting(twoB), 0, 3) : null;
double joint = two ? refA!.Probability * refB!.Probability : double.NaN;
double jointError = two ? Math.Sqrt(Math.Pow(refB!.Probability * refA!.StandardError, 2) + Math.Pow(refA.Probability * refB.StandardError, 2)) : double.NaN;
Console.WriteLine($"references ({clock.Elapsed.TotalSeconds:F0} s):");
Console.WriteLine($"  one regime collapses (cohesion uncertainty 0.15): {refOne.Probability:G4} ± {refOne.RelativeError:P2} (quadrature {refOne.QuadratureError:G2}, truncation {refOne.TruncationBound:G2}, {refOne.Replications:N0} replications)");
if (two)
{
    Console.WriteLine($"  both regimes collapse (0.22 and 0.25): {refA!.Probability:G4} ± {refA.RelativeError:P2} × {refB!.Probability:G4} ± {refB.RelativeError:P2} = {joint:G4} ± {jointError / joint:P2}");
}

var events = new List<(string Name, string Description, IInputSplittingModel Model, double Reference, double ReferenceError)>
{
    ("one-regime", "a small regime collapses within 26 weeks (cohesion uncertainty 0.15)", new ScenarioSplitting(one), refOne.Probability, refOne.StandardError),
    ("two-regimes", "two independent small regimes both collapse within 26 weeks (cohesion uncertainty 0.22 and 0.25)", new JointCollapse(twoA, twoB), joint, jointError),
    ("ten-inputs", "a sum of ten standard normal inputs over √10 reaches 3.719 (exact: 1 − Φ(3.719))", new TenInputs(), 1 - Normal.CDF(0, 1, 3.719), 0),
};
if (!two)
{
    events.RemoveAll(e => e.Name == "two-regimes");
}
var failures = new List<string>();
var report = new List<object>();
Console.WriteLine();
Console.WriteLine("| event | method | coverage [95 % CI] | below / above | relative bias | relative RMSE | reported relative error | replications | work-normalised variance |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var e in events)
{
    var timer = Stopwatch.StartNew();
    var result = RareEventCoverage.Run(e.Model, e.Reference, options, seeds);
    double seconds = timer.Elapsed.TotalSeconds;
    foreach (var row in result.Rows)
    {
        var wilson = row.Coverage.Wilson();
        Console.WriteLine($"| {e.Name} | {row.Method} | {row.Coverage.Estimate:F3} [{wilson.Lower:F2}, {wilson.Upper:F2}] ({row.Coverage.Successes}/{row.Coverage.Trials}) | {row.Below} / {row.Above} | {row.RelativeBias:+0.000;-0.000} ± {row.RelativeBiasError:F3} | {row.RelativeRmse:F3} | {row.MeanReportedRelativeError:F3} | {row.MeanReplications:N0} | {row.WorkNormalizedVariance:N0} |");
        double lowerTail = Binomial.CDF(0.95, (int)row.Coverage.Trials, row.Coverage.Successes);
        // checked: the single regime. Reported, not checked: the two regimes, whose coverage misses 95 % (0.87 and 0.88
        // at 100 seeds with Hall's interval, docs/rare-events.md, a finding of issue #27 item 5), and the ten-input
        // tail, which shows where importance sampling fails
        if (ci && lowerTail < 0.005 && e.Name == "one-regime")
        {
            failures.Add($"{e.Name} {row.Method}: {row.Coverage.Successes} of {row.Coverage.Trials} intervals cover the reference; P(at most that many | 95 %) = {lowerTail:G2}");
        }
    }

    var importance = result.Rows.Single(r => r.Method == InputSplittingMethod.ImportanceSampling);
    var splitting = result.Rows.Single(r => r.Method == InputSplittingMethod.Splitting);
    double ratio = importance.WorkNormalizedVariance / splitting.WorkNormalizedVariance;
    report.Add(EventJson(e.Name, e.Description, e.Reference, e.ReferenceError, Math.Round(seconds, 1), result.Rows, options.Confidence));
    Console.Error.WriteLine($"  ({e.Name}: {seconds:F0} s; importance sampling needs {ratio:G2}× the replications of splitting for the same error)");
}

Console.WriteLine();
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:F0} s");
if (outPath is not null)
{
    var document = new
    {
        Command = "dotnet run -c Release samples/rare-event-coverage.cs -- " + string.Join(" ", args),
        CreatedBy = "dotnet run -c Release samples/rare-event-coverage.cs -- --out docs/results/rare-event-coverage.json",
        PackageVersion = SanctionsSim.Internal.PackageVersion.Current,
        ModelHash = SanctionsSim.Analysis.ModelFingerprint.Compute(),
        Confidence = options.Confidence,
        Seeds = seeds, options.Particles, options.Runs, options.PilotParticles, FirstSeed = options.Seed, ReferenceReplications = referenceReplications,
        References = two
            ? new object[] { Describe("one-regime", refOne), Describe("two-regimes, first", refA!), Describe("two-regimes, second", refB!) }
            : [Describe("one-regime", refOne)],
        Events = report,
        Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
    };
    File.WriteAllText(outPath, JsonSerializer.Serialize(document, Json) + "\n");
    Console.WriteLine($"written to {outPath}");
}

foreach (var f in failures)
{
    Console.Error.WriteLine("check failed: " + f);
}

return failures.Count == 0 ? 0 : 1;

// One event's results: every estimate with its runs, and the coverage of each interval construction on the same runs.
static object EventJson(string name, string description, double reference, double referenceError, double seconds, IReadOnlyList<RareEventCoverageRow> rows, double confidence)
{
    var importance = rows.Single(r => r.Method == InputSplittingMethod.ImportanceSampling);
    var splitting = rows.Single(r => r.Method == InputSplittingMethod.Splitting);
    return new
    {
        Name = name, Description = description, Reference = reference, ReferenceError = referenceError, Seconds = seconds,
        ImportanceOverSplittingWork = importance.WorkNormalizedVariance / splitting.WorkNormalizedVariance,
        Rows = rows.Select(r => new
        {
            Method = r.Method.ToString(), Covered = r.Coverage.Successes, Seeds = r.Coverage.Trials, Coverage = r.Coverage.Estimate,
            CoverageLower = r.Coverage.Wilson().Lower, CoverageUpper = r.Coverage.Wilson().Upper,
            r.Below, r.Above, r.Zeros, r.RelativeBias, r.RelativeBiasError, r.RelativeRmse, r.MeanReportedRelativeError, r.MeanReplications, r.WorkNormalizedVariance,
            RunSkewness = Mean(r.Estimates.Select(x => Skewness(x.Runs))),
            RunSkewnessAtCap = r.Estimates.Count(x => Skewness(x.Runs) > 0.9 * (x.Runs.Count - 2) / Math.Sqrt(x.Runs.Count - 1)),
            RunsAtZero = r.Estimates.Sum(x => x.Runs.Count(v => v == 0)),
            RunCount = r.Estimates.Sum(x => x.Runs.Count),
            LogRunSkewness = LogSkewness(r.Estimates),
            Constructions = Constructions(r, reference, confidence),
            Estimates = r.Estimates.Select(x => new { x.Seed, x.Probability, x.StandardError, Lower = x.Interval.Lower, Upper = x.Interval.Upper, x.Covers, x.Replications, x.Shifted, x.Runs }),
        }),
    };
}

// Each construction of docs/rare-events.md on the same runs: how many of its intervals cover the reference, lie
// below it or above it, and the median of (upper − lower)/reference. Pooled: the seeds' runs taken R at a time in
// seed order (R = 5, 10, 20, 50), whatever pilot each came from (each run is unbiased whatever its pilot): how the
// coverage moves with the number of runs at these runs' own size.
static object Constructions(RareEventCoverageRow row, double reference, double confidence)
{
    var kinds = new (string Name, RunInterval Kind, bool Skew)[] { ("student", RunInterval.SkewCorrected, false), ("hall", RunInterval.SkewCorrected, true), ("lognormal", RunInterval.LogNormal, false) };
    var pooled = row.Estimates.SelectMany(x => x.Runs).ToArray();
    return kinds.Select(k => new
    {
        k.Name,
        Intervals = Count(row.Estimates.Select(x => RareEventCoverage.Interval(x.Runs, confidence, k.Kind, k.Skew)).ToList(), reference),
        Pooled = PooledSizes.Select(size => new
        {
            Runs = size,
            Intervals = Count(Enumerable.Range(0, pooled.Length / size).Select(g => RareEventCoverage.Interval(pooled[(g * size)..((g + 1) * size)], confidence, k.Kind, k.Skew)).ToList(), reference),
        }),
    }).ToList();
}

static object Count(List<SanctionsSim.MonteCarlo.ConfidenceInterval> intervals, double reference)
{
    var widths = intervals.Select(i => (i.Upper - i.Lower) / reference).Order().ToList();
    int covered = intervals.Count(i => i.Contains(reference));
    var p = new SanctionsSim.MonteCarlo.ProportionEstimate(covered, intervals.Count);
    return new
    {
        Count = intervals.Count, Covered = covered, Coverage = p.Estimate, CoverageLower = p.Wilson().Lower, CoverageUpper = p.Wilson().Upper,
        Below = intervals.Count(i => i.Upper < reference), Above = intervals.Count(i => i.Lower > reference), MedianWidth = widths[widths.Count / 2],
    };
}

static double Mean(IEnumerable<double> xs) => xs.Average();

// the sample skewness of a set of runs (moments with divisor R, as the library's): at most (R − 2)/√(R − 1)
static double Skewness(IReadOnlyList<double> runs)
{
    double m = runs.Average(), m2 = runs.Sum(v => (v - m) * (v - m)) / runs.Count, m3 = runs.Sum(v => Math.Pow(v - m, 3)) / runs.Count;
    return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0;
}

// the skewness of the logs of the runs above 0, each centred on its seed's mean log (is a run close to lognormal?)
static double LogSkewness(IReadOnlyList<RareEventCoverageEstimate> estimates)
{
    var centred = estimates.SelectMany(x =>
    {
        var logs = x.Runs.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();
        return logs.Length < 2 ? [] : logs.Select(v => v - logs.Average());
    }).ToList();
    return Skewness(centred);
}

// Rebuilds every interval of a recorded study from the runs it kept, with the library's current rules, and writes the
// study again: the estimates, costs and references are the recorded ones (no simulation).
int Reanalyse(string from, string? to)
{
    var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(from))!;
    double confidence = old["confidence"]?.GetValue<double>() ?? 0.95;
    var events = new List<object>();
    Console.WriteLine("| event | method | coverage [95 % CI] | below / above |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var e in old["events"]!.AsArray())
    {
        double reference = e!["reference"]!.GetValue<double>();
        var rows = new List<RareEventCoverageRow>();
        foreach (var r in e["rows"]!.AsArray())
        {
            var method = Enum.Parse<InputSplittingMethod>(r!["method"]!.GetValue<string>());
            var list = r["estimates"]!.AsArray().Select(x =>
            {
                var runs = x!["runs"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                int shifted = x["shifted"]!.GetValue<int>();
                var interval = RareEventCoverage.Interval(runs, confidence, RunInterval.SkewCorrected, skew: true); // what both methods report
                return new RareEventCoverageEstimate
                {
                    Method = method, Seed = x["seed"]!.GetValue<ulong>(), Probability = x["probability"]!.GetValue<double>(), StandardError = x["standardError"]!.GetValue<double>(),
                    Interval = interval, Replications = x["replications"]!.GetValue<long>(), Shifted = shifted, Runs = runs, Covers = interval.Contains(reference),
                };
            }).ToList();
            var row = RareEventCoverage.Row(method, reference, list);
            rows.Add(row);
            var wilson = row.Coverage.Wilson();
            Console.WriteLine($"| {e["name"]} | {method} | {row.Coverage.Estimate:F3} [{wilson.Lower:F2}, {wilson.Upper:F2}] ({row.Coverage.Successes}/{row.Coverage.Trials}) | {row.Below} / {row.Above} |");
        }

        events.Add(EventJson(e["name"]!.GetValue<string>(), e["description"]!.GetValue<string>(), reference, e["referenceError"]!.GetValue<double>(), e["seconds"]!.GetValue<double>(), rows, confidence));
    }

    if (to is not null)
    {
        var document = new
        {
            Command = old["command"]!.GetValue<string>(),
            CreatedBy = "dotnet run -c Release samples/rare-event-coverage.cs -- --out docs/results/rare-event-coverage.json",
            ReanalysedBy = "dotnet run -c Release samples/rare-event-coverage.cs -- " + string.Join(" ", args),
            PackageVersion = SanctionsSim.Internal.PackageVersion.Current,
            ModelHash = SanctionsSim.Analysis.ModelFingerprint.Compute(),
            Confidence = confidence,
            Seeds = old["seeds"]!.GetValue<int>(), Particles = old["particles"]!.GetValue<int>(), Runs = old["runs"]!.GetValue<int>(), PilotParticles = old["pilotParticles"]!.GetValue<int>(),
            FirstSeed = old["firstSeed"]!.GetValue<ulong>(), ReferenceReplications = old["referenceReplications"]!.GetValue<int>(),
            References = old["references"]!.DeepClone(),
            Events = events,
            Seconds = old["seconds"]!.GetValue<double>(),
        };
        File.WriteAllText(to, JsonSerializer.Serialize(document, Json) + "\n");
        Console.WriteLine($"written to {to}");
    }

    return 0;
}

// The Venezuela 2019 baseline made small and quick: a tenth of the officers (about 400) and 26 weeks; the cohesion
// uncertainty sets how rare collapse is.
static Scenario Small(double cohesionUncertainty)
{
    var b = Presets.Get("venezuela-2019");
    return b with
    {
        Name = $"venezuela-2019-small-{cohesionUncertainty.ToString(CultureInfo.InvariantCulture)}",
        Weeks = 26,
        Decision = b.Decision with { CohesionUncertainty = cohesionUncertainty },
        Factions = b.Factions.Select(f => f with { Generals = Math.Max(2, (int)Math.Round(f.Generals * 0.1)) }).ToList(),
    };
}

ConditionalReferenceResult Reference(IInputSplittingModel model, int block, ulong seed)
    => ConditionalReference.Estimate(model, new ConditionalReferenceOptions { Block = block, Replications = referenceReplications, Seed = seed });

static object Describe(string name, ConditionalReferenceResult r) => new
{
    Name = name, r.Probability, r.StandardError, r.RelativeError, r.QuadratureError, r.TruncationBound, r.ProbitIntercept, r.ProbitSlope, r.Replications,
};

int Arg(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static partial class Program
{
    private static readonly int[] PooledSizes = [5, 10, 20, 50];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}

// Score Σ g_d / √10 over ten inputs: every input matters equally, none decides alone.
sealed class TenInputs : IInputSplittingModel
{
    public double Target => 3.719;

    public IInputSplittingPath CreateInputPath() => new Path();

    private sealed class Path : IInputSplittingPath
    {
        public double Score(SanctionsSim.MonteCarlo.RandomInputs inputs)
        {
            double sum = 0;
            for (int d = 0; d < 10; d++)
            {
                sum += inputs.Normal(0, d);
            }

            return sum / Math.Sqrt(10);
        }
    }
}
