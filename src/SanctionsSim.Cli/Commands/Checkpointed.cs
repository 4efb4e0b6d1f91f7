using System.Text.Json.Nodes;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// A batch run in chunks, with the merged summary written atomically to <c>checkpoint.bin</c> after each chunk
/// and a manifest (<c>checkpoint.json</c>: scenario hash, seed, planned runs, runs done, package version).
/// A process killed at any moment resumes from the last checkpoint and ends with exactly the results of an
/// uninterrupted run, because summaries merge exactly and replication i depends only on (seed, i).
/// </summary>
internal static class Checkpointed
{
    public const string DataFile = "checkpoint.bin";
    public const string ManifestFile = "checkpoint.json";

    public static MonteCarloResult<SanctionsSummary> Run(IMonteCarloExperiment<SanctionsSummary> model, Func<Stream, SanctionsSummary> read, Scenario scenario, string? posteriorHash, MonteCarloOptions options, string folder, long chunk, bool resume, IProgress<MonteCarloProgress>? progress, CancellationToken token)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.RemoveTemporaries(folder); // torn writes of a killed run (checkpoint, summary, plots) are never renamed into place
        string data = Path.Combine(folder, DataFile);
        string manifest = Path.Combine(folder, ManifestFile);
        string hash = ScenarioJson.Hash(scenario) + (posteriorHash is null ? "" : "+posterior:" + posteriorHash);
        var total = model.CreateSummary();
        if (File.Exists(data) || File.Exists(manifest))
        {
            if (!resume)
            {
                throw new UserInputException($"{folder} holds the checkpoint of an unfinished run: pass --resume to finish it, or delete {DataFile} and {ManifestFile} to start over.");
            }

            total = Load(model, read, data, manifest, hash, options);
        }
        else if (resume)
        {
            throw new UserInputException($"--resume: {folder} holds no checkpoint ({DataFile}).");
        }

        long done = total.Replications;
        var reason = StopReason.Completed;
        while (done < options.Replications)
        {
            var part = options.Clone();
            part.FirstReplication = done;
            part.Replications = Math.Min(chunk, options.Replications - done);
            var result = new MonteCarloRunner(part).Run(model, progress is null ? null : new Common.Offset(progress, done, options.Replications), token);
            total = total.Combine(result.Summary);
            done += result.Replications;
            Save(total, data, manifest, hash, options);
            if (result.IsPartial)
            {
                reason = StopReason.Cancelled;
                break;
            }
        }

        return new MonteCarloResult<SanctionsSummary>(total, options.Seed, 0, done, reason, options.Confidence);
    }

    public static void Delete(string folder)
    {
        File.Delete(Path.Combine(folder, DataFile));
        File.Delete(Path.Combine(folder, ManifestFile));
    }

    private static void Save(SanctionsSummary summary, string data, string manifest, string hash, MonteCarloOptions options)
    {
        // manifest first (which batch this is), data second: a kill between the two leaves a manifest without data,
        // which resumes from nothing; the data's own replication count is authoritative
        var json = new JsonObject
        {
            ["scenarioHash"] = hash,
            ["seed"] = options.Seed,
            ["runs"] = options.Replications,
            ["done"] = summary.Replications,
            ["package"] = SummaryJson.PackageVersion,
        };
        AtomicFile.WriteAllText(manifest, SummaryJson.ToText(json));
        using var buffer = new MemoryStream();
        summary.WriteTo(buffer);
        AtomicFile.WriteAllBytes(data, buffer.ToArray());
    }

    private static SanctionsSummary Load(IMonteCarloExperiment<SanctionsSummary> model, Func<Stream, SanctionsSummary> read, string data, string manifest, string hash, MonteCarloOptions options)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(manifest));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            throw new UserInputException($"The checkpoint manifest {manifest} cannot be read ({e.Message}); delete the checkpoint to start over.", e);
        }

        string? savedHash = json?["scenarioHash"]?.GetValue<string>();
        ulong? savedSeed = json?["seed"]?.GetValue<ulong>();
        long? savedRuns = json?["runs"]?.GetValue<long>();
        if (savedHash != hash || savedSeed != options.Seed || savedRuns != options.Replications)
        {
            throw new UserInputException($"The checkpoint in {Path.GetDirectoryName(manifest)} is of another batch (scenario hash, --seed or --runs differ): resume with the same scenario and options, or delete the checkpoint.");
        }

        if (!File.Exists(data))
        {
            return model.CreateSummary(); // killed before the first data was written: nothing is done yet
        }

        using var stream = File.OpenRead(data);
        try
        {
            return read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"The checkpoint {data} is damaged ({e.Message}); delete it to start over.", e);
        }
    }
}
