namespace SanctionsSim.MonteCarlo;

/// <summary>
/// Purpose keys for <see cref="RandomStream"/>: each purpose of a replication draws from its own stream, so
/// changing how many numbers one purpose consumes never shifts another's draws (the basis of common random
/// numbers in policy comparisons).
/// </summary>
public static class StreamKeys
{
    /// <summary>Network generation.</summary>
    public const ulong Network = 1;

    /// <summary>Agent attributes and thresholds.</summary>
    public const ulong Agents = 2;

    /// <summary>Choice of initially active (seed) agents.</summary>
    public const ulong Seeding = 3;

    /// <summary>Update order and within-run dynamics.</summary>
    public const ulong Dynamics = 4;

    /// <summary>Exogenous events and shocks.</summary>
    public const ulong Events = 5;

    /// <summary>Policy rules with random elements (for example an ally joining with some probability).</summary>
    public const ulong Policy = 6;

    /// <summary>Experiment designs (Latin hypercube permutations, Sobol digital shifts, Morris trajectories, bootstrap resamples).</summary>
    public const ulong Design = 7;

    /// <summary>Adaptive multilevel splitting: which survivor a killed path clones, and the keys of its new branches.</summary>
    public const ulong Splitting = 8;
}
