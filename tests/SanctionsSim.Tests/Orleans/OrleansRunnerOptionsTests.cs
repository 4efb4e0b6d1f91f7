using SanctionsSim.Orleans;
using SanctionsSim.Validation;

namespace SanctionsSim.Tests.Orleans;

/// <summary>The Orleans runner's options are validated in one place, the library's options collector, which the command line calls too (#28 item 3).</summary>
public class OrleansRunnerOptionsTests
{
    [Test]
    public void TheDefaults_AreValid() => Should.NotThrow(() => new OrleansRunnerOptions().Validate());

    [Test]
    public void Validate_ListsEveryProblem_WithItsValueAndRange()
    {
        var options = new OrleansRunnerOptions { Shards = 0, ThreadsPerShard = 0, ShardTimeout = TimeSpan.Zero, Retries = 101, RetryDelay = TimeSpan.FromHours(2) };
        var e = Should.Throw<InvalidInputException>(options.Validate);
        e.Errors.Select(x => x.ToString()).ShouldBe(
        [
            "Shards must be in [1, 100000]; got 0.",
            "ThreadsPerShard must be -1 (all cores) or in [1, 1024]; got 0.",
            "ShardTimeout (seconds) must be in (0, 86400]; got 0.",
            "Retries must be in [0, 100]; got 101.",
            "RetryDelay (seconds) must be in [0, 3600]; got 7200.",
        ]);
    }
}
