using SanctionsSim.Validation;

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
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("misspecification-check options");
        c.In(nameof(Particles), Particles, ValueRange.Closed(10, 100_000));
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }
}
