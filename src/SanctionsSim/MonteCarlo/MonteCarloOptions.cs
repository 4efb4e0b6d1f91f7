using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.MonteCarlo;

/// <summary>How a Monte Carlo batch is run: how many replications, from which seed, on how many threads, and when to stop early.</summary>
/// <remarks>A mutable options object (for the options pattern); <see cref="MonteCarloRunner"/> copies and validates it, so later changes have no effect on a runner already built.</remarks>
public sealed class MonteCarloOptions
{
    /// <summary>The number of replications to run (the maximum when sequential stopping is on).</summary>
    /// <value>The default value is 1000. Range: 1 to 2^40.</value>
    [Range(1L, 1L << 40)]
    public long Replications { get; set; } = 1000;

    /// <summary>The first replication index: a shard runs replications [FirstReplication, FirstReplication + Replications).</summary>
    /// <value>The default value is 0. Range: ≥ 0.</value>
    [Range(0L, long.MaxValue)]
    public long FirstReplication { get; set; }

    /// <summary>The experiment seed; replication i draws only from streams keyed by (Seed, i).</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>The largest number of worker threads, or −1 for one per processor core. Results never depend on it.</summary>
    /// <value>The default value is −1. Range: −1 or 1 to 1024.</value>
    [Range(-1, 1024)]
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>The confidence level of reported intervals.</summary>
    /// <value>The default value is 0.95. Range: (0, 1).</value>
    [Range(1e-9, 1 - 1e-9)]
    public double Confidence { get; set; } = 0.95;

    /// <summary>
    /// Sequential stopping: when positive, the batch stops at the first checkpoint where the experiment's
    /// target interval has a half-width at or below this value (or at <see cref="Replications"/>).
    /// </summary>
    /// <value>The default value is 0 (off). Range: ≥ 0.</value>
    [Range(0.0, double.MaxValue)]
    public double TargetHalfWidth { get; set; }

    /// <summary>Replications between sequential-stopping checks. Checks fall at fixed replication counts, so where a batch stops does not depend on threads.</summary>
    /// <value>The default value is 1000. Range: 1 to 2^30.</value>
    [Range(1L, 1L << 30)]
    public long CheckInterval { get; set; } = 1000;

    /// <summary>The smallest batch sequential stopping may end with.</summary>
    /// <value>The default value is 100. Range: ≥ 1.</value>
    [Range(1L, long.MaxValue)]
    public long MinimumReplications { get; set; } = 100;

    /// <summary>Creates a copy.</summary>
    /// <returns>An independent copy of these options.</returns>
    public MonteCarloOptions Clone() => (MonteCarloOptions)MemberwiseClone();
}
