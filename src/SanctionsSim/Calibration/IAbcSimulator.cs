namespace SanctionsSim.Calibration;

/// <summary>Simulates one data set at a parameter value and returns its distance to the observations.</summary>
/// <threadsafety>Used by one thread at a time.</threadsafety>
internal interface IAbcSimulator
{
    /// <summary>
    /// Simulates one data set and measures its distance to the observations. Every random draw must come from
    /// (<paramref name="seed"/>, <paramref name="index"/>) alone, so a calibration is reproducible whatever the threads.
    /// </summary>
    /// <param name="theta">The parameter values, in the order of <see cref="IAbcModel.Parameters"/>.</param>
    /// <param name="seed">The seed of this simulation.</param>
    /// <param name="index">The attempt's index under that seed.</param>
    /// <param name="tolerance">
    /// The generation's tolerance ε (infinite for the prior): once the distance is known to exceed it, the simulator
    /// may stop and return any value above it (early rejection); the result must not otherwise depend on it.
    /// </param>
    /// <returns>A non-negative distance (NaN is treated as infinite).</returns>
    double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance);
}
