using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Experiments;

/// <summary>
/// An experiment file: the levers of a sweep or analysis, and optionally its design, replications and seed.
/// JSON, comments and trailing commas allowed:
/// <code>
/// {
///   "scenario": "venezuela-2019-amnesty",          // optional: a preset name or a scenario file (relative to this file)
///   "parameters": [
///     { "path": "coalition.us.amnesty.credibility", "lower": 0.2, "upper": 1 },
///     { "path": "regime.reservesAbroad", "lower": 1, "upper": 20, "distribution": "logUniform" },
///     { "path": "regime.reprisalProbability", "lower": 0, "upper": 1, "distribution": "truncatedNormal", "mean": 0.6, "standardDeviation": 0.2 }
///   ],
///   "design": { "kind": "latinHypercube", "points": 64 },   // optional: factorial (levels), latinHypercube | sobol (points)
///   "replicationsPerPoint": 100,                             // optional
///   "seed": 7                                                // optional
/// }
/// </code>
/// Every problem is reported with its JSON path, the value and what is allowed.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record ExperimentFile
{
    /// <summary>The scenario named by the file (a preset name or a path resolved against the file's folder), or null.</summary>
    public string? Scenario { get; init; }

    /// <summary>The levers.</summary>
    public required IReadOnlyList<ExperimentParameter> Parameters { get; init; }

    /// <summary>The design kind (<c>factorial</c>, <c>latinHypercube</c> or <c>sobol</c>), or null.</summary>
    public string? DesignKind { get; init; }

    /// <summary>Points of a Latin hypercube or Sobol design, or null.</summary>
    public int? DesignPoints { get; init; }

    /// <summary>Levels per lever of a factorial design, or null.</summary>
    public int? DesignLevels { get; init; }

    /// <summary>Replications per point, or null.</summary>
    public int? ReplicationsPerPoint { get; init; }

    /// <summary>The seed, or null.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Reads an experiment file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ScenarioValidationException">The file is missing or invalid; every problem is listed with its JSON path.</exception>
    public static ExperimentFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([new ScenarioError { Path = "$", Value = path, Message = "the experiment file does not exist" }]);
        }

        var file = Read(File.ReadAllText(path));
        if (file.Scenario is { } s && !Presets.Names.Contains(s) && !Path.IsPathRooted(s))
        {
            file = file with { Scenario = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", s)) };
        }

        return file;
    }

    /// <summary>Reads an experiment from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ScenarioValidationException">The text is invalid; every problem is listed with its JSON path.</exception>
    public static ExperimentFile Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<ScenarioError>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException([new ScenarioError { Path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path, Value = $"line {(e.LineNumber ?? 0) + 1}", Message = "malformed JSON: " + e.Message.Split(" Path:")[0] }]);
        }

        if (root is not JsonObject obj)
        {
            throw new ScenarioValidationException([new ScenarioError { Path = "$", Value = root?.ToJsonString() ?? "null", Message = "an experiment file holds one JSON object" }]);
        }

        string[] known = ["scenario", "parameters", "design", "replicationsPerPoint", "seed"];
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(Error("$." + key, "present", "unknown field" + Hint(key, known)));
            }
        }

        string? scenario = Text(obj, "scenario", "$.scenario", errors);
        var parameters = new List<ExperimentParameter>();
        if (obj["parameters"] is not JsonArray list || list.Count == 0)
        {
            errors.Add(Error("$.parameters", Describe(obj["parameters"]), "a non-empty list of levers is required"));
        }
        else
        {
            for (int i = 0; i < list.Count; i++)
            {
                string at = $"$.parameters[{i}]";
                if (list[i] is not JsonObject p)
                {
                    errors.Add(Error(at, Describe(list[i]), "a lever is an object with path, lower and upper"));
                    continue;
                }

                string[] fields = ["path", "lower", "upper", "distribution", "mode", "mean", "standardDeviation"];
                foreach (var (key, _) in p)
                {
                    if (!fields.Contains(key, StringComparer.Ordinal))
                    {
                        errors.Add(Error($"{at}.{key}", "present", "unknown field" + Hint(key, fields)));
                    }
                }

                string? name = Text(p, "path", at + ".path", errors, required: true);
                double? lower = Number(p, "lower", at + ".lower", errors, required: true);
                double? upper = Number(p, "upper", at + ".upper", errors, required: true);
                string? distribution = Text(p, "distribution", at + ".distribution", errors);
                var kind = ParameterDistribution.Uniform;
                if (distribution is not null && !Enum.TryParse(distribution, ignoreCase: true, out kind))
                {
                    errors.Add(Error(at + ".distribution", distribution, "one of uniform, logUniform, triangular, truncatedNormal"));
                }

                double? mode = Number(p, "mode", at + ".mode", errors), mean = Number(p, "mean", at + ".mean", errors), sd = Number(p, "standardDeviation", at + ".standardDeviation", errors);
                if (name is null || lower is null || upper is null)
                {
                    continue;
                }

                var parameter = new ExperimentParameter { Name = name, Lower = lower.Value, Upper = upper.Value, Distribution = kind, Mode = mode, Mean = mean, StandardDeviation = sd };
                try
                {
                    parameter.Validate();
                    parameters.Add(parameter);
                }
                catch (ArgumentException e)
                {
                    errors.Add(Error($"{at}.{JsonName(e.ParamName)}", FieldValue(parameter, e.ParamName), e.Message.Split(" (Parameter")[0]));
                }
            }

            foreach (var group in parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(Error("$.parameters", group.Key, "each lever may appear once"));
            }
        }

        string? designKind = null;
        int? points = null, levels = null;
        if (obj["design"] is JsonNode d)
        {
            if (d is not JsonObject design)
            {
                errors.Add(Error("$.design", Describe(d), "an object with kind and points or levels"));
            }
            else
            {
                designKind = Text(design, "kind", "$.design.kind", errors, required: true);
                if (designKind is not null && designKind is not ("factorial" or "latinHypercube" or "sobol"))
                {
                    errors.Add(Error("$.design.kind", designKind, "one of factorial, latinHypercube, sobol"));
                }

                points = Integer(design, "points", "$.design.points", errors, 1, 10_000_000);
                levels = Integer(design, "levels", "$.design.levels", errors, 2, 100_000);
            }
        }

        int? replications = Integer(obj, "replicationsPerPoint", "$.replicationsPerPoint", errors, 1, 10_000_000);
        ulong? seed = null;
        if (obj["seed"] is JsonNode seedNode)
        {
            if (seedNode is JsonValue v && v.GetValueKind() == JsonValueKind.Number && ulong.TryParse(v.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s))
            {
                seed = s;
            }
            else
            {
                errors.Add(Error("$.seed", Describe(seedNode), "a non-negative integer below 2^64"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return new ExperimentFile { Scenario = scenario, Parameters = parameters, DesignKind = designKind, DesignPoints = points, DesignLevels = levels, ReplicationsPerPoint = replications, Seed = seed };
    }

    private static string JsonName(string? member) => member switch
    {
        nameof(ExperimentParameter.Lower) => "lower",
        nameof(ExperimentParameter.Upper) => "upper",
        nameof(ExperimentParameter.Mode) => "mode",
        nameof(ExperimentParameter.Mean) => "mean",
        nameof(ExperimentParameter.StandardDeviation) => "standardDeviation",
        nameof(ExperimentParameter.Distribution) => "distribution",
        _ => "path",
    };

    private static string FieldValue(ExperimentParameter p, string? member) => member switch
    {
        nameof(ExperimentParameter.Lower) => F(p.Lower),
        nameof(ExperimentParameter.Upper) => F(p.Upper),
        nameof(ExperimentParameter.Mode) => p.Mode is double m ? F(m) : "none",
        nameof(ExperimentParameter.Mean) => p.Mean is double m ? F(m) : "none",
        nameof(ExperimentParameter.StandardDeviation) => p.StandardDeviation is double s ? F(s) : "none",
        _ => p.Name,
    };

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static ScenarioError Error(string path, string value, string message) => new() { Path = path, Value = value, Message = message };

    private static string Hint(string key, string[] known) => Suggest.Closest(key, known) is { } s ? $"; did you mean '{s}'?" : $"; known fields: {string.Join(", ", known)}";

    private static string Describe(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static string? Text(JsonObject o, string key, string path, List<ScenarioError> errors, bool required = false)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            if (required)
            {
                errors.Add(Error(path, "missing", "required text"));
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s)
        {
            return s;
        }

        errors.Add(Error(path, Describe(node), "non-empty text"));
        return null;
    }

    private static double? Number(JsonObject o, string key, string path, List<ScenarioError> errors, bool required = false)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            if (required)
            {
                errors.Add(Error(path, "missing", "a finite number is required"));
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is double x && double.IsFinite(x))
        {
            return x;
        }

        errors.Add(Error(path, Describe(node), "a finite number"));
        return null;
    }

    private static int? Integer(JsonObject o, string key, string path, List<ScenarioError> errors, int min, int max)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && int.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add(Error(path, Describe(node), $"an integer in [{min}, {max}]"));
        return null;
    }
}
