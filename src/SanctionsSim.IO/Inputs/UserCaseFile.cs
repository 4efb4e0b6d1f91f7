using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Model;

namespace SanctionsSim.IO.Inputs;

/// <summary>
/// A user's own historical case for <c>calibrate --case-file</c>: the case-file format of the case base
/// (<see cref="Scenarios.Cases.CaseFile"/>), with the scenario inline, a preset's name or a file path relative to the
/// case file. docs/calibration.md, §Your own case.
/// </summary>
internal static class UserCaseFile
{
    public static HistoricalCase Read(string path) => ReadWithJson(path).Case;

    /// <summary>Reads a case file; also returns it self-contained (the scenario inlined), as a calibration plan stores it.</summary>
    public static (HistoricalCase Case, JsonObject Json) ReadWithJson(string path)
    {
        var file = InputFiles.ReadCaseFile(new FileInfo(path));
        var c = Checked(file, path);
        var json = JsonNode.Parse(file.ToJson())!.AsObject();
        return (c, json);
    }

    /// <summary>A case from its JSON; <paramref name="path"/> names it in errors and anchors a relative scenario path.</summary>
    public static HistoricalCase FromJson(JsonObject root, string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        try
        {
            var file = Scenarios.Cases.CaseFile.FromJson(root, reference => InputFiles.LoadScenario(File.Exists(Path.Combine(folder, reference)) ? Path.Combine(folder, reference) : reference));
            return Checked(file, path);
        }
        catch (ScenarioValidationException e)
        {
            throw new UserInputException($"{path}: {e.Errors.Count} problem(s):\n  " + string.Join("\n  ", e.Errors));
        }
    }

    private static HistoricalCase Checked(Scenarios.Cases.CaseFile file, string path)
    {
        try
        {
            return new HistoricalCase(file);
        }
        catch (ArgumentException e)
        {
            // "case 'x': observation.collapseWeek is 9; …": point at the file and the JSON path
            throw new UserInputException($"{path}: $.{e.Message.Split(" (Parameter")[0].Replace($"case '{file.Name}': ", "", StringComparison.Ordinal)}");
        }
    }
}
