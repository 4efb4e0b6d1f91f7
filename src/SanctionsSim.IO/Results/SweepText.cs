using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.IO.Batches;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A sweep's points (<c>sanctionssim sweep</c>) as CSV lines, JSON and a table (#28 item 3).</summary>
internal static class SweepText
{
    /// <summary>The CSV header of a sweep's points over <paramref name="levers"/>.</summary>
    public static string CsvHeader(IReadOnlyList<ExperimentParameter> levers)
        => "point," + string.Join(",", levers.Select(v => v.Name)) + ",replications,collapseProbability,collapseLower,collapseUpper,weeksSurvivedMean,finalShareMean";

    /// <summary>One point as a CSV line, with its Wilson interval at confidence <paramref name="c"/>.</summary>
    public static string CsvLine(SweepPoint point, double c)
    {
        var ci = point.CollapseProbability.Wilson(c);
        return string.Join(",", new[] { point.Index.ToString(CultureInfo.InvariantCulture) }
            .Concat(point.Values.Select(R))
            .Append(point.Replications.ToString(CultureInfo.InvariantCulture))
            .Concat(new[] { point.CollapseProbability.Estimate, ci.Lower, ci.Upper, point.WeeksSurvivedMean, point.FinalDefectedShareMean }.Select(R)));
    }

    /// <summary>The sweep as JSON: its settings and, when every point was kept, the points.</summary>
    public static JsonObject Json(SweepDefinition definition, ExperimentDesign d, SweepResult result, string? folder, IReadOnlyList<SweepPoint> kept, JsonNode structure)
    {
        var (scenario, levers, r, s, c) = (definition.Scenario, definition.Levers, definition.Runs, definition.Seed, definition.Confidence);
        var array = new JsonArray();
        foreach (var point in kept)
        {
            var values = new JsonObject();
            for (int j = 0; j < levers.Count; j++)
            {
                values[levers[j].Name] = point.Values[j];
            }

            array.Add(new JsonObject
            {
                ["point"] = point.Index,
                ["values"] = values,
                ["collapseProbability"] = SummaryJson.Proportion(point.CollapseProbability, c),
                ["weeksSurvived"] = new JsonObject { ["mean"] = point.WeeksSurvivedMean, ["standardError"] = Math.Sqrt(point.WeeksSurvivedVariance / point.Replications) },
                ["finalDefectedShare"] = new JsonObject { ["mean"] = point.FinalDefectedShareMean, ["standardError"] = Math.Sqrt(point.FinalDefectedShareVariance / point.Replications) },
            });
        }

        return new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["design"] = d.Description,
            ["parameters"] = new JsonArray(levers.Select(v => (JsonNode)v.ToString()).ToArray()),
            ["replicationsPerPoint"] = r,
            ["seed"] = s,
            ["points"] = d.Count,
            ["pointsDone"] = result.PointsDone,
            ["pointsResumed"] = result.PointsResumed,
            ["completed"] = result.Completed,
            ["out"] = folder,
            ["results"] = kept.Count == result.PointsDone ? array : null,
            ["structure"] = structure,
        };
    }

    /// <summary>The first 200 points as a table.</summary>
    public static TextTable Table(SweepDefinition definition, ExperimentDesign d, IReadOnlyList<SweepPoint> kept)
    {
        var (scenario, levers, r, c) = (definition.Scenario, definition.Levers, definition.Runs, definition.Confidence);
        var table = new TextTable($"{scenario.Name}: {d.Description}, {r} replications per point (common random numbers), {c:P0} Wilson intervals");
        table.Left("point");
        foreach (var v in levers)
        {
            table.Right(v.Name);
        }

        table.Right("P(collapse)").Right("weeks survived").Right("final share");
        foreach (var point in kept.Take(200))
        {
            var ci = point.CollapseProbability.Wilson(c);
            table.Row([point.Index.ToString(CultureInfo.InvariantCulture), .. point.Values.Select(v => Rounding.Cell(v, "G4")),
                $"{point.CollapseProbability.Estimate:F3} [{ci.Lower:F3}, {ci.Upper:F3}]", $"{point.WeeksSurvivedMean:F1}", $"{point.FinalDefectedShareMean:P1}"]);
        }

        return table;
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
