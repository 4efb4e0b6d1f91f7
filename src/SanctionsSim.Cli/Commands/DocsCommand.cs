using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim docs record|render</c>: the documentation's numbers come from recorded runs (docs/results.md).
/// <c>record</c> re-runs the command a results file names and rewrites the file; <c>render</c> fills the templates of
/// docs/templates with the results and writes docs/*.md; <c>render --check</c> fails on a page that is not what its
/// template renders and on a results file recorded with another model (its fingerprint, <see cref="ModelFingerprint"/>).
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("docs", "The documentation's numbers: record a results file by re-running its command, render the pages from their templates, check that nothing is stale.");
        command.Subcommands.Add(Record(context));
        command.Subcommands.Add(Render(context));
        return command;
    }

    private static Option<DirectoryInfo?> DocsFolder() => new("--docs")
    {
        Description = "The docs folder (holding templates/ and results/); default: the nearest docs/ with a templates/ folder, from the current folder up.",
    };

    private static Command Render(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing: exit 1, listing them, if a page differs from what its template renders or a results file is stale (another model, scenario or input, or the CI scale)." };
        var docs = DocsFolder();
        var command = new Command("render", "Render docs/templates/*.md with the numbers of docs/results/*.json into docs/*.md (atomically), or check that they are current.") { check, docs };
        command.SetAction(async (parse, token) =>
        {
            string folder = FindDocs(parse.GetValue(docs));
            string root = Path.GetDirectoryName(folder)!;
            var problems = new List<string>();
            Dictionary<string, string> pages;
            try
            {
                pages = DocTemplates.RenderAll(folder);
            }
            catch (UserInputException e) when (parse.GetValue(check))
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

                if (parse.GetValue(check))
                {
                    problems.Add($"stale page: {DocTemplates.Relative(root, path)} is not what docs/templates/{Path.GetFileName(path)} renders; run: sanctionssim docs render");
                }
                else
                {
                    AtomicFile.WriteAllText(path, text);
                    await context.Error.WriteLineAsync($"wrote {DocTemplates.Relative(root, path)}").ConfigureAwait(false);
                }
            }

            var notRecorded = new List<string>();
            string model = await Task.Run(ModelFingerprint.Compute, token).ConfigureAwait(false);
            problems.AddRange(DocTemplates.StaleResults(folder, model, notRecorded));
            foreach (string problem in problems)
            {
                await context.Output.WriteLineAsync(problem).ConfigureAwait(false);
            }

            foreach (string file in notRecorded)
            {
                await context.Error.WriteLineAsync($"note: {file} was not recorded by 'docs record' (no modelHash): not checked against the model").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"{pages.Count} pages rendered from templates; model fingerprint {model}; {problems.Count} problem(s)").ConfigureAwait(false);
            return problems.Count > 0 ? CliApp.Failure : CliApp.Success;
        });
        return command;
    }

    private static Command Record(CliContext context)
    {
        var file = new Argument<FileInfo>("results-file") { Description = "The results file (docs/results/NAME.json) whose command is run." };
        var scale = new Option<string>("--scale") { Description = "full: run the file's command (what the docs must show); ci: run its smaller ciCommand (a quick check; render --check refuses such a file).", DefaultValueFactory = _ => "full" }
            .AcceptOnlyFromAmong("full", "ci");
        var commandLine = new Option<string?>("--command") { Description = "Set the file's command (creating the file if needed): a sanctionssim command line that writes JSON (--format json), quoted." };
        var ciCommand = new Option<string?>("--ci-command") { Description = "Set the file's smaller command for --scale ci." };
        var docs = DocsFolder();
        var command = new Command("record", "Run the command a results file names and rewrite the file atomically: the command, package version, model fingerprint, scenario and input hashes, seed, settings and the command's JSON output.")
        {
            file, scale, commandLine, ciCommand, docs,
        };
        command.SetAction(async (parse, token) =>
        {
            string path = parse.GetValue(file)!.FullName;
            string folder = parse.GetValue(docs) is { } d ? d.FullName : Path.GetDirectoryName(Path.GetDirectoryName(path))!;
            string root = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!;
            JsonObject envelope = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UserInputException($"'{path}' is not a JSON object.") : [];
            if (parse.GetValue(commandLine) is string c)
            {
                envelope["command"] = c;
            }

            if (parse.GetValue(ciCommand) is string cc)
            {
                envelope["ciCommand"] = cc;
            }

            string s = parse.GetValue(scale)!;
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
            int code = CliApp.Success;
            JsonNode? results = null;
            try
            {
                foreach (var b in before)
                {
                    using var discard = new StringWriter(CultureInfo.InvariantCulture);
                    code = await CliApp.RunAsync(Arguments(b), discard, context.Error, false, token).ConfigureAwait(false);
                    if (code != CliApp.Success)
                    {
                        break;
                    }
                }

                if (code == CliApp.Success)
                {
                    code = await CliApp.RunAsync(args, output, context.Error, false, token).ConfigureAwait(false);
                }

                clock.Stop();
                if (code == CliApp.Success)
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

                if (code == CliApp.Success && outFolder is not null)
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

            if (code != CliApp.Success || results is null)
            {
                await context.Error.WriteLineAsync($"the recorded command failed (exit {code}); {path} is unchanged").ConfigureAwait(false);
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
            await context.Error.WriteLineAsync($"recorded {relative} ({s} scale, {record["elapsedSeconds"]} s); now run: sanctionssim docs render").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The value of the first --seed of the commands (the main one first, then the steps before it).</summary>
    private static JsonValue? Seed(List<List<string>> commands)
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

    private static readonly string[] Optional = ["ciCommand", "before", "ciBefore", "charts"];

    private static void CheckCommand(List<string> tokens, string key, string text)
    {
        if (tokens.Count < 2 || tokens[0] != "sanctionssim" || tokens[1] == "docs")
        {
            throw new UserInputException($"{key} must be a sanctionssim command line other than 'docs' (got '{text}').");
        }
    }

    /// <summary>The folder named by --docs, or the nearest docs/ with a templates/ folder from the current folder up.</summary>
    private static string FindDocs(DirectoryInfo? given)
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
    internal static List<string> Tokenize(string line)
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
    private static JsonObject Settings(List<string> tokens)
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
    private static JsonObject ScenarioHashes(List<string> tokens, JsonNode results)
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
    private static JsonObject InputHashes(string root, List<string> tokens)
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
