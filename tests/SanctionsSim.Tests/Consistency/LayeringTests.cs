using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Consistency;

/// <summary>
/// The core's namespaces depend on each other one way, down the layers of shared/design/ARCHITECTURE.md, and form no
/// cycle. Read from the compiled assembly (<see cref="NamespaceGraph"/>), not from source text. Any edge against the order, or any cycle, fails.
/// </summary>
public class LayeringTests
{
    private const string Core = "SanctionsSim";

    /// <summary>
    /// The layers, bottom up, by namespace relative to the root (a sub-namespace takes its parent's layer: every
    /// <c>Simulation.*</c> is the engine). The root namespace holds the front door (<c>ScenarioRunner</c>, the
    /// container registration), which runs scenarios and comparisons: it sits on top, and nothing in the core uses it.
    /// </summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        // vector primitives (#28 item 6): below everything, they use nothing of the core
        ["Intrinsics"] = 0,

        // base
        ["Internal"] = 1, ["Validation"] = 1, ["MonteCarlo"] = 1, ["Networks"] = 1, ["Cascades"] = 1,

        // inputs
        ["Model"] = 2, ["Policy"] = 2, ["Scenarios"] = 2,

        // engine
        ["Simulation"] = 3,

        // analyses
        ["Experiments"] = 4, ["Analysis"] = 4, ["Calibration"] = 4, ["Design"] = 4, ["RareEvents"] = 4, ["Scorecard"] = 4,

