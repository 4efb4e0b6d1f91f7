using System.Text.Json;
using System.Text.Json.Nodes;

namespace SanctionsSim.IO.Pages;

/// <summary>
/// The JSON of the case-base pages (cases, scorecard, misfit, constants) and of <c>init --full</c>: indented, with
/// System.Text.Json's default escaping, as these outputs have always been written (results use
/// <see cref="Results.SummaryJson.ToText"/>, which leaves non-ASCII letters unescaped). Moved from the command line (#28 item 3).
/// </summary>
internal static class PageJson
{
    /// <summary>The options: indented, default escaping.</summary>
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true };

    /// <summary>The JSON, indented, without a final newline (standard output adds its own).</summary>
    /// <param name="node">The JSON.</param>
    /// <returns>The text.</returns>
    public static string Text(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Writes a page's JSON file atomically, ending with a newline.</summary>
    /// <param name="path">The file.</param>
    /// <param name="node">The JSON.</param>
    public static void Write(string path, JsonNode node) => AtomicFile.WriteAllText(path, Text(node) + "\n");
}
