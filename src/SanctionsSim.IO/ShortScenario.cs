using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO;

/// <summary>
/// The short scenario file <c>init</c> writes for a student: only the fields that differ from their defaults, the
/// levers (the coalition's instruments) first, and <c>//</c> comments saying what each part is and which numbers to
/// change. It reads back as exactly the same scenario (same canonical JSON, same hash): <c>init --full</c> writes
/// every field instead.
/// </summary>
internal static class ShortScenario
{
    /// <summary>The top-level fields in the order a student reads them, each with its comment (null: none).</summary>
    private static readonly (string Field, string? Comment)[] Order =
    [
        ("$schema", null),
        ("schemaVersion", null),
        ("name", "Give your version its own name: 'compare' needs a different name for each scenario, and reports cite it."),
        ("description", null),
        ("coalition", """
            THE LEVERS: the policy package. Each sender ("us", "eu", …) applies instruments; on each instrument try
              startWeek / endWeek   when it is in force (week 0 is the first week; endWeek null: to the end)
              bite                  how much of the regime's revenue it cuts (0 to 1)
              credibility           how far officers believe its promise, for amnesty, contactCampaign, assetProtection (0 to 1)
              value                 what it offers a defecting officer (amnesty, payments)
            kinds: KINDS.
            Then run it: sanctionssim run FILE (and compare it with the preset: sanctionssim compare PRESET FILE).
            """),
        ("weeks", "The horizon: weeks simulated (1 to 10,000)."),
        ("patrons", "The regime's outside supporters (they buy the oil sanctions cut, lend money); secondarySanctions act on them."),
        ("regime", "THE FACTS from here on. The regime: its revenue (USD bn per week), how it detects plotters and punishes them (detectionProbability and reprisalProbability are levers too, for 'sweep' and 'sensitivity')."),
        ("factions", "The armed forces, faction by faction: generals, senior officers, troops, and how loyal they are."),
        ("opposition", "The opposition the officers would defect to."),
        ("network", "Who knows whom among the officers: defection spreads along these ties."),
        ("events", "Things that happen on a given week whatever the policy (an uprising, a blackout)."),
        ("decision", "How an officer weighs defecting: the model's decision rule (see docs/model.md)."),
        ("collapse", "When the regime counts as fallen: the defected share of command strength that topples it."),
    ];

    /// <summary>A scenario with every field (<c>init --full</c>), naming its JSON Schema first (<c>$schema</c>), indented with System.Text.Json's default escaping (<see cref="Pages.PageJson"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="schemaFileName">The schema's file name, written beside the scenario.</param>
    /// <returns>The file's text.</returns>
    public static string WriteFull(Scenario scenario, string schemaFileName)
    {
        var json = JsonNode.Parse(ScenarioJson.Write(scenario))!.AsObject();
        var withSchema = new JsonObject { ["$schema"] = schemaFileName };
        foreach (var (key, value) in json.ToArray())
        {
            json.Remove(key);
            withSchema[key] = value;
        }

        return withSchema.ToJsonString(Pages.PageJson.Options) + "\n";
    }

    /// <summary>The short file's text for a scenario.</summary>
    public static string Write(Scenario scenario, string schemaFileName, string presetName)
    {
        string canonical = ScenarioJson.Write(scenario);
        var root = JsonNode.Parse(canonical)!.AsObject();
        Prune(root, root, canonical);
        var text = new StringBuilder();
        text.Append("// A SanctionsSim scenario, short form: only what differs from the defaults ('sanctionssim init --full FILE'\n");
        text.Append("// writes every field). Lines starting with // are comments. Edit, save, check with 'sanctionssim validate FILE'.\n");
        text.Append("{\n");
        var fields = Order.Where(o => o.Field == "$schema" || root.ContainsKey(o.Field)).ToList();
        fields.AddRange(root.Select(p => p.Key).Where(k => Order.All(o => o.Field != k)).Select(k => (k, (string?)null)));
        string kinds = string.Join(", ", Enum.GetNames<InstrumentKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        for (int i = 0; i < fields.Count; i++)
        {
            var (field, comment) = fields[i];
            if (comment is not null)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                foreach (string line in comment.Replace("KINDS", kinds, StringComparison.Ordinal).Replace("PRESET", presetName, StringComparison.Ordinal).Trim().Split('\n'))
                {
                    text.Append("  // ").Append(line.TrimEnd()).Append('\n');
                }
            }

            JsonNode? value = field == "$schema" ? JsonValue.Create(schemaFileName) : root[field];
            string json = value is null ? "null" : value.ToJsonString(Indented);
            text.Append("  ").Append(JsonSerializer.Serialize(field)).Append(": ").Append(json.Replace("\n", "\n  ", StringComparison.Ordinal));
            text.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        return text.Append("}\n").ToString();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Removes every object property whose absence reads back as the same scenario (it held the default), depth first.</summary>
    private static void Prune(JsonNode node, JsonObject root, string canonical)
    {
        if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                if (item is not null)
                {
                    Prune(item, root, canonical);
                }
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        string[] keys = obj.Select(p => p.Key).ToArray();
        foreach (string key in keys)
        {
            JsonNode? value = obj[key];
            if (!(node == root && key is "schemaVersion" or "name" or "weeks" or "coalition"))
            {
                // (those stay: the file says what it is, over how many weeks, and where the levers go even when none is pulled)
                int index = obj.IndexOf(key);
                obj.Remove(key);
                if (SameScenario(root, canonical))
                {
                    continue;
                }

                obj.Insert(index, key, value); // back in its place: the file keeps the canonical order
            }

            if (value is not null)
            {
                Prune(value, root, canonical);
            }
        }
    }

    private static bool SameScenario(JsonObject root, string canonical)
        => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(root.ToJsonString()), out Scenario? read).Count == 0 && ScenarioJson.Write(read!) == canonical;
}
