using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.IO;
using SanctionsSim.IO.Jobs;
using SanctionsSim.IO.Text;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.IO.Jobs;

/// <summary><c>robust</c>'s saved particles (moved from the command line, #28 item 3): an interrupted evaluation resumes to the same result, and a folder of another evaluation is refused.</summary>
public class RobustJobTests
{
    private static readonly RobustChoiceOptions Small = new() { Particles = 4, ReplicationsPerParticle = 3, Seed = 5, Target = 0.5, MaxDegreeOfParallelism = 1 };
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-robustjob-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void SavedParticles_AreReadBackOnResume_ToTheSameResult_AndRefusedOtherwise()
    {
        var arms = new[] { Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-contact") };
        var counter = new Counter();
        var first = RobustJob.Run(arms, Posterior.Default, Small, _folder, resume: false, counter, CancellationToken.None);
        counter.Last.ShouldBe((4L, 4L));
        Directory.GetFiles(Path.Combine(_folder, "rows"), "row-*.json").Length.ShouldBe(4);

        File.Delete(Path.Combine(_folder, "rows", "row-00002.json")); // an interrupted evaluation: one particle not saved
        var resumed = RobustJob.Run(arms, Posterior.Default, Small, _folder, resume: true, null, CancellationToken.None);
        for (int i = 0; i < Small.Particles; i++)
        {
            resumed.Estimate(i, 1).ShouldBe(first.Estimate(i, 1));
        }

        Should.Throw<UserInputException>(() => RobustJob.Run(arms, Posterior.Default, Small, _folder, resume: false, null, CancellationToken.None))
            .Message.ShouldContain("already holds particles of an evaluation; pass --resume");
        var other = Small.Clone();
        other.Seed = 6;
        Should.Throw<UserInputException>(() => RobustJob.Run(arms, Posterior.Default, other, _folder, resume: true, null, CancellationToken.None))
            .Message.ShouldContain("belongs to another evaluation");
        Should.Throw<UserInputException>(() => RobustJob.Run(arms, Posterior.Default, Small, null, resume: true, null, CancellationToken.None))
            .Message.ShouldBe("--resume needs --out DIR: the saved particles live in that folder.");
    }

    private sealed class Counter : IProgressCounter
    {
        public (long Done, long Total) Last { get; private set; }

        public void Report(long done, long total, string? stage = null, string? detail = null)
        {
            lock (this)
            {
                Last = done > Last.Done ? (done, total) : Last;
            }
        }
    }
}
