using SanctionsSim.Validation;

namespace SanctionsSim.Analysis;

/// <summary>Options of <see cref="RobustChoice"/>.</summary>
public sealed class RobustChoiceOptions
{
    /// <summary>Posterior particles drawn (by weight, systematic resampling). Default 200; range [2, 100,000].</summary>
    public int Particles { get; set; } = 200;

    /// <summary>Replications of each arm at each particle, on common random numbers across arms. Default 50; range [1, 1,000,000].</summary>
    public int ReplicationsPerParticle { get; set; } = 50;

    /// <summary>The seed: the draw of particles and every replication.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>The goal: an arm satisfices at a particle when its P(collapse) there is at least this. Default 0.5; range [0, 1].</summary>
    public double Target { get; set; } = 0.5;

    /// <summary>Confidence level of the intervals. Default 0.95; range (0, 1).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Threads over particles; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("robust-choice options");
        c.In(nameof(Particles), Particles, ValueRange.Closed(2, 100_000));
        c.In(nameof(ReplicationsPerParticle), ReplicationsPerParticle, ValueRange.Closed(1, 1_000_000));
        c.In(nameof(Target), Target, ValueRange.Closed(0, 1));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public RobustChoiceOptions Clone() => (RobustChoiceOptions)MemberwiseClone();
}
