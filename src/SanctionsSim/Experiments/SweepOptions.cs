using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.Experiments;

/// <summary>Settings of a <see cref="Sweep"/>.</summary>
/// <remarks>Validated with every problem at once (<see cref="Validate"/>), the same way as <see cref="MonteCarloOptions"/>.</remarks>
public sealed class SweepOptions
{
    /// <summary>
    /// Each design point's batch: replications per point (default 100), the seed (every point runs replications
    /// 0 … R − 1 on it: common random numbers across points), threads per point and the confidence level of the
    /// intervals. Sequential stopping (<see cref="MonteCarloOptions.TargetHalfWidth"/>) is not allowed: every point
    /// runs all its replications.
    /// </summary>
    public MonteCarloOptions MonteCarlo { get; set; } = new() { Replications = 100 };

    /// <summary>Whether to keep each replication's collapse week (<see cref="SweepPoint.CollapseWeeks"/>); tipping-point scans need it.</summary>
    public bool RecordOutcomes { get; set; }

    /// <summary>A deep copy.</summary>
    /// <returns>The copy.</returns>
    public SweepOptions Clone() => new() { MonteCarlo = MonteCarlo?.Clone()!, RecordOutcomes = RecordOutcomes, Posterior = Posterior };

    /// <summary>
    /// When set, each replication of each point draws its structural parameters from this source (for a
    /// <c>Calibration.Posterior</c>, by <c>Calibration.PosteriorModel</c>), so the results include the
    /// uncertainty about the structure.
    /// </summary>
    /// <value>The default value is null: the library's structural defaults.</value>
    public IStructuralDraws? Posterior { get; set; }

    /// <summary>Checks the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("sweep options");
        OptionsValidation.PerPointBatch(c, MonteCarlo, 10_000_000);
        c.ThrowIfAny();
    }
}
