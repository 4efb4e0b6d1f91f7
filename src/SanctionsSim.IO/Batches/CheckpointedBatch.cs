using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>
/// A batch run in chunks, with the merged summary written atomically to <c>checkpoint.bin</c> after each chunk
/// and a manifest (<c>checkpoint.json</c>: experiment hash, seed, planned runs, runs done, package version).
/// A process killed at any moment resumes from the last checkpoint and ends with exactly the results of an
/// uninterrupted run, because summaries merge exactly and replication i depends only on (seed, i).
/// </summary>
internal static class CheckpointedBatch
{
    /// <summary>The merged summary's file.</summary>
    public const string DataFile = "checkpoint.bin";

    /// <summary>The manifest's file.</summary>
    public const string ManifestFile = "checkpoint.json";

    /// <summary>Runs (or resumes) a checkpointed batch.</summary>
    /// <typeparam name="TSummary">The experiment's summary.</typeparam>
    /// <param name="batch">The experiment, seed and confidence, and how its summaries are written and read.</param>
    /// <param name="experimentHash">The experiment's identity (<see cref="Scenarios.ScenarioJson.ExperimentHash"/>): a checkpoint of another experiment is refused.</param>
    /// <param name="replications">The batch's replications.</param>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <param name="folder">The folder of the checkpoint (created).</param>
    /// <param name="chunk">Replications between checkpoints (at least 1).</param>
    /// <param name="resume">Resume the checkpoint in the folder (which must exist); without it, a checkpoint there is refused.</param>
    /// <param name="progress">Progress through the whole batch, or null.</param>
    /// <param name="cancellationToken">Stops after the replication in progress; what finished is checkpointed and returned, marked cancelled.</param>
    /// <returns>The result: from replication 0, completed or cancelled.</returns>
    /// <exception cref="FolderStateException">A checkpoint without <paramref name="resume"/>, none with it, or one of another batch or damaged.</exception>
    public static MonteCarloResult<TSummary> Run<TSummary>(MonteCarloBatch<TSummary> batch, string experimentHash, long replications, int threads, string folder, long chunk, bool resume, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        Directory.CreateDirectory(folder);
        AtomicFile.RemoveTemporaries(folder); // torn writes of a killed run (checkpoint, summary, plots) are never renamed into place
        string data = Path.Combine(folder, DataFile);
        string manifest = Path.Combine(folder, ManifestFile);
        var total = batch.CreateSummary();
        if (File.Exists(data) || File.Exists(manifest))
        {
            if (!resume)
            {
                throw new FolderStateException($"{folder} holds the checkpoint of an unfinished run: pass --resume to finish it, or delete {DataFile} and {ManifestFile} to start over.");
            }

            total = Load(batch, data, manifest, experimentHash, replications);
        }
        else if (resume)
        {
            throw new FolderStateException($"--resume: {folder} holds no checkpoint ({DataFile}).");
        }

        long done = total.Replications;
        var reason = StopReason.Completed;
        while (done < replications)
        {
            var result = batch.Experiment.Simulate(batch.Options(done, Math.Min(chunk, replications - done), threads), progress is null ? null : new Offset(progress, done, replications), cancellationToken);
            total = total.Combine(result.Summary);
            done += result.Replications;
            Save(batch, total, data, manifest, experimentHash, replications);
            if (result.IsPartial)
            {
                reason = StopReason.Cancelled;
                break;
            }
        }

        return new MonteCarloResult<TSummary>(total, batch.Seed, 0, done, reason, batch.Confidence);
    }

    /// <summary>Deletes a folder's checkpoint (after its batch finished).</summary>
    /// <param name="folder">The folder.</param>
    public static void Delete(string folder)
    {
        File.Delete(Path.Combine(folder, DataFile));
        File.Delete(Path.Combine(folder, ManifestFile));
    }

    private static void Save<TSummary>(MonteCarloBatch<TSummary> batch, TSummary summary, string data, string manifest, string hash, long replications)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        // manifest first (which batch this is), data second: a kill between the two leaves a manifest without data,
        // which resumes from nothing; the data's own replication count is authoritative
        var json = new JsonObject
        {
            ["scenarioHash"] = hash,
            ["seed"] = batch.Seed,
            ["runs"] = replications,
            ["done"] = summary.Replications,
            ["package"] = Internal.PackageVersion.Current,
        };
        AtomicFile.WriteAllText(manifest, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        using var buffer = new MemoryStream();
        batch.Write(summary, buffer);
        AtomicFile.WriteAllBytes(data, buffer.ToArray());
    }

    private static TSummary Load<TSummary>(MonteCarloBatch<TSummary> batch, string data, string manifest, string hash, long replications)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(manifest));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new FolderStateException($"The checkpoint manifest {manifest} cannot be read ({e.Message}); delete the checkpoint to start over.", e);
        }

        string? savedHash = json?["scenarioHash"]?.GetValue<string>();
        ulong? savedSeed = json?["seed"]?.GetValue<ulong>();
        long? savedRuns = json?["runs"]?.GetValue<long>();
        if (savedHash != hash || savedSeed != batch.Seed || savedRuns != replications)
        {
            throw new FolderStateException($"The checkpoint in {Path.GetDirectoryName(manifest)} is of another batch (scenario hash, --seed or --runs differ): resume with the same scenario and options, or delete the checkpoint.");
        }

        if (!File.Exists(data))
        {
            return batch.CreateSummary(); // killed before the first data was written: nothing is done yet
        }

        using var stream = File.OpenRead(data);
        try
        {
            return batch.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new FolderStateException($"The checkpoint {data} is damaged ({e.Message}); delete it to start over.", e);
        }
    }

    /// <summary>Reports a chunk's progress as progress through the whole batch.</summary>
    private sealed class Offset(IProgress<MonteCarloProgress> inner, long done, long total) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => inner.Report(new MonteCarloProgress(done + value.Completed, total));
    }
}
