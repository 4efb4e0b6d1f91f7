using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Experiments;

public class ExperimentFileTests
{
    [Test]
    public void Read_ParsesLeversDesignAndSettings()
    {
        var file = ExperimentFile.Read("""
            {
              // comments and trailing commas are fine
              "scenario": "venezuela-2019",
              "parameters": [
                { "path": "regime.reprisalProbability", "lower": 0.1, "upper": 0.9 },
                { "path": "regime.reservesAbroad", "lower": 1, "upper": 16, "distribution": "logUniform" },
              ],
              "design": { "kind": "sobol", "points": 32 },
              "replicationsPerPoint": 20,
              "seed": 7,
            }
            """);
        file.Scenario.ShouldBe("venezuela-2019");
        file.Parameters.Count.ShouldBe(2);
        file.Parameters[1].Distribution.ShouldBe(ParameterDistribution.LogUniform);
        file.DesignKind.ShouldBe("sobol");
        file.DesignPoints.ShouldBe(32);
        file.ReplicationsPerPoint.ShouldBe(20);
        file.Seed.ShouldBe(7UL);
    }

    [Test]
    public void Read_ReportsEveryProblemWithItsJsonPath()
    {
        var e = Should.Throw<ScenarioValidationException>(() => ExperimentFile.Read("""
            {
              "parameters": [
                { "path": "regime.reprisalProbability", "lower": 0.9, "upper": 0.1 },
                { "path": "regime.reservesAbroad", "lower": 1, "upper": "lots" },
                { "path": "x", "lower": 0, "upper": 1, "distribution": "gaussian" },
                { "path": "y", "lower": 0, "uper": 1 }
              ],
              "design": { "kind": "grid" },
              "seed": -1,
              "replications": 5
            }
            """));
        string[] paths = e.Errors.Select(x => x.Path).ToArray();
        paths.ShouldContain("$.parameters[0].upper");
        paths.ShouldContain("$.parameters[1].upper");
        paths.ShouldContain("$.parameters[2].distribution");
        paths.ShouldContain("$.parameters[3].uper");
        paths.ShouldContain("$.parameters[3].upper");
        paths.ShouldContain("$.design.kind");
        paths.ShouldContain("$.seed");
        paths.ShouldContain("$.replications");
        e.Errors.Single(x => x.Path == "$.parameters[3].uper").Message.ShouldContain("did you mean 'upper'");
        e.Errors.Single(x => x.Path == "$.parameters[1].upper").Value.ShouldBe("\"lots\"");
    }

    [Test]
    public void Read_MalformedJson_IsOneClearError()
        => Should.Throw<ScenarioValidationException>(() => ExperimentFile.Read("{ \"parameters\": [ ")).Errors.Single().Message.ShouldContain("malformed JSON");
}

public class ExampleExperimentTests
{
    [Test]
    public void TheVenezuelaLeversFile_OfTheDocs_ReadsAndFitsThePreset()
    {
        string path = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "examples", "venezuela-levers.json");
        var file = ExperimentFile.ReadFile(path);
        file.Scenario.ShouldBe("venezuela-2019-amnesty");
        file.Parameters.Count.ShouldBe(10);
        var sweep = new Sweep(Presets.Get(file.Scenario!), file.Parameters, new SaltelliDesign(4, 10));
        sweep.Template.JsonPaths.ShouldContain("$.coalition[0].instruments[6].credibility");
        sweep.Template.JsonPaths.ShouldContain("$.patrons[0].oilPurchaseShare"); // an agent's field, by the patron's name
        sweep.Template.JsonPaths.ShouldContain("$.regime.coupProofing.maxArrestsPerWeek");
    }
}
