using System.Globalization;

namespace SanctionsSim.Calibration;

/// <summary>Settings of a simulation-based calibration check (<see cref="CoverageCheck"/>).</summary>
internal sealed class CoverageCheckOptions
{
    /// <summary>Synthetic case bases, each calibrated once.</summary>
    /// <value>The default value is 100. Range: 2 to 100,000.</value>
    public int SyntheticBases { get; set; } = 100;

    /// <summary>L: posterior draws the truth is ranked among (its rank is 0 to L).</summary>
    /// <value>The default value is 99. Range: 1 to 100,000; L + 1 must be a multiple of <see cref="Bins"/>.</value>
    public int PosteriorDraws { get; set; } = 99;

    /// <summary>Bins of the rank histogram and of its χ² uniformity test.</summary>
    /// <value>The default value is 10. Range: 2 to L + 1.</value>
    public int Bins { get; set; } = 10;

    /// <summary>The settings of each calibration (its seed and threads are set per synthetic base).</summary>
    /// <value>The default value is 300 particles, 5 generations.</value>
    public AbcOptions Abc { get; set; } = new() { Particles = 300, Generations = 5 };

    /// <summary>Replications of each case per particle.</summary>
    /// <value>The default value is <see cref="CaseCalibration.DefaultReplicationsPerCase"/>. Range: 1 to 100.</value>
    public int ReplicationsPerCase { get; set; } = CaseCalibration.DefaultReplicationsPerCase;

    /// <summary>The distance the calibrations use.</summary>
    /// <value>The default value is <see cref="CaseDistance.OutcomeProbability"/>.</value>
    public CaseDistance Distance { get; set; } = CaseDistance.OutcomeProbability;

    /// <summary>The seed of the truths, the histories and the calibrations.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Worker threads (one calibration each); −1 uses every core. The result does not depend on it.</summary>
    /// <value>The default value is -1. Range: -1 or 1 to 1024.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    /// <summary>A copy of these options (with a copy of <see cref="Abc"/>).</summary>
    /// <returns>The copy.</returns>
    public CoverageCheckOptions Clone()
    {
        var copy = (CoverageCheckOptions)MemberwiseClone();
        copy.Abc = Abc?.Clone()!;
        return copy;
    }

    /// <summary>Checks every setting, reporting each problem at once.</summary>
    /// <exception cref="ArgumentException">At least one setting is out of range; the message names each with its value and range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (SyntheticBases is < 2 or > 100_000)
        {
            errors.Add($"SyntheticBases must be in [2, 100000]; got {SyntheticBases}.");
        }

        if (PosteriorDraws is < 1 or > 100_000)
        {
            errors.Add($"PosteriorDraws must be in [1, 100000]; got {PosteriorDraws}.");
        }
        else if (Bins < 2 || Bins > PosteriorDraws + 1 || (PosteriorDraws + 1) % Bins != 0)
        {
            errors.Add($"Bins must be in [2, PosteriorDraws + 1 = {PosteriorDraws + 1}] and divide PosteriorDraws + 1 (so every bin holds as many ranks); got {Bins}.");
        }

        if (ReplicationsPerCase is < 1 or > 100)
        {
            errors.Add($"ReplicationsPerCase must be in [1, 100]; got {ReplicationsPerCase}.");
        }

        if (!Enum.IsDefined(Distance))
        {
            errors.Add($"Distance must be Mean or OutcomeProbability; got {((int)Distance).ToString(CultureInfo.InvariantCulture)}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            errors.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if (Abc is null)
        {
            errors.Add("Abc must be set.");
        }
        else
        {
            try
            {
                Abc.Validate();
            }
            catch (ArgumentException e)
            {
                errors.Add("Abc: " + e.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
