using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Explorer.Levers;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Explorer.Packages;

/// <summary>
/// What a request is about: the scenario the page loaded (a preset by name, or the text of an uploaded file), the
/// levers as the page set them, and the baseline the package is compared with. The server keeps nothing between
/// requests: every request carries its package, and every part of it is checked here.
/// </summary>
internal sealed class Package
{
    /// <summary>The fields of a request that describe a package.</summary>
    public static readonly string[] Fields = ["preset", "scenario", "levers", "baseline"];

    private Package(Scenario scenario, Scenario baseline, int moved)
    {
        Scenario = scenario;
        Baseline = baseline;
        Moved = moved;
    }

    /// <summary>The scenario with the levers as set: "your package".</summary>
    public Scenario Scenario { get; }

    /// <summary>The reference arm: the scenario as loaded, or another preset.</summary>
    public Scenario Baseline { get; }

    /// <summary>The comparison's arms: the baseline, then the package (renamed when it has the baseline's name: the page and the report tell the arms apart by name).</summary>
    public IReadOnlyList<Scenario> Arms => Scenario.Name == Baseline.Name ? [Baseline, Scenario with { Name = Scenario.Name + " (no lever moved)" }] : [Baseline, Scenario];

    /// <summary>How many levers differ from the loaded scenario.</summary>
    public int Moved { get; }

    /// <summary>The scenario a request names (its <c>preset</c> or <c>scenario</c> field), checked.</summary>
    public static Scenario LoadScenario(RequestBody body)
    {
        string? preset = body.String("preset");
        string? text = body.String("scenario");
        if ((preset is null) == (text is null))
        {
            throw new InputException("Give either 'preset' (a preset's name) or 'scenario' (the text of a scenario file), not both and not neither.");
        }

        return preset is not null ? Preset(preset, "preset") : FromText(text!);
    }

    /// <summary>The package a request describes, checked.</summary>
    public static Package Read(RequestBody body)
    {
        Scenario loaded = LoadScenario(body);
        var (scenario, moved) = Apply(loaded, LeverCatalog.For(loaded), body.Object("levers"));
        Scenario baseline = body.String("baseline") is string name ? Preset(name, "baseline") : loaded;
        if (baseline.Weeks != scenario.Weeks)
        {
            throw new InputException($"'baseline': the preset '{baseline.Name}' runs {baseline.Weeks} weeks and your scenario {scenario.Weeks}; a comparison needs the same horizon, so pick a baseline of {scenario.Weeks} weeks.");
        }

        return new Package(scenario, baseline, moved);
    }

    /// <summary>A preset by name; an unknown name is told the closest one.</summary>
    public static Scenario Preset(string name, string field)
    {
        if (Presets.Names.Contains(name))
        {
            return Presets.Get(name);
        }

        string? guess = Internal.Suggest.Closest(name, Presets.Names);
        throw new InputException($"'{field}': there is no preset '{name}'" + (guess is null ? "." : $"; did you mean '{guess}'?") + " The presets are listed in the page's menu (and by 'sanctionssim presets').");
    }

    /// <summary>A scenario from the text of an uploaded file, with every problem the validator finds (JSON path, value, rule).</summary>
    public static Scenario FromText(string text)
    {
        var errors = ScenarioJson.ReadErrors(Encoding.UTF8.GetBytes(text), out Scenario? scenario);
        if (errors.Count > 0)
        {
            throw new InputException("The scenario file is not valid: " + string.Join(" ", errors.Take(20).Select(e => e.ToString())) + (errors.Count > 20 ? $" (and {errors.Count - 20} more)" : ""));
        }

        return scenario!;
    }

    /// <summary>The scenario with the levers set; each value is checked against its lever's kind and range, then the whole scenario against the validator.</summary>
    public static (Scenario Scenario, int Moved) Apply(Scenario loaded, IReadOnlyList<Lever> levers, JsonObject values)
    {
        if (values.Count == 0)
        {
            return (loaded, 0);
        }

        var byId = new Dictionary<string, Lever>(StringComparer.Ordinal);
        foreach (Lever lever in levers)
        {
            byId[lever.JsonPath] = lever;
            byId.TryAdd(lever.Path, lever);
        }

        JsonObject root = JsonNode.Parse(ScenarioJson.Write(loaded))!.AsObject();
        int moved = 0;
        foreach (var (id, node) in values)
        {
            if (!byId.TryGetValue(id, out Lever? lever))
            {
                throw new InputException($"'levers': '{id}' is not a lever of the scenario '{loaded.Name}'; its levers are the ones the page lists ({levers.Count} of them).");
            }

            JsonValue value = Check(lever, node);
            if (!JsonNode.DeepEquals(value, lever.Value))
            {
                moved++;
            }

            Set(root, lever.JsonPath, value);
        }

        if (moved == 0)
        {
            return (loaded, 0);
        }

        // a file of its own name, never mistaken for the preset or file it came from
        root["name"] = loaded.Name + "-explored";

        var errors = ScenarioJson.ReadErrors(Encoding.UTF8.GetBytes(root.ToJsonString()), out Scenario? scenario);
        if (errors.Count > 0)
        {
            throw new InputException("These lever settings make an invalid scenario: " + string.Join(" ", errors.Select(e => e.ToString())));
        }

        return (scenario!, moved);
    }

    private static JsonValue Check(Lever lever, JsonNode? node)
    {
        string where = $"'levers': {lever.Path}";
        if (lever.Kind == LeverKind.Switch)
        {
            return node is JsonValue v && v.TryGetValue(out bool b)
                ? JsonValue.Create(b)
                : throw new InputException($"{where} is a switch: it must be true or false; got {node?.ToJsonString() ?? "null"}.");
        }

        if (node is not JsonValue number || !number.TryGetValue(out double x) || !double.IsFinite(x))
        {
            throw new InputException($"{where} must be a number in [{RequestBody.Text(lever.Min)}, {RequestBody.Text(lever.Max)}]; got {node?.ToJsonString() ?? "null"}.");
        }

        if (lever.Kind == LeverKind.Whole && Math.Floor(x) != x)
        {
            throw new InputException($"{where} must be a whole number; got {RequestBody.Text(x)}.");
        }

        if (!(x >= lever.Min && x <= lever.Max))
        {
            string file = lever.Allowed.Length > 0 ? $" (a scenario file allows {lever.Allowed}: edit the file for values beyond the page's range)" : "";
            throw new InputException($"{where} must be in [{RequestBody.Text(lever.Min)}, {RequestBody.Text(lever.Max)}]; got {RequestBody.Text(x)}{file}.");
        }

        return lever.Kind == LeverKind.Whole ? JsonValue.Create((long)x) : JsonValue.Create(x);
    }

    /// <summary>Sets the field at a canonical path such as <c>$.coalition[0].instruments[6].credibility</c>.</summary>
    private static void Set(JsonObject root, string path, JsonValue value)
    {
        JsonNode node = root;
        string[] steps = path[2..].Split('.');
        for (int s = 0; s < steps.Length - 1; s++)
        {
            node = Step(node, steps[s]);
        }

        node.AsObject()[steps[^1]] = value;
    }

    private static JsonNode Step(JsonNode node, string step)
    {
        int bracket = step.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            // an object the written scenario leaves out (its defaults) is created to hold the lever's field
            return node[step] ??= new JsonObject();
        }

        int index = int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture);
        return node[step[..bracket]]![index]!;
    }
}
