using System.Text.Json.Nodes;

namespace SanctionsSim.Explorer.Levers;

/// <summary>What kind of control a lever is.</summary>
internal enum LeverKind
{
    /// <summary>A number on a slider.</summary>
    Number,

    /// <summary>A whole number on a slider (weeks, counts).</summary>
    Whole,

    /// <summary>A switch (true or false).</summary>
    Switch,
}

/// <summary>
/// One lever of a scenario as the page shows it: a field of the scenario file, its meaning (the scenario
/// reference, itself the XML documentation of the field), the range the file allows and the range the slider offers.
/// </summary>
/// <param name="JsonPath">The field's canonical JSON path, for example <c>$.coalition[0].instruments[6].credibility</c>.</param>
/// <param name="Path">The same field as a lever of <c>sweep --param</c>, for example <c>coalition.us.amnesty.credibility</c>.</param>
/// <param name="Group">The heading it is shown under, for example "US: amnesty".</param>
/// <param name="Label">The field's short name, for example "credibility".</param>
/// <param name="Meaning">What the field means (from docs/scenario-reference.md).</param>
/// <param name="Allowed">The range a scenario file allows, as the reference states it.</param>
/// <param name="Kind">Slider, whole-number slider or switch.</param>
/// <param name="Min">The slider's lower end (0 for a switch).</param>
/// <param name="Max">The slider's upper end (1 for a switch).</param>
/// <param name="Step">The slider's step.</param>
/// <param name="Value">The value in the scenario as loaded.</param>
internal sealed record Lever(string JsonPath, string Path, string Group, string Label, string Meaning, string Allowed, LeverKind Kind, double Min, double Max, double Step, JsonValue Value)
{
    /// <summary>The lever as the page reads it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = JsonPath,
        ["path"] = Path,
        ["group"] = Group,
        ["label"] = Label,
        ["meaning"] = Meaning,
        ["allowed"] = Allowed,
        ["kind"] = Kind switch { LeverKind.Switch => "switch", LeverKind.Whole => "whole", _ => "number" },
        ["min"] = Min,
        ["max"] = Max,
        ["step"] = Step,
        ["value"] = Value.DeepClone(),
    };
}
