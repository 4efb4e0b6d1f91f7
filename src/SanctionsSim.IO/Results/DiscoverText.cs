using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A scenario discovery by PRIM (<c>sanctionssim discover</c>) as JSON and tables (#28 item 3).</summary>
internal static class DiscoverText
{
    private static string F(double x) => Rounding.Significant(x, 4);

    /// <summary>The chosen box and the peeling trajectory as JSON.</summary>
    public static JsonObject Json(PrimResult result, PrimBox box, string where) => new()
    {
        ["where"] = where,
        ["points"] = result.Points,
        ["cases"] = result.Cases,
        ["baseDensity"] = result.BaseDensity,
        ["chosen"] = Box(box),
        ["trajectory"] = new JsonArray([.. result.Trajectory.Select(b => (JsonNode)Box(b))]),
    };

    private static JsonObject Box(PrimBox b) => new()
    {
        ["index"] = b.Index,
        ["coverage"] = b.Coverage,
        ["density"] = b.Density,
        ["mass"] = b.Mass,
        ["points"] = b.Points,
        ["cases"] = b.Cases,
        ["limits"] = new JsonArray([.. b.Limits.Where(l => l.Restricted).Select(l => (JsonNode)new JsonObject { ["input"] = l.Name, ["lower"] = l.Lower, ["upper"] = l.Upper, ["pValue"] = l.PValue })]),
    };

    /// <summary>The chosen box's limits: each restricted input's range and quasi-p value.</summary>
    public static TextTable Limits(PrimResult result, PrimBox box, string where)
    {
        var limits = new TextTable($"Where {where}: box {box.Index} of {result.Trajectory.Count - 1} (coverage {box.Coverage:P1}, density {box.Density:P1}, mass {box.Mass:P1}; base density {result.BaseDensity:P1})")
            .Left("input").Right("lower").Right("upper").Right("quasi-p");
        foreach (var l in box.Limits.Where(l => l.Restricted))
        {
            limits.Row(l.Name, F(l.Lower), F(l.Upper), (l.PValue < 0.001 ? "< 0.001" : Rounding.Significant(l.PValue, 2)));
        }

        return limits;
    }

    /// <summary>The peeling trajectory, thinned to about 15 boxes, the chosen one marked.</summary>
    public static TextTable Trajectory(PrimResult result, PrimBox box, double minDensity)
    {
        var t = new TextTable($"Peeling trajectory (chosen: the most coverage at density ≥ {minDensity:P0})").Right("box")
            .Right("coverage").Right("density").Right("mass").Right("inputs restricted");
        int step = Math.Max(1, result.Trajectory.Count / 15);
        foreach (var b in result.Trajectory.Where(b => b.Index % step == 0 || b.Index == box.Index || b.Index == result.Trajectory.Count - 1))
        {
            t.Row((b.Index == box.Index ? "→ " : "") + b.Index.ToString(CultureInfo.InvariantCulture), $"{b.Coverage:P1}", $"{b.Density:P1}", $"{b.Mass:P1}", b.RestrictedCount.ToString(CultureInfo.InvariantCulture));
        }

        return t;
    }
}
