using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Internal;
using SanctionsSim.Model;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// A historical case as data: its sourced facts, the scenario and ranges the coding rules make of them, and what
/// happened (docs/cases.md, §The case file). The shipped case base is a set of these (<see cref="CaseBase"/>); a
/// user's own case uses the same format, with or without facts (without, it is not checked against the rules).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class CaseFile
{
    private static readonly string[] Fields = ["name", "title", "outcome", "rulesVersion", "scenario", "ranges", "observation", "facts"];
    private static readonly string[] ObservationFields = ["outcomeType", "outcomeWeek", "collapsed", "collapseWeek", "earlyGeneralDefections", "generalsDefected", "defectedShare", "earlyLowRankCrossings", "lowRankCrossings", "ranges", "source"];
    private readonly string? _facts;

    private CaseFile(string name, string title, string summary, string? rulesVersion, Scenario scenario, IReadOnlyList<FactRange> ranges, CaseObservation observation, string? facts)
    {
        Name = name;
        Title = title;
        Summary = summary;
        RulesVersion = rulesVersion;
        Scenario = scenario;
        Ranges = ranges;
        Observation = observation;
        _facts = facts;
    }

    /// <summary>The case's name, for example <c>egypt-2011</c>.</summary>
    public string Name { get; }

    /// <summary>A one-line title.</summary>
    public string Title { get; }

    /// <summary>What happened, in one or two sentences.</summary>
    public string Summary { get; }

    /// <summary>The version of the coding rules the case was coded with; null for a case without facts.</summary>
    public string? RulesVersion { get; }

    /// <summary>The scenario at the facts' best estimates.</summary>
    public Scenario Scenario { get; }

    /// <summary>The fields drawn per replication within their facts' ranges (rule D1).</summary>
    public IReadOnlyList<FactRange> Ranges { get; }

    /// <summary>What happened, as the model measures it.</summary>
    public CaseObservation Observation { get; }

    /// <summary>The facts as JSON (the dossier), or null for a case without facts.</summary>
    public JsonObject? Facts => _facts is null ? null : JsonNode.Parse(_facts)!.AsObject();

    /// <summary>The number of sources the facts cite.</summary>
    public int SourceCount => Facts?["sources"] is JsonArray s ? s.Count : 0;

    /// <summary>The case's week 0 (ISO date), from its facts; null without facts.</summary>
    public string? WeekZero => Facts?["weekZero"]?.GetValue<string>();

    /// <summary>The regime type recorded with the facts (rule E2); null without facts.</summary>
    public string? RegimeType => Facts?["regimeType"] is JsonObject t ? t["value"]?.GetValue<string>() : null;

    /// <summary>Codes a case from its facts under a version of the rules.</summary>
    /// <param name="facts">The facts (docs/cases.md, §The case file).</param>
    /// <param name="rules">The coding rules; the newest when null.</param>
    /// <returns>The coded case.</returns>
    /// <exception cref="ScenarioValidationException">The facts are incomplete or out of range; every problem with its JSON path.</exception>
    public static CaseFile Code(JsonObject facts, CodingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        rules ??= CodingRules.Latest;
        var coded = CaseCoder.Code(facts, rules);
        string summary = facts["outcome"] is JsonObject o && o["description"] is JsonValue d && d.TryGetValue(out string? s) ? s : "";
        return new CaseFile(coded.Scenario.Name, facts["title"]?.GetValue<string>() ?? coded.Scenario.Name, summary, rules.Version, coded.Scenario, coded.Ranges, coded.Observation, facts.ToJsonString());
    }

    /// <summary>Reads a case file.</summary>
    /// <param name="json">The file's text (comments and trailing commas allowed).</param>
    /// <param name="resolveScenario">Resolves a scenario given by name or path (the <c>scenario</c> field as a string); null allows only inline scenarios.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ScenarioValidationException">The file is not a valid case file; every problem with its JSON path.</exception>
    public static CaseFile Parse(string json, Func<string, Scenario>? resolveScenario = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw Error("$", json.Length > 40 ? json[..40] + "..." : json, "a case file is a JSON object");
        }
        catch (JsonException e)
        {
            throw Error($"$ (line {e.LineNumber + 1})", "text", $"not valid JSON: {e.Message}");
        }

        return FromJson(root, resolveScenario);
    }

    /// <summary>Reads a case file's JSON.</summary>
    /// <param name="root">The case file's root object.</param>
    /// <param name="resolveScenario">Resolves a scenario given by name or path; null allows only inline scenarios.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ScenarioValidationException">The file is not a valid case file; every problem with its JSON path.</exception>
    public static CaseFile FromJson(JsonObject root, Func<string, Scenario>? resolveScenario = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var read = new FactsReader("$");
        foreach (var (key, value) in root)
        {
            if (!Fields.Contains(key, StringComparer.Ordinal))
            {
                read.Fail($"$.{key}", value, "unknown field; " + (Suggest.Closest(key, Fields) is { } close ? $"did you mean '{close}'?" : "known fields: " + string.Join(", ", Fields)));
            }
        }

        string name = read.Text(root, "name", "$", required: true) ?? "case";
        string? rulesVersion = read.Text(root, "rulesVersion", "$", required: false);
        var facts = root["facts"] as JsonObject;
        if (root["facts"] is { } notObject && facts is null)
        {
            read.Fail("$.facts", notObject, "must be an object (the case's facts)");
        }

        if (facts is not null && rulesVersion is null)
        {
            read.Fail("$.rulesVersion", null, "required with facts: the version of the coding rules the case was coded with (" + string.Join(", ", CodingRules.AvailableVersions) + ")");
        }

        if (rulesVersion is not null && !CodingRules.AvailableVersions.Contains(rulesVersion))
        {
            read.Fail("$.rulesVersion", root["rulesVersion"], "no coding rules of that version; versions: " + string.Join(", ", CodingRules.AvailableVersions));
        }

        Scenario? scenario = ReadScenario(root, read, resolveScenario);
        var ranges = ReadRanges(root, read, scenario);
        var observation = ReadObservation(root, read);
        if (read.Errors.Count > 0)
        {
            throw new ScenarioValidationException(read.Errors);
        }

        string title = root["title"]?.GetValue<string>() ?? name;
        string summary = root["outcome"]?.GetValue<string>() ?? "";
        return new CaseFile(name, title, summary, rulesVersion, scenario!, ranges, observation!, facts?.ToJsonString());
    }

    /// <summary>
    /// The differences between this case's coded fields and what its rules make of its facts: empty when the case
    /// follows its rules (or has no facts). Each line names the field, the recorded value and the coded one.
    /// </summary>
    /// <returns>The differences, one per line.</returns>
    public IReadOnlyList<string> CheckAgainstRules()
    {
        if (Facts is not JsonObject facts || RulesVersion is null)
        {
            return [];
        }

        CaseFile coded;
        try
        {
            coded = Code(facts, CodingRules.Get(RulesVersion));
        }
        catch (ScenarioValidationException e)
        {
            return [.. e.Errors.Select(x => $"the facts do not code: {x}")];
        }

        var differences = new List<string>();
        Compare("$.scenario", JsonNode.Parse(ScenarioJson.Write(Scenario)), JsonNode.Parse(ScenarioJson.Write(coded.Scenario)), differences);
        Compare("$.ranges", RangesJson(Ranges), RangesJson(coded.Ranges), differences);
        Compare("$.observation", ObservationJson(Observation), ObservationJson(coded.Observation), differences);
        return differences;
    }

    /// <summary>The case file's JSON (indented), in the format <see cref="Parse"/> reads.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["name"] = Name,
            ["title"] = Title,
            ["outcome"] = Summary,
        };
        if (RulesVersion is not null)
        {
            root["rulesVersion"] = RulesVersion;
        }

        root["observation"] = ObservationJson(Observation);
        root["ranges"] = RangesJson(Ranges);
        root["scenario"] = JsonNode.Parse(ScenarioJson.Write(Scenario));
        if (Facts is JsonObject facts)
        {
            root["facts"] = facts;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static ScenarioValidationException Error(string path, string value, string message)
        => new([new ScenarioError { Path = path, Value = value, Message = message }]);

    private static Scenario? ReadScenario(JsonObject root, FactsReader read, Func<string, Scenario>? resolve)
    {
        switch (root["scenario"])
        {
            case JsonObject inline:
                var errors = ScenarioJson.ReadErrors(Encoding.UTF8.GetBytes(inline.ToJsonString()), out Scenario? s);
                foreach (var e in errors)
                {
                    read.Fail("$.scenario" + e.Path.TrimStart('$'), null, e.Message + "; got " + e.Value);
                }

                return s;
            case JsonValue v when v.TryGetValue(out string? reference) && !string.IsNullOrWhiteSpace(reference):
                if (resolve is null)
                {
                    read.Fail("$.scenario", v, "a case from this source must inline its scenario (an object)");
                    return null;
                }

                try
                {
                    return resolve(reference);
                }
                catch (Exception e) when (e is ArgumentException or KeyNotFoundException or ScenarioValidationException or IOException)
                {
                    read.Fail("$.scenario", v, e.Message.TrimEnd('.'));
                    return null;
                }

            case var other:
                read.Fail("$.scenario", other, "required: the scenario itself (an object), a preset's name or a scenario file's path");
                return null;
        }
    }

    private static List<FactRange> ReadRanges(JsonObject root, FactsReader read, Scenario? scenario)
    {
        var ranges = new List<FactRange>();
        JsonNode? scenarioJson = scenario is null ? null : JsonNode.Parse(ScenarioJson.Write(scenario));
        foreach (var (r, at) in read.Array(root, "ranges", "$"))
        {
            string? path = read.Text(r, "path", at, required: true);
            var low = read.Quantity(r, "low", at, required: true, double.MinValue, double.MaxValue);
            var mode = read.Quantity(r, "mode", at, required: true, double.MinValue, double.MaxValue);
            var high = read.Quantity(r, "high", at, required: true, double.MinValue, double.MaxValue);
            if (path is null || low is null || mode is null || high is null)
            {
                continue;
            }

            if (!(low.Value.Value <= mode.Value.Value && mode.Value.Value <= high.Value.Value && low.Value.Value < high.Value.Value))
            {
                read.Fail(at, r, "needs low ≤ mode ≤ high and low < high");
                continue;
            }

            if (scenarioJson is not null && !(Navigate(scenarioJson, path) is JsonValue field && field.TryGetValue(out double current) && Math.Abs(current - mode.Value.Value) <= 1e-9 * Math.Max(1, Math.Abs(current))))
            {
                read.Fail($"{at}.path", r["path"], "must name a numeric field of the scenario that holds the range's mode");
                continue;
            }

            ranges.Add(new FactRange { Path = path, Low = low.Value.Value, Mode = mode.Value.Value, High = high.Value.Value, Rule = r["rule"]?.GetValue<string>() ?? "" });
        }

        return ranges;
    }

    /// <summary>Follows a JSON path of the form <c>$.a.b[2].c</c>.</summary>
    internal static JsonNode? Navigate(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (string part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string property = part;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            var indices = new List<int>();
            if (bracket >= 0)
            {
                property = part[..bracket];
                foreach (string index in part[(bracket + 1)..].TrimEnd(']').Split("]["))
                {
                    if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i))
                    {
                        return null;
                    }

                    indices.Add(i);
                }
            }

            node = node is JsonObject o ? o[property] : null;
            foreach (int i in indices)
            {
                node = node is JsonArray a && i < a.Count ? a[i] : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static CaseObservation? ReadObservation(JsonObject root, FactsReader read)
    {
        var o = read.Object(root, "observation", "$", required: true);
        if (o is null)
        {
            return null;
        }

        foreach (var (key, value) in o)
        {
            if (!ObservationFields.Contains(key, StringComparer.Ordinal))
            {
                read.Fail($"$.observation.{key}", value, "unknown field; " + (Suggest.Closest(key, ObservationFields) is { } close ? $"did you mean '{close}'?" : "known fields: " + string.Join(", ", ObservationFields)));
            }
        }

        OutcomeType? outcome = null;
        if (o["outcomeType"] is { } typeNode)
        {
            string? name = typeNode is JsonValue tv && tv.TryGetValue(out string? t) ? t : null;
            if (OutcomeTypes.TryParse(name, out var type))
            {
                outcome = type;
            }
            else
            {
                read.Fail("$.observation.outcomeType", typeNode, "must be an outcome type; " + OutcomeTypes.Hint(name));
            }
        }

        bool? collapsed = o["collapsed"] is JsonValue cv && cv.TryGetValue(out bool c) ? c : null;
        if (collapsed is null)
        {
            if (outcome is OutcomeType known)
            {
                collapsed = OutcomeTypes.RulerGone(known);
            }
            else
            {
                read.Fail("$.observation.collapsed", o["collapsed"], "required, true or false (or give outcomeType)");
            }
        }
        else if (outcome is OutcomeType known && OutcomeTypes.RulerGone(known) != collapsed)
        {
            read.Fail("$.observation.collapsed", o["collapsed"], $"contradicts outcomeType '{OutcomeTypes.Name(known)}' (the ruler is {(OutcomeTypes.RulerGone(known) ? "gone" : "not gone")} under it)");
        }

        int? Integer(string field)
        {
            if (o[field] is null)
            {
                return null;
            }

            if (o[field] is JsonValue v && v.TryGetValue(out int i) && i >= 0)
            {
                return i;
            }

            read.Fail($"$.observation.{field}", o[field], "must be a whole number ≥ 0");
            return null;
        }

        double? Number(string field)
        {
            if (o[field] is null)
            {
                return null;
            }

            if (o[field] is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d) && d >= 0)
            {
                return d;
            }

            read.Fail($"$.observation.{field}", o[field], "must be a finite number ≥ 0");
            return null;
        }

        var ranges = new Dictionary<string, ObservedRange>(StringComparer.Ordinal);
        if (o["ranges"] is JsonObject rangeObject)
        {
            foreach (var (key, value) in rangeObject)
            {
                if (value is JsonArray pair && pair.Count == 2 && pair[0] is JsonValue a && a.TryGetValue(out double low) && pair[1] is JsonValue b && b.TryGetValue(out double high)
                    && double.IsFinite(low) && double.IsFinite(high) && low <= high && low >= 0)
                {
                    ranges[key] = new ObservedRange { Low = low, High = high };
                }
                else
                {
                    read.Fail($"$.observation.ranges.{key}", value, "must be [low, high] with 0 ≤ low ≤ high");
                }
            }
        }
        else if (o["ranges"] is { } bad)
        {
            read.Fail("$.observation.ranges", bad, "must be an object of [low, high] pairs by field");
        }

        return new CaseObservation
        {
            Outcome = outcome,
            OutcomeWeek = Integer("outcomeWeek"),
            Collapsed = collapsed ?? false,
            CollapseWeek = Integer("collapseWeek"),
            EarlyGeneralDefections = Integer("earlyGeneralDefections"),
            GeneralsDefected = Integer("generalsDefected"),
            DefectedShare = Number("defectedShare"),
            EarlyLowRankCrossings = Number("earlyLowRankCrossings"),
            LowRankCrossings = Number("lowRankCrossings"),
            Ranges = ranges,
            Source = o["source"] is JsonValue sv && sv.TryGetValue(out string? source) ? source : "",
        };
    }

    private static JsonObject ObservationJson(CaseObservation o)
    {
        var json = new JsonObject();
        if (o.Outcome is OutcomeType type)
        {
            json["outcomeType"] = OutcomeTypes.Name(type);
        }

        json["outcomeWeek"] = o.OutcomeWeek;
        json["collapsed"] = o.Collapsed;
        json["collapseWeek"] = o.CollapseWeek;
        json["earlyGeneralDefections"] = o.EarlyGeneralDefections;
        json["generalsDefected"] = o.GeneralsDefected;
        json["defectedShare"] = o.DefectedShare;
        json["earlyLowRankCrossings"] = o.EarlyLowRankCrossings;
        json["lowRankCrossings"] = o.LowRankCrossings;
        var ranges = new JsonObject();
        foreach (var (key, r) in o.Ranges.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            ranges[key] = new JsonArray(r.Low, r.High);
        }

        json["ranges"] = ranges;
        json["source"] = o.Source;
        foreach (string key in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(key);
        }

        return json;
    }

    private static JsonArray RangesJson(IEnumerable<FactRange> ranges)
    {
        var array = new JsonArray();
        foreach (var r in ranges)
        {
            array.Add(new JsonObject { ["path"] = r.Path, ["low"] = r.Low, ["mode"] = r.Mode, ["high"] = r.High, ["rule"] = r.Rule });
        }

        return array;
    }

    private static void Compare(string at, JsonNode? recorded, JsonNode? coded, List<string> differences)
    {
        switch (recorded, coded)
        {
            case (JsonObject a, JsonObject b):
                foreach (string key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    Compare($"{at}.{key}", a[key], b[key], differences);
                }

                break;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    differences.Add($"{at}: {a.Count} elements recorded, the rules make {b.Count}");
                }

                for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    Compare($"{at}[{i}]", a[i], b[i], differences);
                }

                break;
            default:
                string x = recorded?.ToJsonString() ?? "null", y = coded?.ToJsonString() ?? "null";
                if (x != y)
                {
                    differences.Add($"{at}: recorded {x}, the rules make {y}");
                }

                break;
        }
    }
}
