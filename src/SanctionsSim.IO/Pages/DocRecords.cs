using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Results;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// <c>sanctionssim docs record|render</c>'s work: rendering the pages, running the command a results file names (through
/// the caller's runner) and recording it with its provenance (settings, seed, scenario and input hashes). Moved from the
/// command line (#28 item 3).
/// </summary>
internal static class DocRecords
{
    private const int Success = 0;

    /// <summary>
    /// <c>docs render</c>: renders docs/templates/*.md with the numbers of docs/results/*.json into docs/*.md (atomically),
    /// or with <paramref name="check"/> writes nothing and lists each stale page or results file on <paramref name="output"/>.
    /// Returns the exit code: 1 when there is a problem.
    /// </summary>
    public static async Task<int> RenderAsync(string folder, bool check, TextWriter output, TextWriter error, CancellationToken token)
    {
        string root = Path.GetDirectoryName(folder)!;
        var problems = new List<string>();
        Dictionary<string, string> pages;
        try
        {
            pages = DocTemplates.RenderAll(folder);
        }
        catch (UserInputException e) when (check)
        {
            problems.Add($"cannot render: {e.Message}");
            pages = [];
        }

        foreach (var (path, text) in pages)
        {
            bool current = File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == text;
            if (current)
            {
                continue;
            }

            if (check)
            {
                problems.Add($"stale page: {DocTemplates.Relative(root, path)} is not what docs/templates/{Path.GetFileName(path)} renders; run: sanctionssim docs render");
            }
            else
            {
                AtomicFile.WriteAllText(path, text);
                await error.WriteLineAsync($"wrote {DocTemplates.Relative(root, path)}").ConfigureAwait(false);
            }
        }

        var notRecorded = new List<string>();
        string model = await Task.Run(ModelFingerprint.Compute, token).ConfigureAwait(false);
        problems.AddRange(DocTemplates.StaleResults(folder, model, notRecorded));
        foreach (string problem in problems)
        {
            await output.WriteLineAsync(problem).ConfigureAwait(false);
        }

        foreach (string file in notRecorded)
        {
            await error.WriteLineAsync($"note: {file} was not recorded by 'docs record' (no modelHash): not checked against the model").ConfigureAwait(false);
        }

        await error.WriteLineAsync($"{pages.Count} pages rendered from templates; model fingerprint {model}; {problems.Count} problem(s)").ConfigureAwait(false);
        return problems.Count > 0 ? 1 : Success;
    }

