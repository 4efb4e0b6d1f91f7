using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Explorer.Levers;

/// <summary>
/// The levers of a scenario: for each sender's instruments, the fields that instrument reads (a sanction's bite,
/// an offer's credibility and value, a contact campaign's reach, when each starts), and the regime's reprisal and
/// detection risks, which the counterfactual presets move, and the high command's switch. Meanings and allowed ranges come from the scenario's
/// JSON Schema (<see cref="ScenarioJson.GetJsonSchema"/>, generated from the XML documentation of the fields).
/// </summary>
internal static class LeverCatalog
{
    private static readonly Lazy<JsonObject> Schema = new(() => JsonNode.Parse(ScenarioJson.GetJsonSchema())!.AsObject());

    /// <summary>
    /// The fields each built-in instrument kind reads (as <c>InstrumentEffect.For</c> and the offers' credibility
    /// have it), with the slider's upper end (null: the scenario's last week for a week, on or off for a switch).
    /// A custom instrument is user code: its fields mean what its code makes of them, so it has no sliders here.
    /// </summary>
    private static readonly Dictionary<string, (string Field, double? Max)[]> Fields = new(StringComparer.Ordinal)
    {
        ["oilEmbargo"] = [("bite", 1), ("startWeek", null)],
        ["financialSanctions"] = [("bite", 1), ("startWeek", null)],
        ["assetFreeze"] = [("bite", 1), ("startWeek", null)],
        ["secondarySanctions"] = [("bite", 1), ("startWeek", null)],
        ["targetedSanctions"] = [("freezeShare", 1), ("credibility", 1), ("delistOnDefection", null), ("startWeek", null)],
        ["recognition"] = [("startWeek", null)],
        ["contactCampaign"] = [("reachPerWeek", 200), ("startWeek", null)],
        ["amnesty"] = [("credibility", 1), ("value", 5), ("public", null), ("startWeek", null)],
        ["assetProtection"] = [("credibility", 1), ("value", 1), ("public", null), ("startWeek", null)],
        ["payments"] = [("credibility", 1), ("value", 5), ("public", null), ("startWeek", null)],
    };

    /// <summary>The regime's fields shown as levers: what a policy may shift (protecting families abroad lowers the reprisal risk).</summary>
    private static readonly string[] RegimeFields = ["reprisalProbability", "detectionProbability"];

    /// <summary>The levers of <paramref name="scenario"/>, in the order of its senders and instruments, then the regime's.</summary>
    public static IReadOnlyList<Lever> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        JsonObject root = JsonNode.Parse(ScenarioJson.Write(scenario))!.AsObject();
        var levers = new List<Lever>();
        JsonObject instrumentSchema = Properties("coalition", "instruments");
        if (root["coalition"] is JsonArray coalition)
        {
            for (int i = 0; i < coalition.Count; i++)
            {
                string sender = coalition[i]!["name"]!.GetValue<string>();
                if (coalition[i]!["instruments"] is not JsonArray instruments)
                {
                    continue;
                }

                for (int j = 0; j < instruments.Count; j++)
                {
                    JsonObject instrument = instruments[j]!.AsObject();
                    string kind = instrument["kind"]!.GetValue<string>();
                    bool unique = instruments.Count(x => x!["kind"]!.GetValue<string>() == kind) == 1;
                    string group = $"{SenderName(sender)}: {Words(kind)}" + (unique ? "" : $" (instrument {j + 1})");
                    foreach (var (field, max) in Fields.GetValueOrDefault(kind, []))
                    {
                        if (instrument[field] is not JsonValue value)
                        {
                            continue; // an unset field (null) is not a lever
                        }

                        string jsonPath = $"$.coalition[{i}].instruments[{j}].{field}";
                        string path = unique ? $"coalition.{sender}.{kind}.{field}" : jsonPath;
                        levers.Add(Make(jsonPath, path, group, field, instrumentSchema, value, max, scenario.Weeks));
                    }
                }
            }
        }

        JsonObject regimeSchema = Properties("regime");
        foreach (string field in RegimeFields)
        {
            if (root["regime"]?[field] is JsonValue value)
            {
                levers.Add(Make("$.regime." + field, "regime." + field, "The regime (a fact a policy may shift)", field, regimeSchema, value, 1, scenario.Weeks));
            }
        }

        // the high command's switch (off in every preset): with it on, a run may end with the ruler removed by the high command
        if (Schema.Value["properties"]?["highCommand"]?["properties"] is JsonObject highCommandSchema)
        {
            levers.Add(Make("$.highCommand.enabled", "highCommand.enabled", "The high command (whether the top brass may remove the ruler)", "enabled", highCommandSchema, JsonValue.Create(scenario.HighCommand.Enabled), null, scenario.Weeks));
        }

        return levers;
    }

    /// <summary>"US", "EU" as proper nouns; other names as written.</summary>
    public static string SenderName(string name) => name.Length <= 3 ? name.ToUpperInvariant() : name;

    private static Lever Make(string jsonPath, string path, string group, string field, JsonObject schema, JsonValue value, double? max, int weeks)
    {
        string description = schema[field]?["description"]?.GetValue<string>() ?? "";
        string type = schema[field]?["type"] switch
        {
            JsonValue t => t.GetValue<string>(),
            JsonArray a => a.Select(x => x!.GetValue<string>()).First(x => x != "null"),
            _ => "number",
        };
        var (meaning, allowed) = Split(description);
        if (type == "boolean")
        {
            return new Lever(jsonPath, path, group, Words(field), meaning, "on or off", LeverKind.Switch, 0, 1, 1, value);
        }

        double current = value.GetValue<double>();
        bool whole = type == "integer";
        double upper = max ?? (whole ? Math.Max(0, weeks - 1) : 1);
        upper = Math.Max(upper, current);
        double lower = Math.Min(0, current);
        double step = whole ? 1 : upper - lower > 20 ? 1 : 0.01;
        return new Lever(jsonPath, path, group, Words(field), meaning, allowed, whole ? LeverKind.Whole : LeverKind.Number, lower, upper, step, value);
    }

    /// <summary>A schema description split into its meaning (before "The default value is") and the allowed range (after "Range:").</summary>
    private static (string Meaning, string Allowed) Split(string description)
    {
        int range = description.IndexOf("Range:", StringComparison.Ordinal);
        string allowed = range < 0 ? "" : description[(range + "Range:".Length)..].Trim().TrimEnd('.');
        string meaning = range < 0 ? description : description[..range];
        int defaults = meaning.IndexOf("The default value is", StringComparison.Ordinal);
        meaning = (defaults < 0 ? meaning : meaning[..defaults]).Trim();
        return (meaning, allowed);
    }

    private static JsonObject Properties(params string[] path)
    {
        JsonNode node = Schema.Value;
        foreach (string step in path)
        {
            node = node["properties"]![step]!;
            if (node["items"] is JsonObject items)
            {
                node = items;
            }
        }

        return node["properties"]!.AsObject();
    }

    /// <summary>"reachPerWeek" → "reach per week", "oilEmbargo" → "oil embargo".</summary>
    private static string Words(string camel)
    {
        var text = new System.Text.StringBuilder();
        foreach (char c in camel)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
