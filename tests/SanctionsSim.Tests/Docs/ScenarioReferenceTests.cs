using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Docs;

/// <summary>docs/scenario-reference.md is generated from the JSON Schema, which is generated from the types.</summary>
public class ScenarioReferenceTests
{
    [Test]
    public void ScenarioReference_InDocs_IsGeneratedFromTheSchema()
    {
        string generated = Generate(JsonNode.Parse(ScenarioJson.GetJsonSchema())!.AsObject());
        generated.ShouldContain("## `$.factions[]`");
        generated.ShouldContain("| `generals` |");
        string path = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "scenario-reference.md");
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).ShouldBe(generated, "docs/scenario-reference.md is stale: run the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }

    private static string Generate(JsonObject schema)
    {
        var b = new StringBuilder();
        b.Append("# Scenario file reference\n\n");
        b.Append("Generated from [scenario.schema.json](scenario.schema.json), itself generated from the .NET types; do not edit by hand.\n");
        b.Append("A scenario file is one JSON object; comments and trailing commas are allowed; fields left out take their defaults.\n");
        b.Append("See [the model](model.md) for the equations each parameter enters and its source.\n");
        Section(b, "$", schema);
        return b.ToString();
    }

    private static void Section(StringBuilder b, string path, JsonObject node)
    {
        if (node["properties"] is not JsonObject properties)
        {
            return;
        }

        var required = (node["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        b.Append($"\n## `{path}`\n\n");
        if (node["description"] is JsonNode d)
        {
            b.Append(d.GetValue<string>()).Append("\n\n");
        }

        b.Append("| field | type | range | required | description |\n|---|---|---|---|---|\n");
        var nested = new List<(string Path, JsonObject Node)>();
        foreach (var (name, value) in properties)
        {
            var property = value!.AsObject();
            string type = TypeOf(property);
            string description = property["description"]?.GetValue<string>().Replace("|", "\\|", StringComparison.Ordinal) ?? "";
            b.Append($"| `{name}` | {type} | {RangeOf(property)} | {(required.Contains(name) ? "yes" : "")} | {description} |\n");
            if (property["properties"] is not null)
            {
                nested.Add(($"{path}.{name}", property));
            }
            else if (property["items"] is JsonObject items && items["properties"] is not null)
            {
                nested.Add(($"{path}.{name}[]", items));
            }
        }

        foreach (var (childPath, child) in nested)
        {
            Section(b, childPath, child);
        }
    }

    /// <summary>The schema's minimum/maximum (exclusive or not) as an interval, "[0, 1]" or "(0, 100]"; empty when the field has none.</summary>
    private static string RangeOf(JsonObject property)
    {
        JsonNode? low = property["minimum"] ?? property["exclusiveMinimum"], high = property["maximum"] ?? property["exclusiveMaximum"];
        if (low is null || high is null)
        {
            return "";
        }

        static string Number(JsonNode n) => n.GetValue<double>().ToString("#,0.###############", System.Globalization.CultureInfo.InvariantCulture);
        return (property["exclusiveMinimum"] is null ? "[" : "(") + Number(low) + ", " + Number(high) + (property["exclusiveMaximum"] is null ? "]" : ")");
    }

    private static string TypeOf(JsonObject property)
    {
        if (property["enum"] is JsonArray values)
        {
            return "one of " + string.Join(", ", values.Select(v => v is null ? "null" : $"`{v.GetValue<string>()}`"));
        }

        string Describe(JsonNode? t) => t switch
        {
            JsonArray a => string.Join(" or ", a.Select(x => x!.GetValue<string>())),
            JsonValue v => v.GetValue<string>(),
            _ => "any",
        };

        string type = Describe(property["type"]);
        if (property["items"] is JsonObject items)
        {
            type += items["properties"] is not null ? " of objects" : items["enum"] is not null ? " of " + TypeOf(items) : " of " + Describe(items["type"]);
        }

        return type;
    }
}
