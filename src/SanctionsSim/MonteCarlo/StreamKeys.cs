namespace SanctionsSim.MonteCarlo;

/// <summary>
/// Stream words for <see cref="RandomStream"/>: each purpose of a replication draws from its own stream, so
/// changing how many numbers one purpose consumes never shifts another's draws (the basis of common random
/// numbers in policy comparisons). Each is <see cref="KeyRegistry.Stream"/> of its kind with sub-purpose 0, which
/// packs to the bare kind (1 … 8), the values these words always had.
/// </summary>
internal static class StreamKeys
{
    /// <summary>Network generation.</summary>
    public static readonly ulong Network = KeyRegistry.Stream(StreamKind.Network);

    /// <summary>Agent attributes and thresholds.</summary>
    public static readonly ulong Agents = KeyRegistry.Stream(StreamKind.Agents);

    /// <summary>Choice of initially active (seed) agents.</summary>
    public static readonly ulong Seeding = KeyRegistry.Stream(StreamKind.Seeding);

    /// <summary>Update order and within-run dynamics.</summary>
    public static readonly ulong Dynamics = KeyRegistry.Stream(StreamKind.Dynamics);

    /// <summary>Exogenous events and shocks.</summary>
    public static readonly ulong Events = KeyRegistry.Stream(StreamKind.Events);

    /// <summary>Policy rules with random elements (for example an ally joining with some probability).</summary>
    public static readonly ulong Policy = KeyRegistry.Stream(StreamKind.Policy);

    /// <summary>Experiment designs (Latin hypercube permutations, Sobol digital shifts, Morris trajectories, bootstrap resamples): <see cref="DesignUse.Shared"/>.</summary>
    public static readonly ulong Design = KeyRegistry.Design(DesignUse.Shared);

    /// <summary>Adaptive multilevel splitting: which survivor a killed path clones, and the keys of its new branches.</summary>
    public static readonly ulong Splitting = KeyRegistry.Stream(StreamKind.Splitting);

    /// <summary>The officers' fixed grievances, drawn once per replication (docs/model.md, Eq. 5').</summary>
    public static readonly ulong Grievance = KeyRegistry.Stream(StreamKind.Grievance);
}
