using SanctionsSim.Simulation;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SanctionsSim.Tests.Consistency;

/// <summary>
/// Every public type of the packages (and of the tool, which has none) is justified in docs/api.md, the page lists no
/// type that is not public, and the count it states is the assemblies' (#28 item 6): the surface cannot grow silently.
/// </summary>
public partial class PublicSurfaceTests
{
    /// <summary>The packable projects' assemblies: the core, IO, Plotting, Orleans and the tool.</summary>
    private static readonly Assembly[] Packages =
    [
        typeof(SanctionsModel).Assembly,
        typeof(global::SanctionsSim.IO.SweepDirectory).Assembly,
        typeof(global::SanctionsSim.Plotting.Charts).Assembly,
        typeof(global::SanctionsSim.Orleans.OrleansRunner).Assembly,
        typeof(global::SanctionsSim.Cli.CliApp).Assembly,
    ];

    [Test]
    public void EveryPublicType_IsListedInDocsApi_UnderItsNamespace()
    {
        var listed = Listed();
        var exported = Exported();

        exported.Except(listed).Order(StringComparer.Ordinal).ShouldBeEmpty("public types docs/api.md does not justify: add a line saying what a user does with each and which user needs it, or make it internal");
        listed.Except(exported).Order(StringComparer.Ordinal).ShouldBeEmpty("types docs/api.md lists that are not public (or not in that namespace)");
    }

    [Test]
    public void DocsApi_StatesTheCount_OfTheAssemblies()
    {
        var match = Count().Match(Page());
        match.Success.ShouldBeTrue("docs/api.md states \"N public types\"");
        int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Exported().Count, "the count docs/api.md states");
    }

    [Test]
    public void TheTool_HasNoPublicType()
        => typeof(global::SanctionsSim.Cli.CliApp).Assembly.GetExportedTypes().ShouldBeEmpty("a .NET tool is referenced by no project: its types are internal");

    [Test]
    public void DocsApi_EveryLineSaysSomething_AndNamesItsUser()
    {
        foreach (Match m in Entry().Matches(Page()))
        {
            string why = m.Groups["why"].Value;
            why.Trim().Length.ShouldBeGreaterThan(10, $"the line of {m.Groups["type"].Value} gives no reason");
            why.ShouldContain(" User: ", Case.Sensitive, $"the line of {m.Groups["type"].Value} does not say which user needs it");
        }
    }

    /// <summary>
    /// The exported types by full name, nested ones included (as the PublicAPI files count them; a nested type cannot
    /// be listed, so it fails the test). Orleans's generated serializers and proxies of a public grain type would be
    /// exported too (namespace OrleansCodeGen), so the grain contract is internal.
    /// </summary>
    private static HashSet<string> Exported()
        => Packages.SelectMany(a => a.GetExportedTypes())
            .Select(t => t.FullName!.Split('`')[0].Replace('+', '.'))
            .ToHashSet(StringComparer.Ordinal);

    private static string Page() => File.ReadAllText(Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "api.md"));

    private static HashSet<string> Listed()
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        string? ns = null;
        foreach (string line in Page().Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                ns = null; // a layer's heading; its namespaces follow as ### headings
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                ns = line[4..].Trim();
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

    [GeneratedRegex(@"^(?<n>\d+) public types", RegexOptions.Multiline)]
    private static partial Regex Count();
}
