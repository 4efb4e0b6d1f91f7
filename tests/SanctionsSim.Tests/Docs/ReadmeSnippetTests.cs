using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Docs;

/// <summary>The code blocks of README.md and docs/, compiled and run. Keep them in sync with the text.</summary>
public class ReadmeSnippetTests
{
    [Test]
    public void QuickStart_RunsAndPrintsAnEstimateNearThePrediction()
    {
        using var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            #region readme-quick-start
            var model = new WattsModel { NodeCount = 10_000, MeanDegree = 4, Threshold = 0.18 };
            var result = model.Simulate(new MonteCarloOptions { Replications = 1000, Seed = 42 });
            var frequency = result.Summary.GlobalCascadeFrequency;           // a ProportionEstimate
            Console.WriteLine($"P(global cascade) = {frequency.Estimate:F3}, 95% CI {frequency.Wilson(0.95)}");
            Console.WriteLine($"predicted           {model.Predict().GlobalCascadeProbability:F3}");
            #endregion

            frequency.Estimate.ShouldBe(model.Predict().GlobalCascadeProbability, (4 * frequency.StandardError) + 0.04);
        }
        finally
        {
            Console.SetOut(original);
        }

        output.ToString().ShouldContain("P(global cascade) = ");
    }

    [Test]
    public void SanctionsQuickStart_Runs()
    {
        using var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            #region readme-sanctions
            var runner = new ScenarioRunner(new() { Replications = 500, Seed = 2019 }); // each run draws its structure from the shipped posterior
            var summary = runner.Run(Presets.Get("venezuela-2019")).Summary;
            Console.WriteLine($"P(collapse within a year) = {summary.CollapseProbability.Estimate:F3}, 95% CI {summary.CollapseProbability.Wilson()}");
            Console.WriteLine($"generals defecting in January–March: {summary.EarlyGeneralDefections.Mean:F2} ± {summary.EarlyGeneralDefections.StandardError:F2}");
            #endregion

            summary.Replications.ShouldBe(500);
        }
        finally
        {
            Console.SetOut(original);
        }

        output.ToString().ShouldContain("P(collapse within a year) = ");
    }

    [TestCase("readme-quick-start")]
    [TestCase("readme-sanctions")]
    public void Readme_ContainsTheSnippetVerbatim(string region)
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        string test = File.ReadAllText(Path.Combine(root, "tests", "SanctionsSim.Tests", "Docs", "ReadmeSnippetTests.cs"));
        int start = test.IndexOf("#region " + region, StringComparison.Ordinal);
        int end = test.IndexOf("#endregion", start, StringComparison.Ordinal);
        var lines = test[start..end].Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0);
        foreach (string line in lines)
        {
            readme.ShouldContain(line);
        }
    }
}

/// <summary>Code blocks in docs/ are copies of samples that CI runs: check each line appears in its sample.</summary>
public class DocsSnippetTests
{
    [TestCase("getting-started.md", "quick-start.cs")]
    [TestCase("analysis.md", "levers.cs")]
    [TestCase("extending.md", "custom-instrument.cs")]
    [TestCase("model.md", "adaptive-agents.cs")]
    [TestCase("calibration.md", "calibration.cs")]
    [TestCase("policy-design.md", "policy-design.cs")]
    [TestCase("rare-events.md", "rare-events.cs")]
    public void DocCodeBlocks_AreTakenFromSamples(string doc, string sample)
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        string text = File.ReadAllText(Path.Combine(root, "docs", doc));
        string code = File.ReadAllText(Path.Combine(root, "samples", sample));
        int blocks = 0;
        int at = 0;
        while ((at = text.IndexOf("```csharp", at, StringComparison.Ordinal)) >= 0)
        {
            int end = text.IndexOf("```", at + 9, StringComparison.Ordinal);
            foreach (string line in text[(at + 9)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                code.ShouldContain(line, customMessage: $"{doc}: a line is not in samples/{sample}");
            }

            blocks++;
            at = end + 3;
        }

        blocks.ShouldBeGreaterThan(0);
    }
}
