using SanctionsSim.Analysis;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Batches;

/// <summary>The sharded batches of the library's experiments.</summary>
internal static class MonteCarloBatch
{
    /// <summary>A batch of a model (a scenario's replications).</summary>
    /// <param name="model">The model.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The batch.</returns>
    public static MonteCarloBatch<SanctionsSummary> Of(SanctionsModel model, ulong seed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model, seed, confidence, model.ReadSummary, (s, stream) => s.WriteTo(stream));
    }

    /// <summary>A batch of a scenario's replications, each's structure drawn from <paramref name="posterior"/> (null: at the medians, as <see cref="Of(SanctionsModel, ulong, double)"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="posterior">The posterior, or null.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The batch.</returns>
    /// <param name="factRanges">A case's uncertain facts each replication draws within their ranges (as <c>run</c> does for a case of the case base), or null or empty for none.</param>
    public static MonteCarloBatch<SanctionsSummary> Of(Model.Scenario scenario, Calibration.Posterior? posterior, ulong seed, double confidence, IReadOnlyList<Scenarios.Cases.FactRange>? factRanges = null)
    {
        if (posterior is null && factRanges is not { Count: > 0 })
        {
            return Of(new SanctionsModel(scenario), seed, confidence);
        }

        var model = Calibration.PosteriorModel.Create(scenario, posterior, factRanges); // the one place that decides how runs get their structure and facts, as 'run'
        return new(model, seed, confidence, new SanctionsModel(scenario).ReadSummary, (s, stream) => s.WriteTo(stream));
    }

    /// <summary>A batch of a policy comparison (every arm on the same replications).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The batch.</returns>
    public static MonteCarloBatch<ComparisonSummary> Of(PolicyComparison comparison, ulong seed, double confidence)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new(comparison, seed, confidence, comparison.ReadSummary, (s, stream) => s.WriteTo(stream));
    }
}
