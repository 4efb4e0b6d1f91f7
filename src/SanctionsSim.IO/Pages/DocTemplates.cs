using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SanctionsSim.Analysis;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// The documentation's pages rendered from templates and recorded results (docs/results.md): every
/// <c>{{ results/FILE.json : JSON.PATH | FORMAT }}</c> in docs/templates/PAGE.md is replaced by a value of a results
/// file, and the page written as docs/PAGE.md. The check compares the rendered pages with the committed ones and the
/// results files' model fingerprints and input hashes with the current ones.
/// </summary>
internal static partial class DocTemplates
{
    /// <summary>The line a rendered page carries after its title.</summary>
    public static string Banner(string template) => $"<!-- Rendered by `sanctionssim docs render` from docs/templates/{template} and the results files it names (docs/results.md): edit the template, not this page. -->";

    [GeneratedRegex(@"\{\{\s*(?<file>[^{}:|\s]+)\s*:\s*(?<path>[^{}|]+?)\s*(?:\|\s*(?<format>[^{}]+?)\s*)?\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Renders one template. Throws <see cref="UserInputException"/> naming the template's line for a missing file, path or bad format.</summary>
    /// <param name="docs">The docs folder (placeholders' files are relative to it).</param>
    /// <param name="name">The template's file name, for example analysis.md.</param>
    /// <param name="template">The template's text.</param>
    /// <param name="files">Results files read so far, by path (a cache).</param>
    public static string Render(string docs, string name, string template, Dictionary<string, JsonNode> files)
    {
        var lines = template.ReplaceLineEndings("\n").Split('\n');
        var output = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            try
            {
                line = Placeholder().Replace(line, m => Value(docs, m.Groups["file"].Value, m.Groups["path"].Value, m.Groups["format"].Success ? m.Groups["format"].Value : null, files));
            }
            catch (UserInputException e)
            {
                throw new UserInputException($"docs/templates/{name}, line {i + 1}: {e.Message}");
            }

            if (line.Contains("{{", StringComparison.Ordinal) && line.Contains(" : ", StringComparison.Ordinal))
            {
                throw new UserInputException($"docs/templates/{name}, line {i + 1}: a placeholder that does not parse; the form is {{{{ results/FILE.json : PATH | FORMAT }}}}.");
            }

            output.Append(line);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }

            if (i == 0 && line.StartsWith('#'))
            {
                output.Append('\n').Append(Banner(name)).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>One placeholder's text.</summary>
    public static string Value(string docs, string file, string path, string? format, Dictionary<string, JsonNode> files)
    {
        if (!files.TryGetValue(file, out JsonNode? root))
        {
            string full = Path.Combine(docs, file);
            if (!File.Exists(full))
            {
                throw new UserInputException($"no results file '{file}' (relative to {docs}).");
            }

            root = JsonNode.Parse(File.ReadAllText(full)) ?? throw new UserInputException($"'{file}' holds no JSON.");
            files[file] = root;
        }

        JsonNode? node = Navigate(root, path) ?? throw new UserInputException($"'{file}' has no value at '{path}'.");
        return Format(node, format, $"{file} : {path}");
    }

    /// <summary>
    /// Follows a path: names separated by dots; <c>['NAME']</c> for a field whose name has dots; <c>[3]</c> for an
    /// array's element; <c>[name=VALUE]</c> for the first element of an array whose field <c>name</c> is VALUE (dots
    /// allowed inside the brackets). <c>[*]</c> takes every element of an array, and <c>[?FIELD=VALUE]</c>,
    /// <c>[?FIELD&lt;NUMBER]</c>, <c>[?FIELD&gt;NUMBER]</c> every element that matches (FIELD may be a dotted path): the
    /// rest of the path then applies to each, and the result is an array (for the formats count, min, max, sum, mean).
    /// Null when the path leads nowhere.
    /// </summary>
    public static JsonNode? Navigate(JsonNode? node, string path)
    {
        var nodes = new List<JsonNode?> { node };
        bool many = false;
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                string selector = path[(i + 1)..end];
                i = end + 1;
                if (selector == "*" || selector.StartsWith('?'))
                {
                    many = true;
                    nodes = [.. nodes.OfType<JsonArray>().SelectMany(a => a).Where(e => selector == "*" || Matches(e, selector[1..]))];
                    continue;
                }

                nodes = [.. nodes.Select(n => Select(n, selector))];
                continue;
            }

            int stop = path.IndexOfAny(['.', '['], i);
            string name = stop < 0 ? path[i..] : path[i..stop];
            i = stop < 0 ? path.Length : stop;
            nodes = [.. nodes.Select(n => n is JsonObject obj && obj.TryGetPropertyValue(name, out JsonNode? child) ? child : null)];
        }

        return many ? new JsonArray([.. nodes.Where(n => n is not null).Select(n => n!.DeepClone())]) : nodes[0];
    }

    private static JsonNode? Select(JsonNode? node, string selector)
    {
        if (selector.Length >= 2 && selector[0] is '\'' or '"' && selector[^1] == selector[0])
        {
            return node is JsonObject o && o.TryGetPropertyValue(selector[1..^1], out JsonNode? child) ? child : null;
        }

        if (node is not JsonArray array)
        {
            return null;
        }

        int eq = selector.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k < array.Count ? array[k] : null;
        }

        string key = selector[..eq], value = selector[(eq + 1)..];
        return array.FirstOrDefault(e => e is JsonObject o && o[key] is JsonValue v && v.ToString() == value);
    }

