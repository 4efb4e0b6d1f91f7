using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Calibration;

/// <summary>The result of a simulation-based calibration check (<see cref="CoverageCheck"/>).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class CoverageCheckResult
{
    internal CoverageCheckResult(CoverageCheckOptions options, CoverageParameterResult[] parameters, long simulations)
    {
        Options = options;
        Parameters = parameters;
        Simulations = simulations;
    }

    /// <summary>The settings it ran with.</summary>
    public CoverageCheckOptions Options { get; }

    /// <summary>One result per calibrated parameter.</summary>
    public IReadOnlyList<CoverageParameterResult> Parameters { get; }

    /// <summary>Particle simulations over every calibration (each simulates every case <see cref="CoverageCheckOptions.ReplicationsPerCase"/> times, less with early rejection).</summary>
    public long Simulations { get; }
}
