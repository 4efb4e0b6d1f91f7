using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SanctionsSim.Explorer.Hosting;

/// <summary>A request's JSON body, read field by field: every field is checked, and a mistake is an <see cref="InputException"/> naming it.</summary>
internal sealed class RequestBody
{
    private readonly JsonObject _root;

    private RequestBody(JsonObject root) => _root = root;

    /// <summary>Reads a body of at most <paramref name="maxBytes"/> bytes that holds one JSON object with only the <paramref name="allowed"/> fields.</summary>
    public static async Task<RequestBody> ReadAsync(Stream body, int maxBytes, IReadOnlyCollection<string> allowed, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputException($"The request is larger than {maxBytes:N0} bytes; the explorer takes scenario files up to {maxBytes / 1024:N0} KiB (edit larger ones and run them with the command line).");
            }

            buffer.Write(chunk, 0, read);
        }

        JsonNode? node;
        try
        {
            node = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw new InputException("The request is not valid JSON: " + e.Message);
        }

        if (node is not JsonObject root)
        {
            throw new InputException("The request must be one JSON object.");
        }

        foreach (var (name, _) in root)
        {
            if (!allowed.Contains(name))
            {
                throw new InputException($"Unknown field '{name}'; this request takes {string.Join(", ", allowed)}.");
            }
        }

        return new RequestBody(root);
    }

    public JsonObject Root => _root;

    /// <summary>A string field, or null when absent or null.</summary>
    public string? String(string name)
        => _root[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            var other => throw new InputException($"'{name}' must be a string; got {other.ToJsonString()}."),
        };

    /// <summary>A whole-number field in [<paramref name="min"/>, <paramref name="max"/>], or the default when absent.</summary>
    public long Whole(string name, long min, long max, long defaultValue)
    {
        JsonNode? node = _root[name];
        if (node is null)
        {
            return defaultValue;
        }

        if (node is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d) && Math.Floor(d) == d)
        {
            if (d >= min && d <= max)
            {
                return (long)d;
            }

            throw new InputException($"'{name}' must be in [{min.ToString("N0", CultureInfo.InvariantCulture)}, {max.ToString("N0", CultureInfo.InvariantCulture)}]; got {Text(d)}.");
        }

        throw new InputException($"'{name}' must be a whole number in [{min.ToString("N0", CultureInfo.InvariantCulture)}, {max.ToString("N0", CultureInfo.InvariantCulture)}]; got {node.ToJsonString()}.");
    }

    /// <summary>An object field, or an empty object when absent.</summary>
    public JsonObject Object(string name)
        => _root[name] switch
        {
            null => [],
            JsonObject o => o,
            var other => throw new InputException($"'{name}' must be an object; got {other.ToJsonString()}."),
        };

    public static string Text(double value) => Math.Abs(value) < 1e15 ? value.ToString("#,0.######", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);
}
