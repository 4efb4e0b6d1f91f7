using System.Text.Json.Nodes;
using SanctionsSim.IO.Batches;
using SanctionsSim.IO.Inputs;
using SanctionsSim.IO.Results;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Jobs;

/// <summary><c>sanctionssim run</c>'s batch: plain, or checkpointed into a folder (resumable), and its summary JSON (moved from the command line, #28 item 3).</summary>
internal static class RunJob
{
    /// <summary>
    /// Runs the batch of <paramref name="scenario"/>, each replication's structure drawn from <paramref name="posterior"/>
    /// (null: the medians) and its facts within <paramref name="ranges"/>; with a <paramref name="folder"/>, checkpointed
    /// every <paramref name="chunk"/> replications and resumable.
    /// </summary>
    public static MonteCarloResult<SanctionsSummary> Run(Scenario scenario, MonteCarloOptions options, Calibration.Posterior? posterior, IReadOnlyList<FactRange> ranges, string? folder, long chunk, bool resume, IProgress<MonteCarloProgress>? progress, CancellationToken ct)
    {
        var model = Calibration.PosteriorModel.Create(scenario, posterior, ranges, recordRuns: folder is not null);
        return folder is null
            ? new MonteCarloRunner(options).Run(model, progress, ct)
            : CheckpointedBatch.Run(
                new MonteCarloBatch<SanctionsSummary>(model, options.Seed, options.Confidence, new SanctionsModel(scenario, recordRuns: true).ReadSummary, (s, stream) => s.WriteTo(stream)),
                ScenarioJson.ExperimentHash(scenario, posterior?.Hash, ranges.Count), options.Replications, options.MaxDegreeOfParallelism, folder, chunk, resume, progress, ct);
    }

    /// <summary>The batch's summary JSON (summary.json), with the structure it used and, when drawn, its posterior and facts.</summary>
    public static JsonObject Summary(MonteCarloResult<SanctionsSummary> result, Scenario scenario, StructureChoice structure, int drawnFacts)
    {
        var summary = SummaryJson.Summary(result.Summary, scenario, result);
        summary["structure"] = structure.Json();
        if (structure.Posterior is { } posterior)
        {
            summary["posterior"] = SummaryJson.Posterior(posterior);
        }

        if (drawnFacts > 0)
        {
            summary["facts"] = new JsonObject { ["drawn"] = "within their ranges", ["uncertainFacts"] = drawnFacts };
        }

        return summary;
    }

    /// <summary>
    /// Writes a batch's files into <paramref name="folder"/> as <c>run --out</c> does: summary.json, runs.csv (one record
    /// per run), paths.csv (percentile paths) and scenario.json; a finished batch's checkpoint is deleted. The plots are the caller's.
    /// </summary>
    /// <param name="folder">The folder (created).</param>
    /// <param name="summary">The summary JSON (<see cref="Summary"/>).</param>
    /// <param name="result">The batch.</param>
    /// <param name="scenario">The scenario run.</param>
    public static void WriteFolder(string folder, JsonObject summary, MonteCarloResult<SanctionsSummary> result, Scenario scenario)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), SummaryJson.ToText(summary));
        AtomicFile.WriteAllText(Path.Combine(folder, "runs.csv"), SummaryJson.RunsCsv(result.Summary));
        AtomicFile.WriteAllText(Path.Combine(folder, "paths.csv"), SummaryJson.PathsCsv(result.Summary, result.Confidence));
        AtomicFile.WriteAllText(Path.Combine(folder, "scenario.json"), ScenarioJson.Write(scenario));
        if (!result.IsPartial)
        {
            CheckpointedBatch.Delete(folder);
        }
    }
}
