using System.Globalization;
using System.Text.Json.Nodes;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// A version of the coding rules: how a case's sourced facts become a scenario, the ranges drawn per replication
/// and the observation. Each version is a frozen data file shipped in the package
/// (<c>coding-rules.v{version}.json</c>); a case names the version it was coded with. docs/coding-rules.md.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class CodingRules
{
    private static readonly Lazy<IReadOnlyDictionary<string, CodingRules>> Versions = new(Load);
    private readonly Dictionary<string, CodingRule> _byId;

    private CodingRules(string version, string frozen, string summary, IReadOnlyList<CodingRule> rules, IReadOnlyList<string> changes)
    {
        Changes = changes;
        Version = version;
        Frozen = frozen;
        Summary = summary;
        Rules = rules;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The version, for example "1".</summary>
    public string Version { get; }

    /// <summary>The date the version was frozen (ISO 8601).</summary>
    public string Frozen { get; }

    /// <summary>What the rules do, in one sentence.</summary>
    public string Summary { get; }

    /// <summary>What changed from the previous version, and why (empty for the first).</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>The rules, in their file's order.</summary>
    public IReadOnlyList<CodingRule> Rules { get; }

    /// <summary>The newest version shipped.</summary>
    public static CodingRules Latest => Versions.Value.Values.OrderBy(v => int.Parse(v.Version, CultureInfo.InvariantCulture)).Last();

    /// <summary>Every version shipped, oldest first.</summary>
    public static IReadOnlyList<string> AvailableVersions => [.. Versions.Value.Keys.OrderBy(v => int.Parse(v, CultureInfo.InvariantCulture))];

    /// <summary>A shipped version of the rules.</summary>
    /// <param name="version">The version, for example "1".</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentException">No such version is shipped.</exception>
    public static CodingRules Get(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Versions.Value.TryGetValue(version, out var rules)
            ? rules
            : throw new ArgumentException($"No coding rules of version '{version}'; versions: {string.Join(", ", Versions.Value.Keys)}.", nameof(version));
    }

    /// <summary>A rule by its identifier.</summary>
    /// <param name="id">The rule's identifier, for example <c>PR1</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">No rule has that identifier in this version.</exception>
    public CodingRule Rule(string id) => _byId.TryGetValue(id, out var rule) ? rule : throw new ArgumentException($"Coding rules v{Version} have no rule '{id}'.", nameof(id));

    /// <summary>A rule's constant.</summary>
    /// <param name="id">The rule's identifier.</param>
    /// <param name="name">The constant's name.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="ArgumentException">The rule or the constant does not exist in this version.</exception>
    public double Constant(string id, string name)
        => Rule(id).Constants.TryGetValue(name, out double value) ? value : throw new ArgumentException($"Coding rule {id} (v{Version}) has no constant '{name}'.", nameof(name));

    /// <summary>Reads a rules file (the format of the shipped <c>coding-rules.v1.json</c>).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="FormatException">The text is not a rules file; the message names the JSON path.</exception>
    public static CodingRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("$: a rules file is a JSON object.");
        string Text(JsonObject o, string field, string at)
            => o[field] is JsonValue v && v.TryGetValue(out string? s) && s is not null ? s : throw new FormatException($"{at}.{field}: required, a string.");
        var list = root["rules"] as JsonArray ?? throw new FormatException("$.rules: required, an array.");
        var rules = new List<CodingRule>();
        for (int i = 0; i < list.Count; i++)
        {
            string at = $"$.rules[{i}]";
            var r = list[i] as JsonObject ?? throw new FormatException($"{at}: an object.");
            var constants = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (key, value) in r["constants"] as JsonObject ?? throw new FormatException($"{at}.constants: required, an object."))
            {
                constants[key] = value is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d) ? d : throw new FormatException($"{at}.constants.{key}: a finite number.");
            }

            rules.Add(new CodingRule
            {
                Id = Text(r, "id", at), Fact = Text(r, "fact", at), Field = Text(r, "field", at), Code = Text(r, "code", at),
                Constants = constants, Literature = Text(r, "literature", at),
            });
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"$.rules: the id '{duplicate.Key}' is used twice.");
        }

        var changes = root["changes"] is JsonArray c ? c.Select((x, i) => x is JsonValue v && v.TryGetValue(out string? t) ? t : throw new FormatException($"$.changes[{i}]: a string.")).ToList() : [];
        return new CodingRules(Text(root, "version", "$"), Text(root, "frozen", "$"), Text(root, "summary", "$"), rules, changes);
    }

    private static Dictionary<string, CodingRules> Load()
    {
        var assembly = typeof(CodingRules).Assembly;
        var versions = new Dictionary<string, CodingRules>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("SanctionsSim.Cases.coding-rules.v", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var rules = Parse(reader.ReadToEnd());
            versions[rules.Version] = rules;
        }

        return versions.Count > 0 ? versions : throw new InvalidOperationException("The package's coding rules (coding-rules.v*.json) are missing from the assembly.");
    }
}
