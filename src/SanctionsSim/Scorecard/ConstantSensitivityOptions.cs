using SanctionsSim.Calibration;
using SanctionsSim.Validation;

namespace SanctionsSim.Scorecard;

/// <summary>Settings of <see cref="ConstantSensitivity"/>.</summary>
internal sealed class ConstantSensitivityOptions
{
    /// <summary>N, the rows of each Saltelli sample matrix: the design has N · (k + 2) points for k constants.</summary>
    /// <value>The default value is 32. Range: 16 to 100,000.</value>
    public int Samples { get; set; } = 32;

    /// <summary>Runs of each case at each design point; a case's forecast is its outcome types' shares of them.</summary>
    /// <value>The default value is 50. Range: 10 to 100,000.</value>
    public int Runs { get; set; } = 50;

    /// <summary>The posterior each run draws its structure from (null: <see cref="Posterior.Default"/>).</summary>
    /// <value>The default value is null.</value>
    public Posterior? Posterior { get; set; }

    /// <summary>Bootstrap resamples of the indices' intervals.</summary>
    /// <value>The default value is 200. Range: 0 to 100,000.</value>
    public int Bootstrap { get; set; } = 200;

    /// <summary>The seed of the design, the runs (the same at every point: common random numbers) and the bootstrap.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Worker threads; −1 uses every core. The result does not depend on it.</summary>
    /// <value>The default value is -1. Range: -1 or 1 to 1024.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    /// <summary>Checks every setting, reporting each problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("constant-sensitivity options");
        c.In(nameof(Samples), Samples, ValueRange.Closed(16, 100_000));
        c.In(nameof(Runs), Runs, ValueRange.Closed(10, 100_000));
        c.In(nameof(Bootstrap), Bootstrap, ValueRange.Closed(0, 100_000));
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }
}
