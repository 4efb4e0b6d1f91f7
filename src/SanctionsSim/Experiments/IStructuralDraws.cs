using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Experiments;

/// <summary>
/// A source of structural draws for a <see cref="Sweep"/>: each replication of each design point runs with structural
/// parameters drawn from it (a calibration's posterior, <c>Calibration.Posterior</c>, is one), so a sweep needs
/// no knowledge of how the draws were obtained.
/// </summary>
public interface IStructuralDraws
{
    /// <summary>A fingerprint of the draws (the SHA-256 of their data): sweeps record it, so a run resumes only with the draws it started with.</summary>
    string Hash { get; }

    /// <summary>The model that runs <paramref name="scenario"/> with each replication's structure drawn from this source.</summary>
    /// <param name="scenario">The scenario (its facts).</param>
    /// <param name="recordRuns">Keep one record per replication in the summary.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ScenarioValidationException">The scenario, or the scenario with some drawn structure, is invalid.</exception>
    internal IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary> ModelOf(Scenario scenario, bool recordRuns);
}
