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
}
