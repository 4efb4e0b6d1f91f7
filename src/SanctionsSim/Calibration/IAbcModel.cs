using SanctionsSim.Experiments;

namespace SanctionsSim.Calibration;

/// <summary>
/// A model calibrated by approximate Bayesian computation: its parameters with their priors, and a way to
/// simulate a data set at a parameter value and measure its distance to the observations.
/// </summary>
/// <threadsafety>Implementations must allow <see cref="CreateSimulator"/> from several threads.</threadsafety>
internal interface IAbcModel
{
    /// <summary>The parameters and their priors (each <see cref="ExperimentParameter"/>'s distribution on its range is the prior).</summary>
    IReadOnlyList<ExperimentParameter> Parameters { get; }

    /// <summary>Creates a simulator for one worker thread.</summary>
    /// <returns>A simulator; it is used by one thread at a time.</returns>
    IAbcSimulator CreateSimulator();
}
