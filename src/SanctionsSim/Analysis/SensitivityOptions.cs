using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.Analysis;

/// <summary>Settings of a <see cref="ScenarioSensitivity"/> analysis.</summary>
/// <remarks>Validated with every problem at once (<see cref="Validate"/>), the same way as <see cref="MonteCarloOptions"/>.</remarks>
public sealed class SensitivityOptions
{
    /// <summary>The method (default Sobol).</summary>
    public SensitivityMethod Method { get; set; } = SensitivityMethod.Sobol;

    /// <summary>N, rows of each Saltelli matrix (Sobol, 4 to 10⁶), or r, trajectories (Morris, 2 to 10⁶); default 128.</summary>
    public int Samples { get; set; } = 128;

    /// <summary>The output analysed (default the collapse probability).</summary>
    public SweepMetric Metric { get; set; } = SweepMetric.CollapseProbability;

    /// <summary>Grid levels of the Morris design (even, default 4).</summary>
    public int MorrisLevels { get; set; } = 4;

    /// <summary>Bootstrap resamples for the intervals, 0 to 100,000 (default 500).</summary>
    public int Bootstrap { get; set; } = 500;

    /// <summary>Each design point's batch: replications per point (default 64, at most 10⁷; the point's output is their mean), the seed (of the design, the replications and the bootstrap), threads per point and the confidence level.</summary>
    public MonteCarloOptions MonteCarlo { get; set; } = new() { Replications = 64 };

    /// <summary>When set, every replication draws its structural parameters from this posterior (<see cref="Calibration.PosteriorModel"/>).</summary>
    /// <value>The default value is null: the library's structural defaults.</value>
    public Calibration.Posterior? Posterior { get; set; }

    /// <summary>A deep copy.</summary>
    /// <returns>The copy.</returns>
    public SensitivityOptions Clone() => new() { Method = Method, Samples = Samples, Metric = Metric, MorrisLevels = MorrisLevels, Bootstrap = Bootstrap, MonteCarlo = MonteCarlo?.Clone()! };

    /// <summary>Checks the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("sensitivity options");
        OptionsValidation.PerPointBatch(c, MonteCarlo, 10_000_000);
        c.Defined(nameof(Method), Method);
        c.In(nameof(Samples), Samples, ValueRange.Closed(Method == SensitivityMethod.Morris ? 2 : 4, 1_000_000));
        c.Defined(nameof(Metric), Metric);
        if (Method == SensitivityMethod.Morris)
        {
            c.EvenIn(nameof(MorrisLevels), MorrisLevels, 2, 1000);
        }

        c.In(nameof(Bootstrap), Bootstrap, ValueRange.Closed(0, 100_000));
        c.ThrowIfAny();
    }
}
