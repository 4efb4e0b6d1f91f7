using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SanctionsSim.Tests.Docs;

/// <summary>
/// docs/odd.md, the ODD+D description of the model (Müller et al. 2013), cannot drift silently from the scenario
/// file: every scenario field it names exists in docs/scenario.schema.json, every mechanism switch of the schema is
/// in its table of switches, and its headings are the protocol's, in order.
/// </summary>
public partial class OddPageTests
{
    private static readonly string[] Headings =
    [
        "I. Overview", "I.i Purpose and patterns", "I.ii Entities, state variables and scales", "I.iii Process overview and scheduling",
        "II. Design concepts", "II.i Theoretical and empirical background", "II.ii Individual decision making", "II.iii Learning",
        "II.iv Individual sensing", "II.v Individual prediction", "II.vi Interaction", "II.vii Collectives", "II.viii Heterogeneity",
        "II.ix Stochasticity", "II.x Observation",
        "III. Details", "III.i Implementation details", "III.ii Initialization", "III.iii Input data", "III.iv Submodels",
    ];

    private static string Root => Simulation.VenezuelaPresetTests.RepositoryRoot();

    private static string Page => File.ReadAllText(Path.Combine(Root, "docs", "odd.md"));

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "scenario.schema.json")))!.AsObject();

    /// <summary>A field path as the page writes it: camelCase names joined by dots, arrays marked by [].</summary>
    [GeneratedRegex(@"`([a-z][A-Za-z0-9]*(?:\[\])?(?:\.[a-z][A-Za-z0-9]*(?:\[\])?)*)`")]
    private static partial Regex FieldPattern();

    /// <summary>The schema node of a path, or null when it names no field.</summary>
    internal static JsonObject? Resolve(JsonObject schema, string path)
    {
        JsonObject? node = schema;
        foreach (string part in path.Split('.'))
        {
            bool array = part.EndsWith("[]", StringComparison.Ordinal);
            string name = array ? part[..^2] : part;
            node = node?["properties"]?[name] as JsonObject;
            if (array)
            {
                node = node?["items"] as JsonObject;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Every mechanism switch of the schema: a boolean field named enabled, by its path.</summary>
    internal static List<string> Switches(JsonObject schema)
    {
        var found = new List<string>();
        foreach (var (name, value) in schema["properties"]!.AsObject())
        {
            if (value is JsonObject o && o["properties"]?["enabled"] is JsonObject enabled && enabled["type"]?.ToString() == "boolean")
            {
                found.Add(name + ".enabled");
            }
        }

        return found;
    }

    [Test]
    public void EveryScenarioFieldItNames_IsInTheSchema()
    {
        var schema = Schema;
        var roots = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var named = FieldPattern().Matches(Page).Select(m => m.Groups[1].Value)
            .Where(p => p.Contains('.', StringComparison.Ordinal) || p.Contains("[]", StringComparison.Ordinal) || roots.Contains(p))
            .Distinct(StringComparer.Ordinal).ToList();
        named.Count.ShouldBeGreaterThan(150, "the page's parameter tables name every field of the model");
        var missing = named.Where(p => Resolve(schema, p) is null).ToList();
        missing.ShouldBeEmpty($"docs/odd.md names fields that docs/scenario.schema.json does not have: {string.Join(", ", missing)}");
    }

    [Test]
    public void EveryMechanismSwitchOfTheSchema_IsInItsTableOfSwitches()
    {
        string page = Page;
        int start = page.IndexOf("| mechanism | switch |", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/odd.md has a table of the mechanism switches");
        int end = page.IndexOf("\n\n", start, StringComparison.Ordinal);
        string table = page[start..end];
        var switches = Switches(Schema);
        switches.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (string s in switches)
        {
            table.ShouldContain($"`{s}`", customMessage: $"the switch {s} is not in docs/odd.md's table of mechanism switches");
        }
    }

    [Test]
    public void ItsHeadings_AreTheProtocolsInOrder()
    {
        var headings = Page.Split('\n').Where(l => l.StartsWith("## I", StringComparison.Ordinal) || l.StartsWith("### I", StringComparison.Ordinal))
            .Select(l => l.TrimStart('#').Trim()).ToArray();
        headings.ShouldBe(Headings);
    }

    [Test]
    public void Resolve_FindsNestedFields_AndRejectsUnknownOnes()
    {
        var schema = Schema;
        Resolve(schema, "coalition[].instruments[].bite").ShouldNotBeNull();
        Resolve(schema, "highCommand.enabled").ShouldNotBeNull();
        Resolve(schema, "coalition.instruments").ShouldBeNull(); // an array without []
        Resolve(schema, "decision.noSuchField").ShouldBeNull();
    }

    [Test]
    public void ItsLinksIntoTheModelPage_PointAtHeadingsThatExist()
    {
        var headings = File.ReadAllLines(Path.Combine(Root, "docs", "model.md")).Where(l => l.StartsWith('#'))
            .Select(l => Regex.Replace(l.TrimStart('#').Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-')).ToHashSet(StringComparer.Ordinal);
        var anchors = Regex.Matches(Page, @"\(model\.md#([\w\-]+)\)").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        anchors.Count.ShouldBeGreaterThan(5);
        anchors.Where(a => !headings.Contains(a)).ShouldBeEmpty("docs/odd.md links to sections of docs/model.md that do not exist");
    }

    [Test]
    public void TheModelPageAndTheIndex_LinkToIt()
    {
        File.ReadAllText(Path.Combine(Root, "docs", "index.md")).ShouldContain("(odd.md)");
        File.ReadAllText(Path.Combine(Root, "docs", "model.md")).ShouldContain("(odd.md)");
    }
}