    private static bool Matches(JsonNode? element, string condition)
    {
        int at = condition.IndexOfAny(['=', '<', '>']);
        if (at <= 0)
        {
            throw new UserInputException($"a filter [?{condition}] needs FIELD=VALUE, FIELD<NUMBER or FIELD>NUMBER.");
        }

        JsonNode? field = Navigate(element, condition[..at]);
        string value = condition[(at + 1)..];
        if (condition[at] == '=')
        {
            return field is JsonValue v && v.ToString() == value;
        }

        if (field is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double bound))
        {
            return false;
        }

        double x = number.GetValue<double>();
        return condition[at] == '<' ? x < bound : x > bound;
    }

    /// <summary>
    /// A value as text: with no format, a string as it is and a number in its shortest round-trip form; a .NET custom
    /// numeric format (<c>0.000</c>, <c>#,0</c>, <c>0.0 %</c>), or <c>duration</c> (seconds as "9 min 13 s"). A formatted
    /// negative number gets a minus sign (U+2212).
    /// </summary>
    public static string Format(JsonNode node, string? format, string where)
    {
        if (node is JsonArray list && format is not null)
        {
            string[] words = format.Split(' ', 2);
            if (words[0] == "count")
            {
                return list.Count.ToString(CultureInfo.InvariantCulture);
            }

            if (words[0] is "min" or "max" or "sum" or "mean")
            {
                var xs = list.Select(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : throw new UserInputException($"{where} holds something that is not a number.")).ToList();
                if (xs.Count == 0)
                {
                    throw new UserInputException($"{where} selects nothing: no {words[0]}.");
                }

                double a = words[0] switch { "min" => xs.Min(), "max" => xs.Max(), "sum" => xs.Sum(), _ => xs.Average() };
                return Format(JsonValue.Create(a), words.Length > 1 ? words[1] : null, where);
            }
        }

        if (node is not JsonValue value)
        {
            throw new UserInputException($"{where} is an object or an array, not a value (an array takes the formats count, min, max, sum or mean).");
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            // a setting is text ("runs": "400"); a format reads it as a number
            return format is null ? value.GetValue<string>()
                : double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? Format(JsonValue.Create(parsed), format, where)
                : throw new UserInputException($"{where} is text; a format ('{format}') applies to numbers.");
        }

        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>() ? "true" : "false";
        }

        if (value.GetValueKind() != JsonValueKind.Number)
        {
            throw new UserInputException($"{where} is null.");
        }

        double x = value.GetValue<double>();
        if (format is null)
        {
            return x.ToString("R", CultureInfo.InvariantCulture);
        }

        if (format == "duration")
        {
            long s = (long)Math.Round(x);
            return s < 60 ? $"{s} s" : s < 3600 ? $"{s / 60} min {s % 60} s" : $"{s / 3600} h {s / 60 % 60} min";
        }

        string text = x.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? "\u2212" + text[1..] : text;
    }

    /// <summary>The rendered page of each template in DOCS/templates, by page path (DOCS/NAME.md).</summary>
    public static Dictionary<string, string> RenderAll(string docs)
    {
        var files = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string template in Directory.EnumerateFiles(Path.Combine(docs, "templates"), "*.md").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(template);
            pages[Path.Combine(docs, name)] = Render(docs, name, File.ReadAllText(template), files);
        }

        return pages;
    }

    /// <summary>
    /// What is out of date among the results files of DOCS/results: a model fingerprint that is not
    /// <paramref name="modelHash"/>, a scenario or input whose hash changed, a file recorded at the small CI scale.
    /// Each problem names the file and the command that regenerates it. Files without a <c>modelHash</c> (not recorded
    /// by <c>docs record</c>) are listed in <paramref name="notRecorded"/>.
    /// </summary>
    public static List<string> StaleResults(string docs, string modelHash, List<string> notRecorded)
    {
        var problems = new List<string>();
        string root = Path.GetDirectoryName(Path.GetFullPath(docs).TrimEnd(Path.DirectorySeparatorChar))!;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(docs, "results"), "*.json").Order(StringComparer.Ordinal))
        {
            string shown = Relative(root, file);
            JsonObject envelope;
            try
            {
                envelope = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                problems.Add($"{shown}: not a JSON object ({e.Message})");
                continue;
            }

            if (envelope["modelHash"] is not JsonValue hash)
            {
                notRecorded.Add(shown);
                continue;
            }

            string regenerate = envelope["createdBy"]?.GetValue<string>() ?? $"sanctionssim docs record {shown} --scale full";
            var reasons = new List<string>();
            if (hash.GetValue<string>() != modelHash)
            {
                reasons.Add($"its model fingerprint {Short(hash.GetValue<string>())} is not the model's {Short(modelHash)}");
            }

            if (envelope["scale"]?.GetValue<string>() == "ci")
            {
                reasons.Add("it was recorded at the small CI scale");
            }

            foreach (var (name, value) in envelope["scenarioHashes"] as JsonObject ?? [])
            {
                string now = Presets.Names.Contains(name) ? ModelFingerprint.OfScenario(Presets.Get(name)) : "(no such preset)";
                if (now != value?.GetValue<string>())
                {
                    reasons.Add($"the scenario '{name}' changed");
                }
            }

            foreach (var (path, value) in envelope["inputHashes"] as JsonObject ?? [])
            {
                string full = Path.Combine(root, path);
                string now = File.Exists(full) ? Sha256(File.ReadAllBytes(full)) : "(missing)";
                if (now != value?.GetValue<string>())
                {
                    reasons.Add($"its input {path} changed");
                }
            }

            if (reasons.Count > 0)
            {
                problems.Add($"stale results: {shown}: {string.Join("; ", reasons)}; regenerate with: {regenerate.Replace("--scale ci", "--scale full", StringComparison.Ordinal)}");
            }
        }

        return problems;
    }

    /// <summary>A path relative to the repository root, with forward slashes.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>The SHA-256 of some bytes, lower-case hexadecimal.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
