using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SanctionsSim.Analysis;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Packages;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Explorer.Estimates;

/// <summary>
/// <c>POST /api/estimate</c>: the package against its baseline on common random numbers, streamed as one JSON
/// line per chunk of replications (newline-delimited JSON): each arm's P(collapse) with its interval and its
/// survival curve, and the paired difference in percentage points. The last line has <c>"done": true</c> and why
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
        MonteCarloResult<ComparisonSummary> result = await ComparisonRun.RunAsync(package, runs, seed, options.Threads,
            partial => WriteAsync(http, Line(partial, package, runs, started.Elapsed, done: false, stopped: null)), lease.Token).ConfigureAwait(false);
        if (http.RequestAborted.IsCancellationRequested)
        {
            return; // the page moved on: nobody reads the rest
        }

        string stopped = result.IsPartial ? $"stopped at the time limit of {options.MaxComputeTime.TotalSeconds:0.#} s after {result.Replications:N0} of {runs:N0} paired runs" : "all runs done";
        await WriteAsync(http, Line(result, package, runs, started.Elapsed, done: true, stopped)).ConfigureAwait(false);
    }

    /// <summary>One line of the stream: the running estimates after <c>result.Replications</c> paired runs.</summary>
    internal static JsonObject Line(MonteCarloResult<ComparisonSummary> result, Package package, long target, TimeSpan elapsed, bool done, string? stopped)
    {
        ComparisonSummary s = result.Summary;
        var arms = new JsonArray();
        for (int k = 0; k < s.Arms.Count; k++)
        {
            arms.Add(Arm(s.Arms[k], k == 0 ? "baseline" : "package", result.Confidence));
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
            };
        }

        return line;
    }

    private static JsonObject Arm(SanctionsSummary arm, string role, double confidence)
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
