using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.IO.Inputs;

/// <summary>
/// What the command line's options name, read and checked: scenario files and presets, posteriors, case files,
/// experiment files and levers, output folders. A mistake is a <see cref="UserInputException"/> naming the option
/// (exit 2); moved from the command line so that its commands only parse and call (#28 item 3).
/// </summary>
internal static class InputFiles
{
    /// <summary>
    /// The ranges of a case's uncertain facts when the scenario is a case of the case base given by name (not a file,
    /// not a built-in scenario) and <c>--facts ranges</c>; ranges whose field the scenario no longer holds (events cut
    /// by --weeks) are dropped. Empty otherwise.
    /// </summary>
    public static IReadOnlyList<Scenarios.Cases.FactRange> FactRanges(FileInfo? file, string? preset, string facts, Scenario scenario)
    {
        if (file is not null || preset is null || facts != "ranges" || Presets.IsBuiltIn(preset) || !Scenarios.Cases.CaseBase.Contains(preset))
        {
            return [];
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(ScenarioJson.Write(scenario))!;
        return [.. Scenarios.Cases.CaseBase.Get(preset).Ranges.Where(r => Scenarios.Cases.CaseFile.Navigate(json, r.Path) is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out double x) && Math.Abs(x - r.Mode) <= 1e-9 * Math.Max(1, Math.Abs(x)))];
    }

    /// <summary>The posterior named by --posterior (<c>default</c> or a posterior.json), or null.</summary>
    public static Calibration.Posterior? LoadPosterior(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value == "default")
        {
            return Calibration.Posterior.Default;
        }

        if (!File.Exists(value))
        {
            throw new UserInputException($"--posterior '{value}': no such file; give 'default' or a posterior.json written by 'sanctionssim calibrate'.");
        }

