// Fixture of LayeringTests.Fixture_AnEdgeAgainstTheOrder_AndItsCycle_AreCaught: three namespaces in layer order
// MonteCarlo (0) < Model (1) < Simulation (2). Simulation -> Model -> MonteCarlo run down the layers; the one edge
// against them, MonteCarlo -> Simulation, is a fully qualified call inside a method body (no using line shows it).
#pragma warning disable SA1403, SA1649, CA1812, CA1822, IDE0130 // several small namespaces in one file, on purpose

namespace SanctionsSim.Tests.Consistency.LayeringFixture.MonteCarlo
{
    internal sealed class Stream
    {
        public int Next() => SanctionsSim.Tests.Consistency.LayeringFixture.Simulation.Engine.Week();
    }
}

namespace SanctionsSim.Tests.Consistency.LayeringFixture.Model
{
    internal sealed class Scenario
    {
        public LayeringFixture.MonteCarlo.Stream? Random { get; init; }
    }
}

namespace SanctionsSim.Tests.Consistency.LayeringFixture.Simulation
{
    internal static class Engine
    {
        public static int Week() => 1;

        public static int Run(LayeringFixture.Model.Scenario scenario) => scenario.Random is null ? 0 : 1;
    }
}
