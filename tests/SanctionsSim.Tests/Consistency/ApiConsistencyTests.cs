using System.Reflection;

namespace SanctionsSim.Tests.Consistency;

/// <summary>API rules enforced by reflection (shared/design/STYLE.md, rules 8–9).</summary>
public class ApiConsistencyTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(SanctionsSim.Simulation.SanctionsModel).Assembly,
        typeof(SanctionsSim.Plotting.Charts).Assembly,
        typeof(SanctionsSim.Cli.CliApp).Assembly,
    ];

    private static IEnumerable<Type> PublicTypes() => Assemblies.SelectMany(a => a.GetExportedTypes());

    [Test]
    public void EveryPublicClass_IsSealedStaticOrAbstract()
    {
        var open = PublicTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)).Select(t => t.FullName).ToArray();
        open.ShouldBeEmpty();
    }

    [Test]
    public void NoInternalNamespace_IsPublic()
        => PublicTypes().Where(t => t.Namespace?.Contains(".Internal", StringComparison.Ordinal) == true).ShouldBeEmpty();

    [Test]
    public void PublicRecords_HaveNoPositionalConstructors()
    {
        // records in the public API use init properties, so adding a field never breaks callers
        var positional = PublicTypes()
            .Where(t => t.GetMethod("<Clone>$") is not null)
            .Where(t => t.GetMethod("Deconstruct") is not null)
            .Select(t => t.FullName)
            .ToArray();
        positional.Where(n => n is not null && !n.EndsWith("Progress", StringComparison.Ordinal) && !n.EndsWith("SurvivalPoint", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Test]
    public void TheLibrary_ReadsNoClockAndNoGlobalRandom()
    {
        // the banned-API analyzer enforces this at build time; this test guards the analyzer's configuration
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        string banned = File.ReadAllText(Path.Combine(root, "src", "SanctionsSim", "BannedSymbols.txt"));
        banned.ShouldContain("P:System.Random.Shared");
        banned.ShouldContain("M:System.Random.#ctor");
        banned.ShouldContain("P:System.DateTime.Now");
    }
}
