using SanctionsSim.Calibration;

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
    /// <exception cref="ArgumentException">At least one setting is out of range; the message names each with its value and range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Samples is < 16 or > 100_000)
        {
            errors.Add($"Samples must be in [16, 100000]; got {Samples}.");
        }

        if (Runs is < 10 or > 100_000)
        {
            errors.Add($"Runs must be in [10, 100000]; got {Runs}.");
        }

        if (Bootstrap is < 0 or > 100_000)
        {
            errors.Add($"Bootstrap must be in [0, 100000]; got {Bootstrap}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            errors.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
