using System.Reflection;

namespace SanctionsSim.Tests.Consistency;

/// <summary>API rules enforced by reflection (shared/design/STYLE.md, rules 8–9).</summary>
public class ApiConsistencyTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(SanctionsSim.Simulation.SanctionsModel).Assembly,
        typeof(SanctionsSim.IO.SweepDirectory).Assembly,
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

    [Test]
    public void Outputs_AreImmutableToCallers()
    {
        // summaries and the estimators they expose: no public mutator (merging returns a new summary: Combine)
        Type[] outputs =
        [
            typeof(SanctionsSim.Simulation.SanctionsSummary), typeof(SanctionsSim.Cascades.CascadeSummary), typeof(SanctionsSim.Analysis.ComparisonSummary),
            typeof(SanctionsSim.MonteCarlo.RunningMoments), typeof(SanctionsSim.MonteCarlo.Histogram), typeof(SanctionsSim.Simulation.RunResult),
            typeof(SanctionsSim.Simulation.FactionSummary),
        ];
        var mutators = outputs
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (t, m)))
            .Where(x => !x.m.IsSpecialName && x.m.ReturnType == typeof(void) && x.m.Name != "WriteTo")
            .Select(x => $"{x.t.Name}.{x.m.Name}")
            .ToArray();
        mutators.ShouldBeEmpty();
        var setters = outputs
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .ToArray();
        setters.ShouldBeEmpty();
    }

    [Test]
    public void CoreLibrary_HasNoFileFormatDependency()
        => typeof(SanctionsSim.Simulation.SanctionsModel).Assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("Parquet.Net");

    [Test]
    public void EverySourceFile_HoldsAtMostOnePublicType()
    {
        var declaration = new System.Text.RegularExpressions.Regex(@"^public (?:sealed |static |abstract |readonly |partial )*(?:record struct|record|class|struct|interface|enum) ", System.Text.RegularExpressions.RegexOptions.Multiline);
        string src = Path.Combine(SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot(), "src");
        var crowded = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => declaration.Count(File.ReadAllText(f)) > 1)
            .Select(f => Path.GetRelativePath(src, f))
            .ToArray();
        crowded.ShouldBeEmpty();
    }

    [Test]
    public void ModelNamespace_DoesNotImportScenarios()
    {
        // Scenarios (JSON, presets) builds on Model; Model must not depend back on it
        string model = Path.Combine(SanctionsSim.Tests.Simulation.VenezuelaPresetTests.RepositoryRoot(), "src", "SanctionsSim", "Model");
        Directory.EnumerateFiles(model, "*.cs").Where(f => File.ReadAllText(f).Contains("SanctionsSim.Scenarios", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
