using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Experiments;

/// <summary>
/// A scenario with levers: numeric fields addressed by path, set to new values to make the scenario of each
/// design point. Paths follow the scenario file's JSON, with two conveniences: an element of a list is named by
/// its <c>name</c> or <c>kind</c> (or its index), and a list in between may be skipped when the name is unique.
/// So <c>coalition.us.amnesty.credibility</c> is <c>$.coalition[0].instruments[6].credibility</c> in the
/// preset, <c>factions.national-guard.generalLoyaltyMean</c> a faction's field, <c>regime.reprisalProbability</c>
/// a regime's; JSON paths such as <c>$.coalition[0].instruments[6].credibility</c> work too.
/// </summary>
/// <remarks>
/// Each point's scenario is built by setting the values in the scenario's JSON and reading it back through
/// <see cref="ScenarioJson"/>, so a point gets exactly the validation of a scenario file: a value the model
/// does not accept is reported with the lever's path, the value and the allowed range. Integer fields (counts,
/// weeks) are rounded to the nearest integer.
/// </remarks>
/// <threadsafety>Immutable; <see cref="Apply"/> may be called from any thread.</threadsafety>
internal sealed class ScenarioTemplate
{
    private readonly JsonObject _root;
    private readonly Lever[] _levers;

    /// <summary>Prepares a template.</summary>
    /// <param name="scenario">The base scenario (valid).</param>
    /// <param name="paths">The levers' paths (at least one, each naming a numeric field, no field twice).</param>
    /// <exception cref="ArgumentException">A path does not name a numeric field of the scenario; the message says which segment failed and what exists there.</exception>
    /// <exception cref="ScenarioValidationException">The base scenario is invalid.</exception>
    public ScenarioTemplate(Scenario scenario, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one lever path is needed.", nameof(paths));
        }

