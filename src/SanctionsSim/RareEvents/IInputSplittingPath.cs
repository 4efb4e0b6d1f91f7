using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>Simulates replications of an <see cref="IInputSplittingModel"/> from their random inputs; one instance per thread.</summary>
internal interface IInputSplittingPath
{
    /// <summary>Simulates the replication that <paramref name="inputs"/> determine and returns its score (for a path, its maximum over the horizon).</summary>
    /// <param name="inputs">The replication's random inputs; reading them may materialise coordinates.</param>
    /// <returns>The score; the rare event happened when it is at least <see cref="IInputSplittingModel.Target"/>.</returns>
    double Score(RandomInputs inputs);
}
