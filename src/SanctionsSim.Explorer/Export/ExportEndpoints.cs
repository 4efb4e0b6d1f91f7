using System.Text;
using Microsoft.AspNetCore.Http;
using SanctionsSim.Analysis;
using SanctionsSim.Explorer.Estimates;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Packages;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Explorer.Export;

/// <summary>
/// Downloads: <c>POST /api/export/scenario</c> returns the package as a scenario file (what <c>sanctionssim run
/// FILE</c> reads); <c>POST /api/export/report</c> runs the comparison the page shows (same runs, same seed, so the
/// same numbers) and returns the tool's HTML report of it. Nothing is written on the server.
/// </summary>
internal static class ExportEndpoints
{
    public static readonly string[] ReportFields = [.. Package.Fields, "runs", "seed"];

    public static async Task<IResult> ScenarioAsync(HttpContext http, ExplorerOptions options)
    {
        RequestBody body = await RequestBody.ReadAsync(http.Request.Body, options.MaxScenarioBytes * 2, Package.Fields, http.RequestAborted).ConfigureAwait(false);
        Package package = Package.Read(body);
        return Results.File(Encoding.UTF8.GetBytes(ScenarioJson.Write(package.Scenario)), "application/json", FileName(package.Scenario.Name, ".json"));
    }

    public static async Task<IResult> ReportAsync(HttpContext http, ExplorerOptions options, WorkGate gate)
    {
        RequestBody body = await RequestBody.ReadAsync(http.Request.Body, options.MaxScenarioBytes * 2, ReportFields, http.RequestAborted).ConfigureAwait(false);
        Package package = Package.Read(body);
        long runs = body.Whole("runs", 1, options.MaxReplications, Math.Min(1000, options.MaxReplications));
        ulong seed = (ulong)body.Whole("seed", 0, long.MaxValue, 1);
        using WorkGate.Lease lease = await gate.EnterAsync(http.RequestAborted).ConfigureAwait(false);
        MonteCarloResult<OutcomeComparison.Summary> run = await ComparisonRun.RunAsync(package, runs, seed, options.Threads, null, lease.Token).ConfigureAwait(false);
        http.RequestAborted.ThrowIfCancellationRequested();
        var result = new MonteCarloResult<ComparisonSummary>(run.Summary.Comparison, run.Seed, run.FirstReplication, run.Replications, run.StopReason, run.Confidence);
        if (result.Replications < 2)
        {
            throw new InputException($"The report needs at least 2 paired runs; {result.Replications} finished within the time limit of {options.MaxComputeTime.TotalSeconds:0.#} s.");
        }

        string html = options.ComparisonReport(result, package.Arms);
        if (result.IsPartial)
        {
            http.Response.Headers["X-SanctionsSim-Partial"] = $"{result.Replications} of {runs} paired runs (time limit)";
        }

        return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", FileName(package.Scenario.Name + "-report", ".html"));
    }

    /// <summary>A file name from a scenario name: letters, digits, '-' and '_' kept, the rest as '-'.</summary>
    internal static string FileName(string name, string extension)
    {
        var text = new StringBuilder();
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        string stem = text.ToString().Trim('-');
        return (stem.Length == 0 ? "scenario" : stem[..Math.Min(stem.Length, 80)]) + extension;
    }
}
