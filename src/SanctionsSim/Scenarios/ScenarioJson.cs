using SanctionsSim.Validation;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using SanctionsSim.Internal;
using SanctionsSim.Model;

namespace SanctionsSim.Scenarios;

/// <summary>
/// The scenario file format: a JSON object with <c>"schemaVersion": 1</c> and the fields of <see cref="Scenario"/>
/// in camelCase (enums as camelCase strings). Comments and trailing commas are allowed. A file is either read
/// whole into a valid scenario or rejected with every problem listed, each with its JSON path, the bad value and
/// what is allowed: malformed or truncated JSON, wrong types, unknown properties (with a "did you mean"
/// suggestion), missing required fields, out-of-range values and unknown references.
/// </summary>
public static class ScenarioJson
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The largest scenario file accepted (16 MiB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioValidationException">The text is not a valid scenario; every problem is listed.</exception>
    public static Scenario Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a scenario from UTF-8 bytes.</summary>
    /// <param name="utf8">The bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioValidationException">The bytes are not a valid scenario; every problem is listed.</exception>
    public static Scenario Read(ReadOnlySpan<byte> utf8)
    {
        var errors = ReadErrors(utf8, out Scenario? scenario);
        return errors.Count == 0 ? scenario! : throw new ScenarioValidationException(errors);
    }

    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="ScenarioValidationException">The file is missing, too large or not a valid scenario; every problem is listed.</exception>
    public static Scenario ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = ReadFileErrors(path, out Scenario? scenario);
        return errors.Count == 0 ? scenario! : throw new ScenarioValidationException(errors);
    }

    /// <summary>Reads a scenario file, returning problems instead of throwing.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="scenario">The scenario when valid, else null.</param>
    /// <returns>Every problem found (its JSON path, value and what is allowed); empty when the scenario is valid.</returns>
    public static IReadOnlyList<InputError> TryReadFile(string path, out Scenario? scenario) => ReadFileErrors(path, out scenario);

    /// <summary><see cref="TryReadFile"/> with the problems as the exception that reports them takes them.</summary>
    internal static IReadOnlyList<ScenarioError> ReadFileErrors(string path, out Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        scenario = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [Error("$", path, "the scenario file does not exist")];
            }

            if (info.Length > MaxBytes)
            {
                return [Error("$", info.Length.ToString(CultureInfo.InvariantCulture) + " bytes", $"a scenario file may hold at most {MaxBytes} bytes")];
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Error("$", path, "the file cannot be read: " + e.Message)];
        }

        return ReadErrors(bytes, out scenario);
    }

    /// <summary>Reads a scenario, returning problems instead of throwing.</summary>
    /// <param name="utf8">UTF-8 bytes.</param>
    /// <param name="scenario">The scenario when valid, else null.</param>
    /// <returns>Every problem found (its JSON path, value and what is allowed); empty when the scenario is valid.</returns>
    public static IReadOnlyList<InputError> TryRead(ReadOnlySpan<byte> utf8, out Scenario? scenario) => ReadErrors(utf8, out scenario);

    /// <summary><see cref="TryRead"/> with the problems as the exception that reports them takes them.</summary>
    internal static IReadOnlyList<ScenarioError> ReadErrors(ReadOnlySpan<byte> utf8, out Scenario? scenario)
    {
        scenario = null;
        if (utf8.Length > MaxBytes)
        {
            return [Error("$", utf8.Length.ToString(CultureInfo.InvariantCulture) + " bytes", $"a scenario may hold at most {MaxBytes} bytes")];
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(utf8) is false)
        {
            int offset = FirstInvalidUtf8(utf8);
            return [Error("$", $"byte {offset}", "the file is not valid UTF-8 text")];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return [Error("$", "an empty file", "malformed JSON: the file is empty; a scenario is a JSON object, { \"schemaVersion\": 1, \"name\": …, \"factions\": […] }; 'sanctionssim init my.json' writes one to start from")];
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "the end";
            return [Error(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, where, "malformed JSON: " + Clean(e.Message))];
        }

        try
        {
            return Check(root, out scenario);
        }
        catch (ArgumentException e)
        {
            // a last line of defence (found by fuzzing: duplicate property names used to surface here)
            scenario = null;
            return [Error("$", "?", "malformed JSON: " + Clean(e.Message))];
        }
    }

    private static List<ScenarioError> Check(JsonNode? root, out Scenario? scenario)
    {
        scenario = null;
        var errors = new List<ScenarioError>();
        if (root is not JsonObject obj)
        {
            errors.Add(Error("$", Describe(root), "a scenario file holds one JSON object"));
            return errors;
        }

        // schemaVersion: required, current
        if (!obj.TryGetPropertyValue("schemaVersion", out JsonNode? version))
        {
            errors.Add(Error("$.schemaVersion", "missing", $"required; the current version is {CurrentSchemaVersion}"));
        }
        else if (version is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.GetValue<JsonElement>().TryGetInt32(out int n) || n != CurrentSchemaVersion)
        {
            errors.Add(Error("$.schemaVersion", Describe(version), $"this version of SanctionsSim reads schema version {CurrentSchemaVersion}"));
        }

        // "$schema" names the file's JSON Schema for editors (sanctionssim init writes it); it is not part of the scenario
        if (obj.TryGetPropertyValue("$schema", out JsonNode? schema))
        {
            if (schema is not JsonValue sv || sv.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(Error("$.$schema", Describe(schema), "must be a string: the path or address of the scenario JSON Schema"));
            }

            obj.Remove("$schema");
        }

        var unknown = new List<(JsonObject Parent, string Name)>();
        CheckObject(obj, typeof(Scenario), "$", errors, unknown, skip: "schemaVersion");
        if (errors.Count > unknown.Count)
        {
            return errors; // a value of the wrong type: the scenario cannot be read further
        }

        // unknown properties only: report them together with every problem of the rest of the file
        foreach (var (parent, name) in unknown)
        {
            parent.Remove(name);
        }

        obj.Remove("schemaVersion");
        try
        {
            scenario = obj.Deserialize<Scenario>(Options);
        }
        catch (JsonException e)
        {
            return [Error(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, "?", Clean(e.Message))];
        }

        if (scenario is null)
        {
            return [Error("$", "null", "a scenario is required")];
        }

        var semantic = ScenarioValidator.Validate(scenario);
        if (semantic.Count > 0 || errors.Count > 0)
        {
            scenario = null;
        }

        return [.. errors, .. semantic];
    }

    /// <summary>Writes a valid scenario as JSON (with <c>schemaVersion</c>), indented.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ScenarioValidationException">The scenario is invalid (an invalid scenario is never written, so a file is always readable).</exception>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        JsonObject body = JsonSerializer.SerializeToNode(scenario, Options)!.AsObject();
        var document = new JsonObject { ["schemaVersion"] = CurrentSchemaVersion };
        foreach (var (key, value) in body.ToArray())
        {
            body.Remove(key);
            document[key] = value;
        }

        return document.ToJsonString(Options) + "\n";
    }

    /// <summary>Writes a scenario's JSON (UTF-8, no byte order mark) to a stream. To write a file atomically, see <c>SanctionsSim.IO.ScenarioFile</c>.</summary>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="scenario">The scenario.</param>
    public static void Write(Stream stream, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(new UTF8Encoding(false).GetBytes(Write(scenario)));
    }

    /// <summary>A SHA-256 fingerprint of a scenario (of its canonical JSON), recorded in summaries so that results can be traced to the exact inputs.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>64 lowercase hexadecimal characters.</returns>
    public static string Hash(Scenario scenario)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Write(scenario))));

    /// <summary>
    /// The identity of an experiment on a scenario, recorded in checkpoints and sweep manifests so that a resumed run
    /// continues only the same experiment: the scenario's <see cref="Hash"/>, then <c>+posterior:</c> and the
    /// posterior's hash when the structure is drawn from one, then <c>+facts:</c> and the number of a case's facts drawn
    /// within their ranges when there are any. The one place that composes it.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="posteriorHash">The hash of the posterior the runs draw their structure from, or null at the medians.</param>
    /// <param name="factRanges">How many uncertain facts are drawn within their ranges (0: none).</param>
    /// <returns>The identity.</returns>
    public static string ExperimentHash(Scenario scenario, string? posteriorHash, int factRanges = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factRanges);
        return Hash(scenario) + (factRanges == 0
            ? posteriorHash is null ? "" : "+posterior:" + posteriorHash
            : $"+posterior:{posteriorHash}+facts:{factRanges}");
    }

    /// <summary>The JSON Schema (draft 2020-12) of scenario files, generated from the .NET types, with descriptions from the XML documentation when it is available.</summary>
    /// <returns>The schema as indented JSON.</returns>
    public static string GetJsonSchema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is JsonObject o)
                {
                    string? doc = context.PropertyInfo?.AttributeProvider is PropertyInfo pi ? XmlDocs.Describe(pi) : XmlDocs.Describe(context.TypeInfo.Type);
                    if (doc is not null)
                    {
                        o.Insert(0, "description", doc);
                    }

                    if (context.PropertyInfo?.AttributeProvider is PropertyInfo ranged && DeclaredRanges.Of(ranged) is { } range)
                    {
                        AddRange(o, range);
                    }
                }

                return node;
            },
        };
        JsonObject schema = Options.GetJsonSchemaAsNode(typeof(Scenario), exporter).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "title", "SanctionsSim scenario");
        if (schema["properties"] is JsonObject properties)
        {
            properties.Insert(0, "$schema", new JsonObject
            {
                ["description"] = "Optional: the path or address of this JSON Schema, for editors (sanctionssim init writes scenario.schema.json beside the file).",
                ["type"] = "string",
            });
            properties.Insert(1, "schemaVersion", new JsonObject
            {
                ["description"] = $"The scenario format's version; this library reads and writes {CurrentSchemaVersion}.",
                ["type"] = "integer",
                ["const"] = CurrentSchemaVersion,
            });
        }

        if (schema["required"] is JsonArray required)
        {
            required.Insert(0, "schemaVersion");
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>The declared range of a number as JSON Schema keywords: minimum or exclusiveMinimum, maximum or exclusiveMaximum.</summary>
    private static void AddRange(JsonObject node, ValueRange range)
    {
        static JsonNode Number(double v) => v == Math.Floor(v) && Math.Abs(v) < 1e15 ? JsonValue.Create((long)v) : JsonValue.Create(v);
        node[range.MinOpen ? "exclusiveMinimum" : "minimum"] = Number(range.Min);
        node[range.MaxOpen ? "exclusiveMaximum" : "maximum"] = Number(range.Max);
    }

    // ---------------------------------------------------------------- structural checks

    private static void CheckObject(JsonObject obj, Type type, string path, List<ScenarioError> errors, List<(JsonObject Parent, string Name)> unknown, string? skip = null)
    {
        var properties = SettableProperties(type);
        foreach (var (name, value) in obj)
        {
            if (name == skip)
            {
                continue;
            }

            string childPath = path + "." + name;
            if (!properties.TryGetValue(name, out PropertyInfo? property))
            {
                string? guess = Suggest.Closest(name, properties.Keys);
                errors.Add(Error(childPath, Describe(value), "unknown property" + (guess is null ? "" : $" (did you mean \"{guess}\"?)") + "; allowed: " + string.Join(", ", properties.Keys)));
                unknown.Add((obj, name));
                continue;
            }

            CheckValue(value, property.PropertyType, childPath, errors, unknown, IsNullable(property));
        }

        foreach (var (name, property) in properties)
        {
            if (property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null && !obj.ContainsKey(name))
            {
                errors.Add(Error(path + "." + name, "missing", "required"));
            }
        }
    }

    private static void CheckValue(JsonNode? node, Type type, string path, List<ScenarioError> errors, List<(JsonObject Parent, string Name)> unknown, bool nullable)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            type = underlying;
            nullable = true;
        }

        if (node is null)
        {
            if (!nullable)
            {
                errors.Add(Error(path, "null", "a value is required (" + Expected(type) + ")"));
            }

            return;
        }

        JsonValueKind kind = node.GetValueKind();
        if (type == typeof(int))
        {
            if (kind != JsonValueKind.Number || !node.AsValue().GetValue<JsonElement>().TryGetInt32(out _))
            {
                bool tooLarge = kind == JsonValueKind.Number && node.AsValue().GetValue<JsonElement>().TryGetDouble(out double big) && Math.Abs(big) > int.MaxValue && Math.Floor(big) == big;
                errors.Add(Error(path, Describe(node), tooLarge ? "is too large: a whole number here is at most 2,147,483,647 (and the field's own range applies; see 'sanctionssim schema')" : "must be a whole number" + QuotedNumberHint(node, integer: true)));
            }
        }
        else if (type == typeof(double))
        {
            if (kind != JsonValueKind.Number || !node.AsValue().GetValue<JsonElement>().TryGetDouble(out double d) || !double.IsFinite(d))
            {
                errors.Add(Error(path, Describe(node), "must be a finite number" + QuotedNumberHint(node, integer: false)));
            }
        }
        else if (type == typeof(bool))
        {
            if (kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(Error(path, Describe(node), "must be true or false"));
            }
        }
        else if (type == typeof(string))
        {
            if (kind != JsonValueKind.String)
            {
                errors.Add(Error(path, Describe(node), "must be a string"));
            }
        }
        else if (type.IsEnum)
        {
            string[] names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
            if (kind != JsonValueKind.String)
            {
                errors.Add(Error(path, Describe(node), "must be one of " + string.Join(", ", names)));
            }
            else
            {
                string text = node.GetValue<string>();
                if (!names.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    string? guess = Suggest.Closest(text, names);
                    errors.Add(Error(path, Describe(node), "must be one of " + string.Join(", ", names) + (guess is null ? "" : $"; did you mean \"{guess}\"?")));
                }
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            if (node is not JsonArray array)
            {
                errors.Add(Error(path, Describe(node), "must be an array"));
                return;
            }

            Type element = type.GetGenericArguments()[0];
            for (int i = 0; i < array.Count; i++)
            {
                CheckValue(array[i], element, $"{path}[{i}]", errors, unknown, nullable: false);
            }
        }
        else if (type.IsClass)
        {
            if (node is not JsonObject child)
            {
                errors.Add(Error(path, Describe(node), "must be an object"));
                return;
            }

            CheckObject(child, type, path, errors, unknown);
        }
    }

    private static Dictionary<string, PropertyInfo> SettableProperties(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);

    private static bool IsNullable(PropertyInfo property)
        => new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private static string Expected(Type type)
        => type == typeof(int) ? "an integer" : type == typeof(double) ? "a number" : type == typeof(bool) ? "true or false"
            : type == typeof(string) ? "a string" : type.IsEnum ? "a string" : type.IsGenericType ? "an array" : "an object";

    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => node.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }

    /// <summary>"; write it without quotes: 52" when a number arrived as a string.</summary>
    private static string QuotedNumberHint(JsonNode node, bool integer)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            return string.Empty;
        }

        string text = node.GetValue<string>().Trim();
        bool parses = integer
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d);
        return parses ? $" (a number, not text: write {text} without quotes)" : string.Empty;
    }

    private static string Clean(string message)
    {
        // the position is reported once, as line and column; drop the exception's own copies of it
        foreach (string marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', '.', '|');
    }

    private static ScenarioError Error(string path, string value, string message) => new() { Path = path, Value = value, Message = message };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // files are read by people: keep ' and … as they are
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = MaxDepth,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
