using SanctionsSim.Simulation;
using System.Text.RegularExpressions;

namespace SanctionsSim.Tests.Consistency;

/// <summary>Every public type of the package is justified in docs/api.md, and the page lists no type that is not public (#28 item 6).</summary>
public partial class PublicSurfaceTests
{
    [Test]
    public void EveryPublicType_IsListedInDocsApi_UnderItsNamespace()
    {
        var listed = Listed();
        var exported = typeof(SanctionsModel).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => $"{t.Namespace}.{t.Name.Split('`')[0]}")
            .ToHashSet(StringComparer.Ordinal);

        exported.Except(listed).Order(StringComparer.Ordinal).ShouldBeEmpty("public types docs/api.md does not justify: add a line saying what a user does with each, or make it internal");
        listed.Except(exported).Order(StringComparer.Ordinal).ShouldBeEmpty("types docs/api.md lists that are not public (or not in that namespace)");
    }

    [Test]
    public void DocsApi_EveryLineSaysSomething()
    {
        string page = File.ReadAllText(Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "api.md"));
        foreach (Match m in Entry().Matches(page))
        {
            m.Groups["why"].Value.Trim().Length.ShouldBeGreaterThan(10, $"the line of {m.Groups["type"].Value} gives no reason");
        }
    }

    private static HashSet<string> Listed()
    {
        string page = File.ReadAllText(Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "api.md"));
        var listed = new HashSet<string>(StringComparer.Ordinal);
        string? ns = null;
        foreach (string line in page.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                ns = line[3..].Trim();
            }
            else if (ns is not null && Entry().Match(line) is { Success: true } m)
            {
                listed.Add($"{ns}.{m.Groups["type"].Value}").ShouldBeTrue($"{ns}.{m.Groups["type"].Value} is listed twice");
            }
        }

        return listed;
    }

    [GeneratedRegex(@"^- `(?<type>[A-Za-z0-9_]+)`: (?<why>.*)$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
