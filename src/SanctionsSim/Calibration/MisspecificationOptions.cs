namespace SanctionsSim.Calibration;

/// <summary>Settings of a misspecification check (<see cref="MisspecificationCheck"/>).</summary>
internal sealed class MisspecificationOptions
{
    /// <summary>Particles drawn from the posterior; each is simulated on every case with the calibration's replications per case, as a calibration would.</summary>
    /// <value>The default value is 200. Range: 10 to 100,000.</value>
    public int Particles { get; set; } = 200;

    /// <summary>The seed of the particles' draws and of the replications.</summary>
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
        if (Particles is < 10 or > 100_000)
        {
            errors.Add($"Particles must be in [10, 100000]; got {Particles}.");
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