        Scenario = scenario;
        _root = JsonNode.Parse(ScenarioJson.Write(scenario))!.AsObject();
        _levers = new Lever[paths.Count];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++)
        {
            string path = paths[i] ?? throw new ArgumentException($"paths[{i}] is null.", nameof(paths));
            _levers[i] = Resolve(_root, path);
            if (seen.TryGetValue(_levers[i].JsonPath, out string? other))
            {
                throw new ArgumentException($"Levers '{other}' and '{path}' name the same field {_levers[i].JsonPath}.", nameof(paths));
            }

            seen.Add(_levers[i].JsonPath, path);
        }
    }

    /// <summary>The base scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The levers' paths as given.</summary>
    public IReadOnlyList<string> Paths => _levers.Select(l => l.Path).ToArray();

    /// <summary>The levers' canonical JSON paths (for example <c>$.coalition[0].instruments[6].credibility</c>).</summary>
    public IReadOnlyList<string> JsonPaths => _levers.Select(l => l.JsonPath).ToArray();

    /// <summary>The levers' values in the base scenario (NaN where the field is unset, such as an open end week).</summary>
    public IReadOnlyList<double> BaseValues => _levers.Select(l => l.BaseValue).ToArray();

    /// <summary>Whether each lever is an integer field (its values are rounded).</summary>
    public IReadOnlyList<bool> IsInteger => _levers.Select(l => l.Integer).ToArray();

    /// <summary>Resolves one path against a scenario without building a template.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The path.</param>
    /// <returns>The canonical JSON path.</returns>
    /// <exception cref="ArgumentException">The path does not name a numeric field.</exception>
    public static string ResolvePath(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        return Resolve(JsonNode.Parse(ScenarioJson.Write(scenario))!.AsObject(), path).JsonPath;
    }

    /// <summary>The scenario with the levers set to <paramref name="values"/> (integer levers rounded).</summary>
    /// <param name="values">One finite value per lever, in path order.</param>
    /// <param name="name">The new scenario's name; the base name when null.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ArgumentException">Wrong count, a non-finite value, or a value the scenario rejects (the message names the lever, the value and the rule).</exception>
    public Scenario Apply(ReadOnlySpan<double> values, string? name = null)
    {
        if (values.Length != _levers.Length)
        {
            throw new ArgumentException($"Expected {_levers.Length} values (one per lever); got {values.Length}.", nameof(values));
        }

        var root = _root.DeepClone().AsObject();
        if (name is not null)
        {
            root["name"] = name;
        }

        for (int i = 0; i < _levers.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Lever '{_levers[i].Path}': the value must be finite; got {Guard.Format(v)}.", nameof(values));
            }

            JsonNode parent = Navigate(root, _levers[i].Steps);
            JsonNode value = _levers[i].Integer ? JsonValue.Create((long)Math.Round(v, MidpointRounding.AwayFromZero)) : JsonValue.Create(v);
            if (parent is JsonObject o)
            {
                o[_levers[i].Property] = value;
            }
        }

        var errors = ScenarioJson.ReadErrors(Encoding.UTF8.GetBytes(root.ToJsonString()), out Scenario? scenario);
        if (errors.Count > 0)
        {
            var text = new StringBuilder("The levers make an invalid scenario at (");
            for (int i = 0; i < _levers.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(_levers[i].Path).Append(" = ").Append(Guard.Format(values[i]));
            }

            text.Append("): ").AppendJoin("; ", errors.Select(e => e.ToString()));
            throw new ArgumentException(text.ToString(), nameof(values));
        }

        return scenario!;
    }

    private static JsonNode Navigate(JsonNode node, (string? Property, int Index)[] steps)
    {
        foreach (var (property, index) in steps)
        {
            node = property is not null ? node[property]! : node[index]!;
        }

        return node;
    }

    private static Lever Resolve(JsonObject root, string path)
    {
        string text = path.Trim();
        if (text.StartsWith("$.", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var segments = Split(text, path);
        var steps = new List<(string? Property, int Index)>();
        var json = new StringBuilder("$");
        JsonNode node = root;
        Type type = typeof(Scenario);
        for (int s = 0; s < segments.Count; s++)
        {
            string segment = segments[s];
            bool last = s == segments.Count - 1;
            if (node is JsonObject obj)
            {
                string? key = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, segment, StringComparison.OrdinalIgnoreCase));
                if (key is not null)
                {
                    PropertyInfo? info = PropertyOf(type, key);
                    if (last)
                    {
                        Type leaf = Nullable.GetUnderlyingType(info?.PropertyType ?? typeof(double)) ?? info?.PropertyType ?? typeof(double);
                        bool integer = leaf == typeof(int) || leaf == typeof(long);
                        bool numeric = integer || leaf == typeof(double) || leaf == typeof(float);
                        if (!numeric)
                        {
                            throw new ArgumentException($"Lever '{path}': {json}.{key} is not a number (it holds {Describe(obj[key])}); a lever must name a numeric field.", nameof(path));
                        }

                        json.Append('.').Append(key);
                        double baseValue = obj[key] is JsonValue v && v.TryGetValue(out double d) ? d : double.NaN;
                        return new Lever(path, json.ToString(), [.. steps], key, integer, baseValue);
                    }

                    steps.Add((key, -1));
                    json.Append('.').Append(key);
                    node = obj[key] ?? throw new ArgumentException($"Lever '{path}': {json} is null, so '{segments[s + 1]}' cannot be found in it.", nameof(path));
                    type = info?.PropertyType ?? typeof(object);
                    continue;
                }

                // a list in between may be skipped: find the unique element named `segment` in this object's lists
                var matches = obj.Where(p => p.Value is JsonArray).SelectMany(p => Named((JsonArray)p.Value!, segment).Select(i => (List: p.Key, Index: i))).ToList();
                if (matches.Count == 1)
                {
                    var (list, index) = matches[0];
                    PropertyInfo? info = PropertyOf(type, list);
                    steps.Add((list, -1));
                    steps.Add((null, index));
                    json.Append('.').Append(list).Append('[').Append(index).Append(']');
                    node = obj[list]![index]!;
                    type = ElementType(info?.PropertyType);
                    if (last)
                    {
                        throw new ArgumentException($"Lever '{path}': {json} is an object; name one of its numeric fields ({Fields(node)}).", nameof(path));
                    }

                    continue;
                }

                string options = string.Join(", ", obj.Select(p => p.Key).Concat(obj.Where(p => p.Value is JsonArray).SelectMany(p => Names((JsonArray)p.Value!))));
                string? close = Suggest.Closest(segment, obj.Select(p => p.Key).Concat(obj.Where(p => p.Value is JsonArray).SelectMany(p => Names((JsonArray)p.Value!))));
                string reason = matches.Count > 1 ? $"'{segment}' names {matches.Count} elements ({string.Join(", ", matches.Select(m => $"{m.List}[{m.Index}]"))}); use an index" : $"{json} has no '{segment}'" + (close is null ? string.Empty : $"; did you mean '{close}'?");
                throw new ArgumentException($"Lever '{path}': {reason} (there: {options}).", nameof(path));
            }

            if (node is JsonArray array)
            {
                int index;
                if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int i))
                {
                    if (i >= array.Count)
                    {
                        throw new ArgumentException($"Lever '{path}': {json} has {array.Count} elements; index {i} is out of range [0, {array.Count - 1}].", nameof(path));
                    }

                    index = i;
                }
                else
                {
                    var named = Named(array, segment).ToList();
                    if (named.Count != 1)
                    {
                        string? close = Suggest.Closest(segment, Names(array));
                        throw new ArgumentException($"Lever '{path}': " + (named.Count == 0
                            ? $"{json} has no element named '{segment}'" + (close is null ? string.Empty : $"; did you mean '{close}'?")
                            : $"'{segment}' names {named.Count} elements of {json}; use an index") + $" (there: {string.Join(", ", Names(array))}).", nameof(path));
                    }

                    index = named[0];
                }

                steps.Add((null, index));
                json.Append('[').Append(index).Append(']');
                node = array[index] ?? throw new ArgumentException($"Lever '{path}': {json} is null.", nameof(path));
                type = ElementType(type);
                if (last)
                {
                    throw new ArgumentException($"Lever '{path}': {json} is an object; name one of its numeric fields ({Fields(node)}).", nameof(path));
                }

                continue;
            }

            throw new ArgumentException($"Lever '{path}': {json} is a value, so it has no '{segment}'.", nameof(path));
        }

        throw new ArgumentException($"Lever '{path}' is empty.", nameof(path));
    }

    private static List<string> Split(string text, string path)
    {
        var segments = new List<string>();
        foreach (string part in text.Split('.'))
        {
            string rest = part;
            int bracket = rest.IndexOf('[', StringComparison.Ordinal);
            string head = bracket < 0 ? rest : rest[..bracket];
            if (head.Length > 0)
            {
                segments.Add(head);
            }

            while (bracket >= 0)
            {
                int close = rest.IndexOf(']', bracket);
                if (close < 0)
                {
                    throw new ArgumentException($"Lever '{path}': unmatched '[' in '{part}'.", nameof(path));
                }

                segments.Add(rest[(bracket + 1)..close].Trim('\'', '"'));
                rest = rest[(close + 1)..];
                bracket = rest.IndexOf('[', StringComparison.Ordinal);
            }

            if (head.Length == 0 && !part.Contains('[', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Lever '{path}': empty segment (two dots, or a dot at an end).", nameof(path));
            }
        }

        return segments;
    }

    private static IEnumerable<int> Named(JsonArray array, string name)
    {
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o && (Is(o, "name", name) || Is(o, "kind", name)))
            {
                yield return i;
            }
        }

        static bool Is(JsonObject o, string key, string name) => o[key] is JsonValue v && v.TryGetValue(out string? s) && string.Equals(s, name, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Names(JsonArray array)
        => array.OfType<JsonObject>().Select(o => (o["name"] ?? o["kind"]) is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Fields(JsonNode node)
        => node is JsonObject o ? string.Join(", ", o.Where(p => p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number).Select(p => p.Key)) : string.Empty;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray a => $"a list of {a.Count}",
        JsonObject => "an object",
        _ => node.ToJsonString(),
    };

    private static PropertyInfo? PropertyOf(Type type, string jsonName)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => string.Equals(p.Name, jsonName, StringComparison.OrdinalIgnoreCase));

    private static Type ElementType(Type? list)
    {
        if (list is null)
        {
            return typeof(object);
        }

        if (list.IsArray)
        {
            return list.GetElementType()!;
        }

        var enumerable = list.IsGenericType && list.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? list : list.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    private sealed record Lever(string Path, string JsonPath, (string? Property, int Index)[] Steps, string Property, bool Integer, double BaseValue);
}
