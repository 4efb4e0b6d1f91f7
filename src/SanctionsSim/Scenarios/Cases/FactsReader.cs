using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Internal;
using SanctionsSim.Model;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>A sourced number of a case's facts: its best estimate and the range where sources differ or estimate.</summary>
internal readonly record struct Quantity(double Value, double Low, double High)
{
    public bool HasRange => Low < High;

    public Quantity Map(Func<double, double> code) => new(code(Value), code(Low), code(High));
}

/// <summary>
/// Reads a case's facts (the dossier format of docs/cases.md, §The case file) and collects every problem with its
/// JSON path, so that all of a file's mistakes are reported at once.
/// </summary>
internal sealed class FactsReader(string prefix)
{
    private readonly List<ScenarioError> _errors = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public void Fail(string path, JsonNode? value, string message)
        => _errors.Add(new ScenarioError { Path = prefix + path.TrimStart('$'), Value = value?.ToJsonString() ?? "nothing", Message = message });

    public JsonObject? Object(JsonObject parent, string field, string at, bool required)
    {
        var node = parent[field];
        if (node is JsonObject o)
        {
            return o;
        }

        if (node is not null || required)
        {
            Fail($"{at}.{field}", node, "required, an object");
        }

        return null;
    }

    public IEnumerable<(JsonObject Item, string At)> Array(JsonObject parent, string field, string at, bool required = false)
    {
        var node = parent[field];
        if (node is null)
        {
            if (required)
            {
                Fail($"{at}.{field}", null, "required, an array");
            }

            yield break;
        }

        if (node is not JsonArray array)
        {
            Fail($"{at}.{field}", node, "must be an array");
            yield break;
        }

        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (item, $"{at}.{field}[{i}]");
            }
            else
            {
                Fail($"{at}.{field}[{i}]", array[i], "must be an object");
            }
        }
    }

    public string? Text(JsonObject parent, string field, string at, bool required)
    {
        var node = parent[field];
        if (node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s))
        {
            return s;
        }

        if (node is not null || required)
        {
            Fail($"{at}.{field}", node, "required, a non-empty string");
        }

        return null;
    }

    public DateOnly? Date(JsonObject parent, string field, string at, bool required)
    {
        var node = parent[field];
        if (node is null)
        {
            if (required)
            {
                Fail($"{at}.{field}", null, "required, a date (YYYY-MM-DD)");
            }

            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out string? s))
        {
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (!required && (s == "before" || s.Length == 0))
            {
                return null;
            }
        }

        Fail($"{at}.{field}", node, "must be a date (YYYY-MM-DD)");
        return null;
    }

    /// <summary>A quantity: an object with value, low and high (low ≤ value ≤ high), or a plain number.</summary>
    public Quantity? Quantity(JsonObject parent, string field, string at, bool required, double min, double max)
    {
        var node = parent[field];
        string path = $"{at}.{field}";
        string range = $"{Guard.Format(min)} to {(double.IsPositiveInfinity(max) ? "any size" : Guard.Format(max))}";
        if (node is null)
        {
            if (required)
            {
                Fail(path, null, $"required, a quantity ({{\"value\", \"low\", \"high\", \"sources\"}}) from {range}");
            }

            return null;
        }

        if (node is JsonValue plain && plain.TryGetValue(out double only))
        {
            return Check(path, node, only, only, only, min, max, range);
        }

        if (node is not JsonObject o)
        {
            Fail(path, node, $"must be a quantity ({{\"value\", \"low\", \"high\", \"sources\"}}) from {range}");
            return null;
        }

        double? Read(string part)
        {
            var n = o[part];
            if (n is null)
            {
                return null;
            }

            if (n is JsonValue v && v.TryGetValue(out double d))
            {
                return d;
            }

            Fail($"{path}.{part}", n, "must be a number");
            return double.NaN;
        }

        double? value = Read("value");
        if (value is null)
        {
            Fail($"{path}.value", null, $"required, a number from {range}");
            return null;
        }

        return Check(path, node, value.Value, Read("low") ?? value.Value, Read("high") ?? value.Value, min, max, range);
    }

    public bool? Flag(JsonObject parent, string field, string at)
    {
        var node = parent[field];
        if (node is null)
        {
            return null;
        }

        var valueNode = node is JsonObject o ? o["value"] : node;
        if (valueNode is null)
        {
            return null; // a flag whose value is null is not recorded (coding rules v2, Reading)
        }

        if (valueNode is JsonValue v && v.TryGetValue(out bool b))
        {
            return b;
        }

        Fail(node is JsonObject ? $"{at}.{field}.value" : $"{at}.{field}", valueNode, "must be true or false");
        return null;
    }

    private Quantity? Check(string path, JsonNode node, double value, double low, double high, double min, double max, string range)
    {
        if (!double.IsFinite(value) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            Fail(path, node, $"value, low and high must be finite numbers from {range}");
            return null;
        }

        if (low < min || high > max)
        {
            Fail(path, node, $"must lie from {range}");
            return null;
        }

        if (!(low <= value && value <= high))
        {
            Fail(path, node, "needs low ≤ value ≤ high");
            return null;
        }

        return new Quantity(value, low, high);
    }
}
