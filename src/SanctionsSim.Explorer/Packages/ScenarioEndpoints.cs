using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Levers;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Explorer.Packages;

/// <summary>
/// <c>GET /api/presets</c> lists the presets; <c>POST /api/scenario</c> loads a preset or checks an uploaded file and
/// returns its levers.
/// </summary>
internal static class ScenarioEndpoints
{
    public static IResult Presets(ExplorerOptions options)
    {
        var list = new JsonArray();
        foreach (string name in SanctionsSim.Scenarios.Cases.Presets.Names)
        {
            list.Add(new JsonObject { ["name"] = name, ["description"] = SanctionsSim.Scenarios.Cases.Presets.Describe(name), ["weeks"] = SanctionsSim.Scenarios.Cases.Presets.Get(name).Weeks });
        }

        return Results.Json(new JsonObject { ["default"] = SanctionsSim.Scenarios.Cases.Presets.Default, ["presets"] = list, ["maxRuns"] = options.MaxReplications, ["maxSeconds"] = options.MaxComputeTime.TotalSeconds });
    }

    public static async Task<IResult> LoadAsync(HttpContext http, ExplorerOptions options)
    {
        RequestBody body = await RequestBody.ReadAsync(http.Request.Body, options.MaxScenarioBytes * 2, ["preset", "scenario"], http.RequestAborted).ConfigureAwait(false);
        if (body.String("scenario") is string text && System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxScenarioBytes)
        {
            throw new InputException($"'scenario': the file has {System.Text.Encoding.UTF8.GetByteCount(text):N0} bytes; the explorer takes scenario files up to {options.MaxScenarioBytes:N0} bytes.");
        }

        Scenario scenario = Package.LoadScenario(body);
        var levers = new JsonArray();
        foreach (Lever lever in LeverCatalog.For(scenario))
        {
            levers.Add(lever.ToJson());
        }

        return Results.Json(new JsonObject
        {
            ["name"] = scenario.Name,
            ["description"] = scenario.Description,
            ["weeks"] = scenario.Weeks,
            ["hash"] = ScenarioJson.Hash(scenario),
            ["levers"] = levers,
        });
    }
}
