using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Calibration;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.IO.Batches;

/// <summary>A checkpointed batch gives the batch of one run whatever its chunks, resumes only its own checkpoint, and names its experiment with the one experiment hash.</summary>
public class CheckpointedBatchTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-checkpoint-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Chunks_AndAResumeAfterACancelledChunk_GiveTheBatchOfOneRun()
    {
        var scenario = Presets.Get("venezuela-2019-amnesty");
        var model = new SanctionsModel(scenario);
        var batch = MonteCarloBatch.Of(model, 3, 0.95);
        string hash = ScenarioJson.ExperimentHash(scenario, null);
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            var stopped = CheckpointedBatch.Run(batch, hash, 40, 1, _folder, 7, resume: false, null, cancelled.Token);
            stopped.IsPartial.ShouldBeTrue();
        }

        File.Exists(Path.Combine(_folder, CheckpointedBatch.ManifestFile)).ShouldBeTrue();
        Should.Throw<FolderStateException>(() => CheckpointedBatch.Run(batch, hash, 40, 1, _folder, 7, resume: false, null, CancellationToken.None)).Message.ShouldContain("--resume");
        Should.Throw<FolderStateException>(() => CheckpointedBatch.Run(batch, hash, 41, 1, _folder, 7, resume: true, null, CancellationToken.None)).Message.ShouldContain("another batch");
        var resumed = CheckpointedBatch.Run(batch, hash, 40, 2, _folder, 7, resume: true, null, CancellationToken.None);
        resumed.IsPartial.ShouldBeFalse();
        resumed.Replications.ShouldBe(40);
        var single = model.Simulate(new MonteCarloOptions { Replications = 40, Seed = 3 }).Summary;
        Bytes(resumed.Summary).ShouldBe(Bytes(single));
        CheckpointedBatch.Delete(_folder);
        Should.Throw<FolderStateException>(() => CheckpointedBatch.Run(batch, hash, 40, 1, _folder, 7, resume: true, null, CancellationToken.None)).Message.ShouldContain("no checkpoint");
    }

    [Test]
    public void TheExperimentHash_NamesTheScenario_ThePosterior_AndTheDrawnFacts()
    {
        var scenario = Presets.Get("venezuela-2019");
        string plain = ScenarioJson.Hash(scenario);
        ScenarioJson.ExperimentHash(scenario, null).ShouldBe(plain);
        ScenarioJson.ExperimentHash(scenario, Posterior.Default.Hash).ShouldBe(plain + "+posterior:" + Posterior.Default.Hash);
        ScenarioJson.ExperimentHash(scenario, Posterior.Default.Hash, 3).ShouldBe(plain + "+posterior:" + Posterior.Default.Hash + "+facts:3");
        ScenarioJson.ExperimentHash(scenario, null, 3).ShouldBe(plain + "+posterior:+facts:3"); // as checkpoints before #28 recorded it: they still resume
    }

    private static byte[] Bytes(SanctionsSummary summary)
    {
        using var stream = new MemoryStream();
        summary.WriteTo(stream);
        return stream.ToArray();
    }
}
