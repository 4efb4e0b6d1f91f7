using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary>The command line calls the library's options validation (one place) and names each option by its flag (#28 item 3).</summary>
public class OptionValidationTests : CliFolderTest
{
    [Test]
    public async Task ADesignPointsBatch_IsValidatedByTheLibrarysSweepOptions()
    {
        var sweep = await Run("sweep", "--param", "regime.reprisalProbability=0.1:0.9", "--points", "2", "--runs", "20000000");
        sweep.Code.ShouldBe(CliApp.BadInput);
        sweep.Error.ShouldContain("--runs (MonteCarlo.Replications) must be in [1, 10000000]; got 20000000.");

        var tipping = await Run("tipping", "--param", "regime.reprisalProbability=0.1:0.9", "--runs", "5", "--confidence", "1");
        tipping.Code.ShouldBe(CliApp.BadInput);
        tipping.Error.ShouldContain("--confidence (MonteCarlo.Confidence) must be in (0, 1); got 1.");
    }

    [Test]
    public async Task AClusterRun_IsValidatedByTheLibrarysRunnerOptions_BeforeAnyConnection()
    {
        var cluster = await Run("cluster", "run", "--runs", "10", "--shards", "0", "--threads-per-shard", "0");
        cluster.Code.ShouldBe(CliApp.BadInput);
        cluster.Error.ShouldContain("--shards must be in [1, 100000]; got 0.");
        cluster.Error.ShouldContain("--threads-per-shard must be -1 (all cores) or in [1, 1024]; got 0.");
    }

    [Test]
    public async Task ATippingScansOwnOptions_AreValidatedByTheLibrarysTippingOptions()
    {
        var tipping = await Run("tipping", "--param", "regime.reprisalProbability=0.1:0.9", "--runs", "5", "--points", "2", "--level", "1", "--bootstrap", "-1");
        tipping.Code.ShouldBe(CliApp.BadInput);
        tipping.Error.ShouldContain("Invalid tipping-scan options (3 problems):");
        tipping.Error.ShouldContain("--points must be in [3, 10001]; got 2.");
        tipping.Error.ShouldContain("--level must be in (0, 1); got 1.");
        tipping.Error.ShouldContain("--bootstrap must be in [0, 100000]; got -1.");
    }

    [Test]
    public async Task ASensitivityAnalysisOptions_AreValidatedByTheLibrarysSensitivityOptions()
    {
        var scenario = await Run("sensitivity", "--param", "regime.reprisalProbability=0.1:0.9", "--runs", "5", "--samples", "2", "--bootstrap", "100001");
        scenario.Code.ShouldBe(CliApp.BadInput);
        scenario.Error.ShouldContain("Invalid sensitivity options (2 problems):");
        scenario.Error.ShouldContain("--samples must be in [4, 1000000]; got 2.");
        scenario.Error.ShouldContain("--bootstrap must be in [0, 100000]; got 100001.");

        var confidence = await Run("sensitivity", "--param", "regime.reprisalProbability=0.1:0.9", "--runs", "5", "--confidence", "1");
        confidence.Code.ShouldBe(CliApp.BadInput);
        confidence.Error.ShouldContain("--confidence (MonteCarlo.Confidence) must be in (0, 1); got 1.");

        var function = await Run("sensitivity", "--function", "ishigami", "--bootstrap", "-1");
        function.Code.ShouldBe(CliApp.BadInput);
        function.Error.ShouldContain("--bootstrap must be in [0, 100000]; got -1.");

        var functionConfidence = await Run("sensitivity", "--function", "ishigami", "--confidence", "0");
        functionConfidence.Code.ShouldBe(CliApp.BadInput);
        functionConfidence.Error.ShouldContain("--confidence (MonteCarlo.Confidence) must be in (0, 1); got 0.");

        var plan = await Run("plan", "sensitivity", "--param", "regime.reprisalProbability=0.1:0.9", "--runs", "5", "--bootstrap", "-1", "--out", Path.Combine(Folder, "plan"));
        plan.Code.ShouldBe(CliApp.BadInput);
        plan.Error.ShouldContain("--bootstrap must be in [0, 100000]; got -1.");
    }
}