        try
        {
            if (LooksLikeScenario(value))
            {
                throw new UserInputException($"--posterior '{value}' is a scenario file, not a posterior: give the scenario as FILE (or --preset), and as --posterior 'default' or a posterior.json written by 'sanctionssim calibrate --out DIR'.");
            }

            using var stream = File.OpenRead(value);
            return new Calibration.Posterior(Calibration.AbcPopulation.ReadFrom(stream));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new UserInputException($"--posterior '{value}': {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>Whether a JSON file holds a scenario (a "factions" or "schemaVersion" field at the top), to tell a student who passed one where another file was meant.</summary>
    private static bool LooksLikeScenario(string path)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node is System.Text.Json.Nodes.JsonObject o && (o.ContainsKey("factions") || o.ContainsKey("schemaVersion"));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The scenario of a command that takes a scenario FILE or <c>--preset NAME</c> (not both; neither: the default preset).</summary>
    public static Scenario FileOrPreset(FileInfo? file, string? preset)
    {
        CheckFileOrPreset(file, preset);
        return file is not null ? ScenarioJson.ReadFile(file.FullName) : LoadScenario(preset ?? Presets.Default);
    }

    private static void CheckFileOrPreset(FileInfo? file, string? preset)
    {
        if (file is not null && preset is not null)
        {
            throw new UserInputException("Give either a scenario FILE or --preset, not both.");
        }
    }

    /// <summary>A scenario from a file path or a preset name.</summary>
    public static Scenario LoadScenario(string source)
    {
        if (File.Exists(source))
        {
            return ScenarioJson.ReadFile(source);
        }

        if (Presets.Names.Contains(source))
        {
            return Presets.Get(source);
        }

        string? guess = SanctionsSim.Internal.Suggest.Closest(source, Presets.Names);
        string hint = source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || source.Contains('/') || source.Contains('\\')
            ? "no such file"
            : guess is not null
                ? $"not a file, and not a preset; did you mean '{guess}'? ('sanctionssim presets' lists them)"
                : "not a file, and not a preset; presets: " + string.Join(", ", Presets.Names);
        throw new UserInputException($"'{source}': {hint}.");
    }

    /// <summary>Checks now, not after the batch, that <c>--out</c> is a folder that can be written.</summary>
    public static void CheckOutFolder(DirectoryInfo? folder)
    {
        if (folder is null)
        {
            return;
        }

        if (File.Exists(folder.FullName))
        {
            throw new UserInputException($"--out: '{folder.FullName}' is a file, not a folder.");
        }

        // find out now, not after the batch, whether the folder can be written: create it and a probe file (and leave no trace)
        try
        {
            string? created = Directory.Exists(folder.FullName) ? null : folder.FullName;
            Directory.CreateDirectory(folder.FullName);
            string probe = Path.Combine(folder.FullName, ".sanctionssim-write-check");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            if (created is not null)
            {
                Directory.Delete(created);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--out: cannot write to the folder '{folder.FullName}' ({e.Message}); give a folder you can write, for example --out results/run1.");
        }
    }

    /// <summary>Reads a case file named on the command line; problems are user errors (exit 2) with the file's name.</summary>
    public static CaseFile ReadCaseFile(FileInfo file)
    {
        JsonObject root = ReadCaseJson(file);
        try
        {
            return CaseFile.FromJson(root, reference => LoadScenario(Path.IsPathRooted(reference) || !File.Exists(Path.Combine(file.DirectoryName ?? ".", reference)) ? reference : Path.Combine(file.DirectoryName ?? ".", reference)));
        }
        catch (ScenarioValidationException e)
        {
            throw new UserInputException($"{file.Name}: {e.Errors.Count} problem(s):\n  " + string.Join("\n  ", e.Errors));
        }
    }

    /// <summary>A case file's JSON object; a missing file or bad JSON is a user error with the file's name.</summary>
    public static JsonObject ReadCaseJson(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UserInputException($"{file.FullName}: no such file.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(file.FullName), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new UserInputException($"{file.Name}: $: a JSON object is expected.");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{file.Name}: not valid JSON (line {e.LineNumber + 1}: {e.Message}).");
        }
    }

    /// <summary>The experiment file (if any), the scenario and the levers: a scenario FILE, a preset, the experiment file's scenario or the default preset; levers from the file and from <c>--param</c>.</summary>
    public static (Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, ExperimentFile? File) Experiment(FileInfo? scenarioFile, string? presetName, string[] param, FileInfo? experiment)
    {
        CheckFileOrPreset(scenarioFile, presetName);
        ExperimentFile? experimentFile = experiment is FileInfo e ? ExperimentFile.ReadFile(e.FullName) : null;
        Scenario scenario = scenarioFile is not null ? ScenarioJson.ReadFile(scenarioFile.FullName)
            : presetName is not null ? LoadScenario(presetName)
            : experimentFile?.Scenario is string s ? LoadScenario(s)
            : Presets.Get(Presets.Default);
        var levers = new List<ExperimentParameter>(experimentFile?.Parameters ?? []);
        foreach (string spec in param)
        {
            levers.Add(ParseLever(spec));
        }

        if (levers.Count == 0)
        {
            throw new UserInputException("No levers: give --param PATH=LOWER:UPPER (repeatable) or --experiment FILE.");
        }

        foreach (var group in levers.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new UserInputException($"The lever '{group.Key}' is given {group.Count()} times.");
        }

        return (scenario, levers, experimentFile);
    }

    /// <summary>Parses PATH=LOWER:UPPER[~log|~triangular(MODE)|~normal(MEAN,SD)], given as <c>--param</c>.</summary>
    public static ExperimentParameter ParseLever(string spec) => ParseLever(spec, "--param");

    /// <summary>Parses PATH=LOWER:UPPER[~log|~triangular(MODE)|~normal(MEAN,SD)]; errors name <paramref name="option"/>, the option it was given as.</summary>
    public static ExperimentParameter ParseLever(string spec, string option)
    {
        int eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UserInputException($"{option} '{spec}': expected PATH=LOWER:UPPER, for example regime.reprisalProbability=0.1:0.9.");
        }

        string path = spec[..eq].Trim(), rest = spec[(eq + 1)..].Trim();
        string? distribution = null;
        int tilde = rest.IndexOf('~', StringComparison.Ordinal);
        if (tilde >= 0)
        {
            distribution = rest[(tilde + 1)..].Trim();
            rest = rest[..tilde].Trim();
        }

        string[] bounds = rest.Split(':');
        if (bounds.Length != 2 || !TryNumber(bounds[0], out double lower) || !TryNumber(bounds[1], out double upper))
        {
            throw new UserInputException($"{option} '{spec}': the range '{rest}' must be LOWER:UPPER with two finite numbers.");
        }

        var lever = new ExperimentParameter { Name = path, Lower = lower, Upper = upper };
        if (distribution is not null)
        {
            string name = distribution.Split('(')[0].Trim().ToLowerInvariant();
            double[] args = distribution.Contains('(', StringComparison.Ordinal)
                ? distribution[(distribution.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')').Split(',').Select(a => TryNumber(a, out double v) ? v : double.NaN).ToArray()
                : [];
            lever = name switch
            {
                "uniform" when args.Length == 0 => lever,
                "log" or "loguniform" when args.Length == 0 => lever with { Distribution = ParameterDistribution.LogUniform },
                "triangular" when args.Length == 1 => lever with { Distribution = ParameterDistribution.Triangular, Mode = args[0] },
                "normal" when args.Length == 2 => lever with { Distribution = ParameterDistribution.TruncatedNormal, Mean = args[0], StandardDeviation = args[1] },
                _ => throw new UserInputException($"{option} '{spec}': unknown distribution '{distribution}'; use ~log, ~triangular(MODE) or ~normal(MEAN,SD)."),
            };
        }

        try
        {
            lever.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{option} '{spec}': {e.Message.Split(" (Parameter")[0]}");
        }

        return lever;
    }

    private static bool TryNumber(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The numeric columns of a sweep folder's points.csv or of a CSV file; the default inputs (a sweep's levers, or every column).</summary>
    public static (string[] Names, double[][] Columns) ReadColumns(string source, out string[] defaultInputs)
    {
        string file = Directory.Exists(source) ? Path.Combine(source, "points.csv") : source;
        if (!File.Exists(file))
        {
            throw new UserInputException(Directory.Exists(source) ? $"{source} holds no points.csv: is it a sweep folder (sweep --out)?" : $"'{source}': no such file or sweep folder.");
        }

        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            throw new UserInputException($"{file}: a header and at least one row are needed; got {lines.Length} lines.");
        }

        string[] header = lines[0].Split(',');
        var columns = header.Select(_ => new double[lines.Length - 1]).ToArray();
        var numeric = new bool[header.Length];
        Array.Fill(numeric, true);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new UserInputException($"{file}: line {i + 1} has {cells.Length} values; the header has {header.Length}.");
            }

            for (int j = 0; j < header.Length; j++)
            {
                if (double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                {
                    columns[j][i - 1] = v;
                }
                else
                {
                    numeric[j] = false;
                }
            }
        }

        var keep = Enumerable.Range(0, header.Length).Where(j => numeric[j]).ToArray();
        string[] names = keep.Select(j => header[j]).ToArray();
        bool sweep = Directory.Exists(source);
        int first = Array.IndexOf(header, "replications");
        defaultInputs = sweep && first > 1 ? header[1..first] : names.Where(n => n != "point").ToArray();
        return (names, keep.Select(j => columns[j]).ToArray());
    }
}
