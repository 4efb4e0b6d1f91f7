using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Results;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO.Jobs;

/// <summary>
/// <c>robust</c>: candidate policies across a posterior, each particle saved in <c>FOLDER/rows</c> as it finishes so
/// that an interrupted evaluation resumes, and the result's files (moved from the command line, #28 item 3).
/// </summary>
internal static class RobustJob
{
    /// <summary>
    /// Evaluates the arms across the posterior (<see cref="RobustChoice"/>); with a folder, each particle is saved as it
    /// finishes and, with <paramref name="resume"/>, the particles saved are read back, not rerun. A folder holding
    /// another evaluation, or particles without <paramref name="resume"/>, or a damaged particle is a <see cref="UserInputException"/>.
    /// </summary>
    /// <param name="arms">The candidate policies.</param>
    /// <param name="posterior">The posterior.</param>
    /// <param name="options">Valid options.</param>
    /// <param name="folder">The output folder (the particles go to its rows/), or null.</param>
    /// <param name="resume">Continue the evaluation saved in the folder.</param>
    /// <param name="progress">Where the particles done are counted, or null.</param>
    /// <param name="token">Stops the evaluation.</param>
    /// <returns>The evaluation.</returns>
    public static RobustChoiceResult Run(Scenario[] arms, Posterior posterior, RobustChoiceOptions options, string? folder, bool resume, IProgressCounter? progress, CancellationToken token)
    {
        string? rows = folder is null ? null : Path.Combine(folder, "rows");
        var settings = new JsonObject
        {
            ["arms"] = new JsonArray([.. arms.Select(x => (JsonNode)JsonValue.Create(ScenarioJson.Hash(x)))]),
            ["posterior"] = posterior.Hash, ["particles"] = options.Particles, ["runs"] = options.ReplicationsPerParticle, ["seed"] = options.Seed,
        }.ToJsonString();
        if (rows is null && resume)
        {
            throw new UserInputException("--resume needs --out DIR: the saved particles live in that folder.");
        }

        var completed = rows is null ? [] : Saved(rows, settings, resume);
        if (rows is not null)
        {
            Directory.CreateDirectory(rows);
        }

        long done = completed.Count;
        void Save(RobustParticle p)
        {
            progress?.Report(Interlocked.Increment(ref done), options.Particles);
            if (rows is not null)
            {
                var node = new JsonObject { ["settings"] = settings, ["row"] = p.Row, ["estimates"] = new JsonArray([.. p.Estimates.Select(x => (JsonNode)x)]) };
                AtomicFile.WriteAllText(Path.Combine(rows, $"row-{p.Row:D5}.json"), node.ToJsonString());
            }
        }

        return RobustChoice.Evaluate(arms, posterior, options, completed, Save, token);
    }

    /// <summary>Writes robust.json and particles.csv (one row per particle, input for <c>discover</c>) into <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder (created).</param>
    /// <param name="result">The evaluation.</param>
    /// <param name="json">Its JSON (<see cref="RobustText.Json"/>).</param>
    public static void WriteFiles(string folder, RobustChoiceResult result, JsonObject json)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "robust.json"), SummaryJson.ToText(json));
        AtomicFile.WriteAllText(Path.Combine(folder, "particles.csv"), ResultsCsv.RobustParticles(result));
    }

    /// <summary>The particles saved in <paramref name="rows"/> by the same evaluation (<paramref name="settings"/>).</summary>
    private static List<RobustParticle> Saved(string rows, string settings, bool resume)
    {
        var completed = new List<RobustParticle>();
        if (!Directory.Exists(rows) || !Directory.EnumerateFiles(rows, "row-*.json").Any())
        {
            return completed;
        }

        if (!resume)
        {
            throw new UserInputException($"{Path.GetDirectoryName(rows)} already holds particles of an evaluation; pass --resume to continue it or choose another --out.");
        }

        foreach (string f in Directory.GetFiles(rows, "row-*.json").Order(StringComparer.Ordinal))
        {
            JsonNode node;
            try
            {
                node = JsonNode.Parse(File.ReadAllText(f)) ?? throw new JsonException("empty");
            }
            catch (JsonException e)
            {
                throw new UserInputException($"{f} is damaged ({e.Message}); delete it and run again with --resume (that particle is redone).");
            }

            if (node["settings"]?.GetValue<string>() != settings)
            {
                throw new UserInputException($"{f} belongs to another evaluation (other arms, posterior, particles, runs or seed): --resume continues only the same one.");
            }

            completed.Add(new RobustParticle { Row = (int)node["row"]!, Estimates = [.. node["estimates"]!.AsArray().Select(x => (double)x!)] });
        }

        return completed;
    }
}
