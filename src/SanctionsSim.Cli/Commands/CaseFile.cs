using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Model;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// A user's own historical case for <c>calibrate --case-file</c>: a scenario (a file path relative to the case file,
/// or a preset name) and what happened. docs/calibration.md, §Your own case.
/// </summary>
internal static class CaseFile
{
    private static readonly string[] Fields = ["name", "outcome", "scenario", "observation"];
    private static readonly string[] ObservationFields = ["collapsed", "collapseWeek", "earlyGeneralDefections", "generalsDefected", "defectedShare", "earlyLowRankCrossings", "lowRankCrossings", "source"];

    public static HistoricalCase Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--case-file '{path}': no such file.");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UserInputException($"{path}: a case file is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path}: not valid JSON ({e.Message}).");
        }

        Unknown(path, root, Fields, "$");
        string name = Text(path, root, "name", "$.name");
        string scenarioRef = Text(path, root, "scenario", "$.scenario");
        var observation = root["observation"] as JsonObject ?? throw new UserInputException($"{path}: $.observation: required, an object with at least 'collapsed'.");
        Unknown(path, observation, ObservationFields, "$.observation");
        if (observation["collapsed"] is not JsonValue collapsedValue || !collapsedValue.TryGetValue(out bool collapsed))
        {
            throw new UserInputException($"{path}: $.observation.collapsed: required, true or false.");
        }

        string candidate = Path.IsPathRooted(scenarioRef) ? scenarioRef : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, scenarioRef);
        Scenario scenario = File.Exists(candidate) ? Common.LoadScenario(candidate) : Common.LoadScenario(scenarioRef);
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
