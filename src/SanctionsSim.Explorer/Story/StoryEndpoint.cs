using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Packages;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.Explorer.Story;

/// <summary>
/// <c>POST /api/story</c>: one replication of the package told week by week (the <c>trace</c> command's story):
/// the defected share, who defected, the purges, and what happened, in the tool's words, and how the run ended
/// (its outcome type and week).
/// </summary>
internal static class StoryEndpoint
{
    public static readonly string[] Fields = [.. Package.Fields, "replication", "seed"];

    public static async Task<IResult> HandleAsync(HttpContext http, ExplorerOptions options, WorkGate gate)
    {
        RequestBody body = await RequestBody.ReadAsync(http.Request.Body, options.MaxScenarioBytes * 2, Fields, http.RequestAborted).ConfigureAwait(false);
        Package package = Package.Read(body);
        long replication = body.Whole("replication", 0, 1_000_000_000, 0);
        ulong seed = (ulong)body.Whole("seed", 0, long.MaxValue, 1);
        using WorkGate.Lease lease = await gate.EnterAsync(http.RequestAborted).ConfigureAwait(false);
        ReplicationTrace trace = await Task.Run(() => new SanctionsModel(package.Scenario).Trace(seed, replication), lease.Token).ConfigureAwait(false);
        return Results.Json(ToJson(trace, options.DescribeWeek), statusCode: 200);
    }

    internal static JsonObject ToJson(ReplicationTrace trace, Func<TraceWeek?, TraceWeek, SanctionsSim.Model.OutcomeType, string> describe)
    {
        var weeks = new JsonArray();
        TraceWeek? previous = null;
        foreach (TraceWeek w in trace.Weeks)
        {
            weeks.Add(new JsonObject
            {
                ["week"] = w.Week,
                ["share"] = w.DefectedShare,
                ["generals"] = w.GeneralDefections,
                ["seniors"] = w.SeniorDefections,
                ["purged"] = w.Purges,
                ["crossings"] = Math.Round(w.Crossings),
                ["happened"] = describe(previous, w, trace.Outcome),
            });
            previous = w;
        }

        string outcome = trace.Outcome switch
        {
            SanctionsSim.Model.OutcomeType.RemovedByHighCommand => $"the high command removed the ruler in week {trace.OutcomeWeek}, the regime's apparatus intact",
            SanctionsSim.Model.OutcomeType.Split => $"the regime stood for all {trace.Weeks.Count} weeks, but a branch went over as a body in week {trace.OutcomeWeek} (a split)",
            _ => trace.CollapseWeek is int c ? $"the regime fell in week {c}" : $"the regime stood for all {trace.Weeks.Count} weeks",
        };
        return new JsonObject
        {
            ["scenario"] = trace.Scenario,
            ["replication"] = trace.Replication,
            ["seed"] = trace.Seed,
            ["summary"] = $"Run {trace.Replication} of '{trace.Scenario}' (seed {trace.Seed}): {outcome}; {trace.Weeks.Sum(w => w.GeneralDefections)} generals and {trace.Weeks.Sum(w => w.SeniorDefections)} senior officers defected, {trace.Weeks.Sum(w => w.Purges)} were purged.",
            ["collapseWeek"] = trace.CollapseWeek,
            ["outcome"] = SanctionsSim.Model.OutcomeTypes.Name(trace.Outcome),
            ["outcomeWords"] = Estimates.EstimateEndpoint.Words(trace.Outcome),
            ["outcomeWeek"] = trace.OutcomeWeek,
            ["weeks"] = weeks,
        };
    }
}