    /// <summary>
    /// <c>docs record</c>: runs the command a results file names (<paramref name="run"/> runs a command line, writing to
    /// the given output, and returns its exit code) and rewrites the file atomically with the command, package version,
    /// model fingerprint, scenario and input hashes, seed, settings and the command's JSON output. Returns the exit code.
    /// </summary>
    public static async Task<int> RecordAsync(string path, string folder, string? commandLine, string? ciCommand, string scale, Func<string[], TextWriter, Task<int>> run, TextWriter error, CancellationToken token)
    {
        string root = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!;
        JsonObject envelope = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UserInputException($"'{path}' is not a JSON object.") : [];
        if (commandLine is string c)
        {
            envelope["command"] = c;
        }

        if (ciCommand is string cc)
        {
            envelope["ciCommand"] = cc;
        }

        string s = scale;
        string key = s == "ci" ? "ciCommand" : "command";
        if (envelope[key] is not JsonValue line)
        {
            throw new UserInputException($"'{path}' has no {key}; give it with --{(s == "ci" ? "ci-command" : "command")} \"sanctionssim ...\".");
        }

        string text = line.GetValue<string>();
        var tokens = Tokenize(text);
        CheckCommand(tokens, key, text);

        // steps run first (a sweep that 'discover' then reads): before, or ciBefore at the CI scale; {work} in any
        // command is a fresh temporary folder they share
        string beforeKey = s == "ci" && envelope["ciBefore"] is JsonArray ? "ciBefore" : "before";
        var before = (envelope[beforeKey] as JsonArray ?? []).Select(b => Tokenize(b!.GetValue<string>())).ToList();
        foreach (var b in before)
        {
            CheckCommand(b, beforeKey, string.Join(' ', b));
        }

        string work = Directory.CreateTempSubdirectory("sanctionssim-work-").FullName;

        // paths in the command are relative to the repository root: run them from there
        string[] Arguments(List<string> command) => [.. command.Skip(1).Select(t => t.Replace("{work}", work, StringComparison.Ordinal)).Select(t => !t.StartsWith('-') && !Path.IsPathRooted(t) && File.Exists(Path.Combine(root, t)) ? Path.Combine(root, t) : t)];
        var args = Arguments(tokens);

        // charts: the run also writes its --out folder (a temporary one) and the files the envelope lists are copied into docs/
        var charts = envelope["charts"] as JsonObject;
        string? outFolder = charts is { Count: > 0 } ? Path.Combine(work, "out") : null;
        if (outFolder is not null)
        {
            args = [.. args, "--out", outFolder];
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        int code = Success;
        JsonNode? results = null;
        try
        {
            foreach (var b in before)
            {
                using var discard = new StringWriter(CultureInfo.InvariantCulture);
                code = await run(Arguments(b), discard).ConfigureAwait(false);
                if (code != Success)
                {
                    break;
                }
            }

            if (code == Success)
            {
                code = await run(args, output).ConfigureAwait(false);
            }

            clock.Stop();
            if (code == Success)
            {
                try
                {
                    results = JsonNode.Parse(output.ToString()) ?? throw new JsonException("empty");
                }
                catch (JsonException)
                {
                    throw new UserInputException($"the command did not write JSON; add --format json to it ('{text}').");
                }
            }

            if (code == Success && outFolder is not null)
            {
                foreach (var (from, to) in charts!)
                {
                    string source = Path.Combine(outFolder, from);
                    if (!File.Exists(source))
                    {
                        throw new UserInputException($"the run wrote no '{from}' into its --out folder (charts of {path}).");
                    }

                    string target = Path.Combine(folder, to!.GetValue<string>());
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    AtomicFile.WriteAllBytes(target, File.ReadAllBytes(source));
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        if (code != Success || results is null)
        {
            await error.WriteLineAsync($"the recorded command failed (exit {code}); {path} is unchanged").ConfigureAwait(false);
            return code;
        }


        var settings = Settings(tokens.Skip(2).ToList());
        string relative = DocTemplates.Relative(root, path);
        var record = new JsonObject
        {
            ["command"] = envelope["command"]?.DeepClone(),
            ["ciCommand"] = envelope["ciCommand"]?.DeepClone(),
            ["before"] = envelope["before"]?.DeepClone(),
            ["ciBefore"] = envelope["ciBefore"]?.DeepClone(),
            ["scale"] = s,
            ["packageVersion"] = SanctionsSim.Internal.PackageVersion.Current,
            ["modelHash"] = await Task.Run(ModelFingerprint.Compute, token).ConfigureAwait(false),
            ["scenarioHashes"] = ScenarioHashes([.. before.SelectMany(b => b.Skip(2)), .. tokens.Skip(2)], results),
            ["inputHashes"] = InputHashes(root, [.. before.SelectMany(b => b.Skip(2)), .. tokens.Skip(2)]),
            ["seed"] = results["seed"]?.DeepClone() ?? Seed([tokens, .. before]),
            ["settings"] = settings,
            ["createdBy"] = $"sanctionssim docs record {relative} --scale {s}",
            ["elapsedSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            ["processors"] = Environment.ProcessorCount,
            ["peakWorkingSetMegabytes"] = Process.GetCurrentProcess().PeakWorkingSet64 >> 20,
            ["charts"] = charts?.DeepClone(),
            ["results"] = results,
        };
        foreach (string optional in Optional)
        {
            if (record[optional] is null)
            {
                record.Remove(optional);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, SummaryJson.ToText(record));
        await error.WriteLineAsync($"recorded {relative} ({s} scale, {record["elapsedSeconds"]} s); now run: sanctionssim docs render").ConfigureAwait(false);
        return Success;
    }

    /// <summary>The value of the first --seed of the commands (the main one first, then the steps before it).</summary>
    public static JsonValue? Seed(List<List<string>> commands)
    {
        foreach (var command in commands)
        {
            int k = command.IndexOf("--seed");
            if (k >= 0 && k + 1 < command.Count && ulong.TryParse(command[k + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            {
                return JsonValue.Create(seed);
            }
        }

        return null;
    }

    /// <summary>The envelope's fields left out when empty.</summary>
    public static IReadOnlyList<string> Optional { get; } = ["ciCommand", "before", "ciBefore", "charts"];

    public static void CheckCommand(List<string> tokens, string key, string text)
    {
        if (tokens.Count < 2 || tokens[0] != "sanctionssim" || tokens[1] == "docs")
        {
            throw new UserInputException($"{key} must be a sanctionssim command line other than 'docs' (got '{text}').");
        }
    }

    /// <summary>The folder named by --docs, or the nearest docs/ with a templates/ folder from the current folder up.</summary>
    public static string FindDocs(DirectoryInfo? given)
    {
        if (given is not null)
        {
            return Directory.Exists(Path.Combine(given.FullName, "templates")) ? given.FullName : throw new UserInputException($"--docs '{given.FullName}' has no templates/ folder.");
        }

        for (string? dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, "docs", "templates")))
            {
                return Path.Combine(dir, "docs");
            }
        }

        throw new UserInputException("no docs/templates folder here or above; run from the repository, or give --docs DIR.");
    }

    /// <summary>Splits a command line on white space, keeping what is inside double or single quotes together.</summary>
    public static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        bool any = false;
        foreach (char ch in line)
        {
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
                any = true;
            }
            else if (char.IsWhiteSpace(ch))
            {
                if (any || current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(ch);
            }
        }

        if (quote != '\0')
        {
            throw new UserInputException($"the command has an unclosed quote: {line}");
        }

        if (any || current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>The command's options as settings (<c>--runs 400</c> → "runs": "400", a flag → true; repeated options → an array) and its arguments.</summary>
    public static JsonObject Settings(List<string> tokens)
    {
        var settings = new JsonObject();
        var arguments = new JsonArray();
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i];
            if (!t.StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add(t);
                continue;
            }

            string name = t[2..];
            JsonNode value = i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal) ? JsonValue.Create(tokens[++i])! : JsonValue.Create(true)!;
            if (settings[name] is JsonArray list)
            {
                list.Add(value);
            }
            else if (settings[name] is JsonNode previous)
            {
                settings[name] = new JsonArray(previous.DeepClone(), value);
            }
            else
            {
                settings[name] = value;
            }
        }

        if (arguments.Count > 0)
        {
            settings["arguments"] = arguments;
        }

        return settings;
    }

    /// <summary>The behavioural hash (<see cref="ModelFingerprint.OfScenario"/>) of each scenario the command names: presets given by --preset or as arguments, and the results' "scenario" fields.</summary>
    public static JsonObject ScenarioHashes(List<string> tokens, JsonNode results)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string t in tokens)
        {
            if (Presets.Names.Contains(t))
            {
                names.Add(t);
            }
        }

        if (results is JsonObject o && o["scenario"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && Presets.Names.Contains(v.GetValue<string>()))
        {
            names.Add(v.GetValue<string>());
        }

        var hashes = new JsonObject();
        foreach (string name in names)
        {
            hashes[name] = ModelFingerprint.OfScenario(Presets.Get(name));
        }

        return hashes;
    }

    /// <summary>The SHA-256 of each file the command names (scenario, experiment and other input files), by path from the repository root.</summary>
    public static JsonObject InputHashes(string root, List<string> tokens)
    {
        var hashes = new JsonObject();
        foreach (string t in tokens.Where(t => !t.StartsWith('-') && !t.Contains("{work}", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            string full = Path.IsPathRooted(t) ? t : Path.Combine(root, t);
            if (File.Exists(full))
            {
                hashes[DocTemplates.Relative(root, full)] = DocTemplates.Sha256(File.ReadAllBytes(full));
            }
        }

        return hashes;
    }
}
