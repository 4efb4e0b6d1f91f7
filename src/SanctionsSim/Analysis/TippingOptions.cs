using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.Analysis;

/// <summary>Settings of a <see cref="TippingScan"/>.</summary>
/// <remarks>Validated with every problem at once (<see cref="Validate"/>), the same way as <see cref="MonteCarloOptions"/>.</remarks>
public sealed class TippingOptions
{
    /// <summary>Grid points along the lever's range, 3 to 10,001 (default 21).</summary>
    public int Points { get; set; } = 21;

    /// <summary>The collapse-probability level whose crossing is sought, in (0, 1) (default 0.5).</summary>
    public double Level { get; set; } = 0.5;

    /// <summary>Bootstrap resamples of the replications for the crossing's interval, 0 to 100,000 (default 1,000).</summary>
    public int Bootstrap { get; set; } = 1000;

    /// <summary>Each grid point's batch: replications per point (default 400, at most 10⁷), the seed (every point runs the same replications: common random numbers; the bootstrap draws from it too), threads per point and the confidence level.</summary>
    public MonteCarloOptions MonteCarlo { get; set; } = new() { Replications = 400 };

    /// <summary>
    /// A posterior each replication draws its structural parameters from (<see cref="Calibration.PosteriorModel"/>;
    /// replication r draws the same particle at every grid point), or null (the default) for the scenario's own
    /// structure, the library's defaults.
    /// </summary>
    public Calibration.Posterior? Posterior { get; set; }

    /// <summary>A deep copy (the posterior, immutable, is shared).</summary>
    /// <returns>The copy.</returns>
    public TippingOptions Clone() => new() { Points = Points, Level = Level, Bootstrap = Bootstrap, MonteCarlo = MonteCarlo?.Clone()!, Posterior = Posterior };

    /// <summary>Checks the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("tipping-scan options");
        OptionsValidation.PerPointBatch(c, MonteCarlo, 10_000_000);
        c.In(nameof(Points), Points, ValueRange.Closed(3, 10_001));
        c.In(nameof(Level), Level, ValueRange.OpenUnit);
        c.In(nameof(Bootstrap), Bootstrap, ValueRange.Closed(0, 100_000));
        c.ThrowIfAny();
    }
}
