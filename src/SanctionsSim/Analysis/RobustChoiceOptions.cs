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

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each, its value and its range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Particles is < 2 or > 100_000)
        {
            errors.Add($"Particles must be in [2, 100000]; got {Particles}.");
        }

        if (ReplicationsPerParticle is < 1 or > 1_000_000)
        {
            errors.Add($"ReplicationsPerParticle must be in [1, 1000000]; got {ReplicationsPerParticle}.");
        }

        if (!(Target >= 0 && Target <= 1))
        {
            errors.Add($"Target must be in [0, 1]; got {Target}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            errors.Add($"Confidence must be strictly between 0 and 1; got {Confidence}.");
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

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public RobustChoiceOptions Clone() => (RobustChoiceOptions)MemberwiseClone();
}
