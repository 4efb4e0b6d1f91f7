using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SanctionsSim.Analysis;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Packages;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Explorer.Estimates;

/// <summary>
/// <c>POST /api/estimate</c>: the package against its baseline on common random numbers, streamed as one JSON
/// line per chunk of replications (newline-delimited JSON): each arm's P(collapse) with its interval, how its runs
/// ended (each outcome type's probability with its interval) and its survival curve, and the paired differences in
/// percentage points (of P(collapse), and of each outcome type that happened in either arm). The last line has <c>"done": true</c> and why
/// the batch stopped (all replications ran, or the time cap).
/// </summary>
internal static class EstimateEndpoint
{
    public static readonly string[] Fields = [.. Package.Fields, "runs", "seed"];

    public static async Task HandleAsync(HttpContext http, ExplorerOptions options, WorkGate gate)
    {
        RequestBody body = await RequestBody.ReadAsync(http.Request.Body, options.MaxScenarioBytes * 2, Fields, http.RequestAborted).ConfigureAwait(false);
        Package package = Package.Read(body);
        long runs = body.Whole("runs", 1, options.MaxReplications, Math.Min(1000, options.MaxReplications));
        ulong seed = (ulong)body.Whole("seed", 0, long.MaxValue, 1);
        using WorkGate.Lease lease = await gate.EnterAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var started = System.Diagnostics.Stopwatch.StartNew();
        MonteCarloResult<OutcomeComparison.Summary> result = await ComparisonRun.RunAsync(package, runs, seed, options.Threads,
            partial => WriteAsync(http, Line(partial, package, runs, started.Elapsed, done: false, stopped: null)), lease.Token).ConfigureAwait(false);
        if (http.RequestAborted.IsCancellationRequested)
        {
            return; // the page moved on: nobody reads the rest
        }

        string stopped = result.IsPartial ? $"stopped at the time limit of {options.MaxComputeTime.TotalSeconds:0.#} s after {result.Replications:N0} of {runs:N0} paired runs" : "all runs done";
        await WriteAsync(http, Line(result, package, runs, started.Elapsed, done: true, stopped)).ConfigureAwait(false);
    }

    /// <summary>One line of the stream: the running estimates after <c>result.Replications</c> paired runs.</summary>
    internal static JsonObject Line(MonteCarloResult<OutcomeComparison.Summary> result, Package package, long target, TimeSpan elapsed, bool done, string? stopped)
    {
        ComparisonSummary s = result.Summary.Comparison;
        var arms = new JsonArray();
        for (int k = 0; k < s.Arms.Count; k++)
        {
            arms.Add(Arm(s.Arms[k], package.Arms[k].HighCommand.Enabled, k == 0 ? "baseline" : "package", result.Confidence));
        }

        var line = new JsonObject
        {
            ["replications"] = result.Replications,
            ["target"] = target,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["done"] = done,
            ["stopped"] = stopped,
            ["confidence"] = result.Confidence,
            ["moved"] = package.Moved,
            ["arms"] = arms,
        };
        if (result.Replications >= 2)
        {
            ArmEffect e = s.Effect(1, result.Confidence);
            line["difference"] = new JsonObject
            {
                ["pp"] = Finite(100 * e.CollapseProbabilityDifference),
                ["lower"] = Finite(100 * e.CollapseProbabilityDifferenceInterval.Lower),
                ["upper"] = Finite(100 * e.CollapseProbabilityDifferenceInterval.Upper),
                ["weeks"] = Finite(e.WeeksSurvivedDifference),
                ["weeksLower"] = Finite(e.WeeksSurvivedDifferenceInterval.Lower),
                ["weeksUpper"] = Finite(e.WeeksSurvivedDifferenceInterval.Upper),
                ["outcomes"] = OutcomeDifferences(result.Summary, result.Confidence),
            };
        }

        return line;
    }

    /// <summary>The words the page uses for an outcome type (those of <c>run</c> and <c>trace</c>).</summary>
    internal static string Words(OutcomeType type) => type switch
    {
        OutcomeType.Survived => "survived",
        OutcomeType.RemovedByHighCommand => "removed by the high command",
        OutcomeType.CollapseByDefection => "collapse by defection",
        _ => "split",
    };

    /// <summary>
    /// Each outcome type's paired difference (package minus baseline) in percentage points with its interval, for
    /// the types that happened in either arm; a type neither arm ever ended in has a difference of exactly 0 with
    /// no spread, and is left out (null).
    /// </summary>
    private static JsonObject OutcomeDifferences(OutcomeComparison.Summary summary, double confidence)
    {
        var node = new JsonObject();
        IReadOnlyList<SanctionsSummary> arms = summary.Comparison.Arms;
        foreach (OutcomeType type in Enum.GetValues<OutcomeType>())
        {
            if (arms[0].OutcomeProbability(type).Successes == 0 && arms[1].OutcomeProbability(type).Successes == 0)
            {
                node[OutcomeTypes.Name(type)] = null;
                continue;
            }

            RunningMoments d = summary.Difference(type);
            ConfidenceInterval ci = d.MeanInterval(confidence);
            node[OutcomeTypes.Name(type)] = new JsonObject
            {
                ["pp"] = Finite(100 * d.Mean),
                ["lower"] = Finite(100 * ci.Lower),
                ["upper"] = Finite(100 * ci.Upper),
            };
        }

        return node;
    }

    /// <summary>How the arm's runs ended: each outcome type's probability with its Wilson interval, its count and its median week (1-based).</summary>
    private static JsonArray Outcomes(SanctionsSummary arm, double confidence)
    {
        var outcomes = new JsonArray();
        foreach (OutcomeSummary o in arm.Outcomes)
        {
            ConfidenceInterval ci = o.Probability.Wilson(confidence);
            outcomes.Add(new JsonObject
            {
                ["type"] = OutcomeTypes.Name(o.Outcome),
                ["words"] = Words(o.Outcome),
                ["p"] = Finite(o.Probability.Estimate),
                ["lower"] = Finite(ci.Lower),
                ["upper"] = Finite(ci.Upper),
                ["runs"] = o.Probability.Successes,
                ["medianWeek"] = o.MedianWeek is int m ? m + 1 : null,
            });
        }

        return outcomes;
    }

    private static JsonObject Arm(SanctionsSummary arm, bool highCommand, string role, double confidence)
    {
        ProportionEstimate p = arm.CollapseProbability;
        ConfidenceInterval ci = p.Wilson(confidence);
        var survival = new JsonArray();
        foreach (SurvivalPoint point in arm.SurvivalCurve(confidence))
        {
            survival.Add(new JsonArray(point.Week, Finite(point.Surviving), Finite(point.Interval.Lower), Finite(point.Interval.Upper)));
        }

        return new JsonObject
        {
            ["name"] = arm.ScenarioName,
            ["role"] = role,
            ["p"] = Finite(p.Estimate),
            ["lower"] = Finite(ci.Lower),
            ["upper"] = Finite(ci.Upper),
            ["weeks"] = arm.Weeks,
            ["highCommand"] = highCommand,
            ["outcomes"] = Outcomes(arm, confidence),
            ["survival"] = survival,
        };
    }

    private static JsonValue? Finite(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;

    private static async Task WriteAsync(HttpContext http, JsonObject line)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await http.Response.WriteAsync(line.ToJsonString() + "\n", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the page went away between the check and the write
        }
    }
}