        // front door
        [""] = 5,
    };

    /// <summary>
    /// The engine's sub-layers, bottom up: the draw keys; the plan compiled from a scenario; the decision rule (its
    /// week terms and coefficients, read from the plan); the actors, whose state the rule reads and who make the week's
    /// terms (<c>ActorTerms</c>); the kernels that sweep the officer corps, and the trace that records the actors; then
    /// <c>Simulation</c> itself (the replication, the model, the summaries and the kernel choice). Every
    /// <c>Simulation.*</c> namespace must be listed here by name.
    /// </summary>
    private static readonly Dictionary<string, int> EngineLayers = new(StringComparer.Ordinal)
    {
        ["Simulation.Draws"] = 0,
        ["Simulation.Plan"] = 1,
        ["Simulation.Decision"] = 2,
        ["Simulation.Actors"] = 3,
        ["Simulation.Kernels"] = 4, ["Simulation.Trace"] = 4,
        ["Simulation"] = 5,
    };

    /// <summary>
    /// Edges against the order or closing a cycle, each named with the use that makes it. Empty since issue #28 item 1
    /// (the last two: <c>ScenarioRunner</c> moved to the top layer with the root namespace, and <c>Sweep</c> takes an
    /// <c>Experiments.IStructuralDraws</c> that <c>Calibration.Posterior</c> implements). Never add one without an
    /// issue that says how it will go; an entry whose edge is gone fails.
    /// </summary>
    private static readonly (string From, string To, string Why)[] Allowed = [];

    [Test]
    public void EveryNamespaceOfTheCore_HasALayer()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        graph.Namespaces.Where(ns => LayerOf(Core, ns, Layers) is null).ShouldBeEmpty("place every new namespace in Layers");
    }

    [Test]
    public void NoEdgeRunsAgainstTheLayers_ButTheAllowedOnes()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        Against(graph, Core, Layers, Allowed).ShouldBeEmpty();
    }

    /// <summary>The vector primitives depend on no other namespace of the core (the bottom layer has nothing to share it with).</summary>
    [Test]
    public void TheIntrinsics_DependOnNothingElseInTheCore()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        graph.Namespaces.ShouldContain(Core + ".Intrinsics");
        graph.Edges.Where(e => e.Key.From == Core + ".Intrinsics")
            .Select(e => $"Intrinsics -> {Relative(Core, e.Key.To)} ({e.Value})")
            .ShouldBeEmpty();
    }

    [Test]
    public void EveryNamespaceOfTheEngine_HasASubLayer()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        graph.Namespaces.Select(ns => Relative(Core, ns))
            .Where(ns => (ns == "Simulation" || ns.StartsWith("Simulation.", StringComparison.Ordinal)) && !EngineLayers.ContainsKey(ns))
            .ShouldBeEmpty("place every new Simulation.* namespace in EngineLayers");
    }

    [Test]
    public void NoEdgeRunsAgainstTheEngineSubLayers()
    {
        // edges with an end outside the engine have no sub-layer there and are left to the layers above
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        Against(graph, Core, EngineLayers, []).ShouldBeEmpty();
    }

    [Test]
    public void NoCycleBetweenNamespaces_OnceTheAllowedEdgesAreSet_Aside()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        CyclesWithout(graph, Core, Allowed).ShouldBeEmpty();
    }

    [Test]
    public void EveryAllowedEdge_StillExists()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        Allowed.Where(a => !graph.Edges.ContainsKey((Qualify(Core, a.From), Qualify(Core, a.To))))
            .Select(a => $"{a.From} -> {a.To}: gone, remove it from Allowed")
            .ShouldBeEmpty();
    }

    /// <summary>docs/architecture.md's table of the namespace graph is the graph as built.</summary>
    [Test]
    public void ArchitectureDoc_TableIsTheGraphAsBuilt()
    {
        var graph = NamespaceGraph.Read(typeof(SanctionsModel).Assembly.Location, Core);
        string doc = File.ReadAllText(Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "architecture.md"));
        var documented = new SortedSet<string>(StringComparer.Ordinal);
        bool inTable = false;
        foreach (string line in doc.Split('\n'))
        {
            if (line.StartsWith("| namespace | depends on |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                break;
            }

            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            string from = cells[1].Trim('`') is "root" ? "" : cells[1].Trim('`');
            foreach (string to in cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('*')))
            {
                if (!to.StartsWith("nothing", StringComparison.Ordinal))
                {
                    documented.Add($"{from} -> {(to == "root" ? "" : to)}");
                }
            }
        }

        var built = new SortedSet<string>(graph.Edges.Keys.Select(e => $"{Relative(Core, e.From)} -> {Relative(Core, e.To)}"), StringComparer.Ordinal);
        documented.ShouldBe(built, "docs/architecture.md, Namespaces and layers: update the table to the graph as built");
    }

    /// <summary>The fixture (namespaces under LayeringFixture, in this test assembly) has one edge against the order, hidden behind a fully qualified name inside a method body, and the cycle it closes: the checks must find both, and nothing else.</summary>
    [Test]
    public void Fixture_AnEdgeAgainstTheOrder_AndItsCycle_AreCaught()
    {
        const string root = "SanctionsSim.Tests.Consistency.LayeringFixture";
        var layers = new Dictionary<string, int>(StringComparer.Ordinal) { ["MonteCarlo"] = 0, ["Model"] = 1, ["Simulation"] = 2 };
        var graph = NamespaceGraph.Read(typeof(LayeringTests).Assembly.Location, root);

        graph.Namespaces.Count.ShouldBe(3);
        var against = Against(graph, root, layers, []);
        against.Count.ShouldBe(1, string.Join("\n", against));
        against[0].ShouldStartWith("MonteCarlo -> Simulation");
        CyclesWithout(graph, root, []).ShouldBe(["Model MonteCarlo Simulation"]);

        // allowing that edge (as the core's list does) leaves nothing, and an allowed edge that is not there is noticed
        (string, string, string)[] allowed = [("MonteCarlo", "Simulation", "the fixture's edge")];
        Against(graph, root, layers, allowed).ShouldBeEmpty();
        CyclesWithout(graph, root, allowed).ShouldBeEmpty();

        // the edges down the layers are read too (a property's type, a signature), and are not flagged
        graph.Edges.ContainsKey((root + ".Model", root + ".MonteCarlo")).ShouldBeTrue();
        graph.Edges.ContainsKey((root + ".Simulation", root + ".Model")).ShouldBeTrue();
    }

    private static List<string> Against(NamespaceGraph graph, string root, Dictionary<string, int> layers, (string From, string To, string Why)[] allowed)
        => [.. graph.Edges
            .Where(e => LayerOf(root, e.Key.From, layers) < LayerOf(root, e.Key.To, layers))
            .Where(e => !allowed.Any(a => Qualify(root, a.From) == e.Key.From && Qualify(root, a.To) == e.Key.To))
            .Select(e => $"{Relative(root, e.Key.From)} -> {Relative(root, e.Key.To)} ({e.Value})")
            .Order(StringComparer.Ordinal)];

    private static List<string> CyclesWithout(NamespaceGraph graph, string root, (string From, string To, string Why)[] allowed)
    {
        var kept = graph.Edges.Keys.Where(e => !allowed.Any(a => Qualify(root, a.From) == e.From && Qualify(root, a.To) == e.To));
        return [.. graph.Cycles(kept).Select(c => string.Join(" ", c.Select(ns => Relative(root, ns))))];
    }

    private static int? LayerOf(string root, string ns, Dictionary<string, int> layers)
    {
        for (string name = Relative(root, ns); ; name = name[..name.LastIndexOf('.')])
        {
            if (layers.TryGetValue(name, out int layer))
            {
                return layer;
            }

            if (!name.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    private static string Relative(string root, string ns) => ns == root ? string.Empty : ns[(root.Length + 1)..];

    private static string Qualify(string root, string relative) => relative.Length == 0 ? root : root + "." + relative;
}
