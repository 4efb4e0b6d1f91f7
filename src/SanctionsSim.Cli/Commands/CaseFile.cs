using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// A user's own historical case for <c>calibrate --case-file</c>: a scenario (a file path relative to the case file,
/// a preset name, or the scenario itself as an object) and what happened. docs/calibration.md, §Your own case.
/// </summary>
internal static class CaseFile
{
    private static readonly string[] Fields = ["name", "outcome", "scenario", "observation"];
    private static readonly string[] ObservationFields = ["collapsed", "collapseWeek", "earlyGeneralDefections", "generalsDefected", "defectedShare", "earlyLowRankCrossings", "lowRankCrossings", "source"];

    public static HistoricalCase Read(string path) => ReadWithJson(path).Case;

    /// <summary>Reads a case file; also returns it self-contained (the scenario inlined), as a calibration plan stores it.</summary>
    public static (HistoricalCase Case, JsonObject Json) ReadWithJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--case-file '{path}': no such file.");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip }) as JsonObject ?? throw new UserInputException($"{path}: a case file is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path}: not valid JSON ({e.Message}).");
        }

        var c = FromJson(root, path);
        var json = (JsonObject)root.DeepClone();
        json["scenario"] = JsonNode.Parse(ScenarioJson.Write(c.Scenario));
        return (c, json);
    }

    /// <summary>A case from its JSON; <paramref name="path"/> names it in errors and anchors a relative scenario path.</summary>
    public static HistoricalCase FromJson(JsonObject root, string path)
    {
        Unknown(path, root, Fields, "$");
        string name = Text(path, root, "name", "$.name");
        var observation = root["observation"] as JsonObject ?? throw new UserInputException($"{path}: $.observation: required, an object with at least 'collapsed'.");
        Unknown(path, observation, ObservationFields, "$.observation");
        if (observation["collapsed"] is not JsonValue collapsedValue || !collapsedValue.TryGetValue(out bool collapsed))
        {
            throw new UserInputException($"{path}: $.observation.collapsed: required, true or false.");
        }

        Scenario scenario = ReadScenario(root, path);
        var o = new CaseObservation
        {
            Collapsed = collapsed,
            CollapseWeek = Integer(path, observation, "collapseWeek"),
            EarlyGeneralDefections = Integer(path, observation, "earlyGeneralDefections"),
            GeneralsDefected = Integer(path, observation, "generalsDefected"),
            DefectedShare = Number(path, observation, "defectedShare"),
            EarlyLowRankCrossings = Number(path, observation, "earlyLowRankCrossings"),
            LowRankCrossings = Number(path, observation, "lowRankCrossings"),
            Source = observation["source"]?.GetValue<string>() ?? "",
        };
        try
        {
            return new HistoricalCase(name, root["outcome"]?.GetValue<string>() ?? "", () => scenario, o);
        }
        catch (ArgumentException e)
        {
            // "case 'x': observation.collapseWeek is 9; …": point at the file and the JSON path
            throw new UserInputException($"{path}: $.{e.Message.Split(" (Parameter")[0].Replace($"case '{name}': ", "", StringComparison.Ordinal)}");
        }
    }

    private static Scenario ReadScenario(JsonObject root, string path)
    {
        if (root["scenario"] is JsonObject inline)
        {
            var errors = ScenarioJson.TryRead(System.Text.Encoding.UTF8.GetBytes(inline.ToJsonString()), out Scenario? s);
            return s ?? throw new UserInputException($"{path}: $.scenario{errors[0].ToString().TrimStart('$')}");
        }

        string scenarioRef = Text(path, root, "scenario", "$.scenario");
        string candidate = Path.IsPathRooted(scenarioRef) ? scenarioRef : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, scenarioRef);
        return File.Exists(candidate) ? Common.LoadScenario(candidate) : Common.LoadScenario(scenarioRef);
    }

    private static void Unknown(string path, JsonObject obj, string[] known, string at)
    {
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                string hint = Internal.Suggest.Closest(key, known) is { } s ? $"; did you mean '{s}'?" : $"; known fields: {string.Join(", ", known)}";
                throw new UserInputException($"{path}: {at}.{key}: unknown field{hint}");
            }
        }
    }

    private static string Text(string path, JsonObject obj, string field, string at)
        => obj[field] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : throw new UserInputException($"{path}: {at}: required, a non-empty string.");

    private static int? Integer(string path, JsonObject obj, string field)
    {
        if (obj[field] is null)
        {
            return null;
        }

        return obj[field] is JsonValue v && v.TryGetValue(out int i) ? i : throw new UserInputException($"{path}: $.observation.{field}: must be an integer; got {obj[field]!.ToJsonString()}.");
    }

    private static double? Number(string path, JsonObject obj, string field)
    {
        if (obj[field] is null)
        {
            return null;
        }

        return obj[field] is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d)
            ? d
            : throw new UserInputException($"{path}: $.observation.{field}: must be a finite number; got {obj[field]!.ToJsonString().ToString(CultureInfo.InvariantCulture)}.");
    }
}
