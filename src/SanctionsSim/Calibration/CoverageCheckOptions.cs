using SanctionsSim.Validation;
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
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("coverage-check options");
        c.In(nameof(SyntheticBases), SyntheticBases, ValueRange.Closed(2, 100_000));
        if (c.In(nameof(PosteriorDraws), PosteriorDraws, ValueRange.Closed(1, 100_000)) && (Bins < 2 || Bins > PosteriorDraws + 1 || (PosteriorDraws + 1) % Bins != 0))
        {
            c.Add(nameof(Bins), Bins.ToString(CultureInfo.InvariantCulture), $"must be in [2, PosteriorDraws + 1 = {PosteriorDraws + 1}] and divide PosteriorDraws + 1 (so every bin holds as many ranks)");
        }

        c.In(nameof(ReplicationsPerCase), ReplicationsPerCase, ValueRange.Closed(1, 100));
        c.Defined(nameof(Distance), Distance);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        if (c.NotNull(nameof(Abc), Abc))
        {
            Abc.Check(c, nameof(Abc) + ".");
        }

        c.ThrowIfAny();
    }
}
