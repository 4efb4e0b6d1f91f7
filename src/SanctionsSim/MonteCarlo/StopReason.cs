namespace SanctionsSim.MonteCarlo;

/// <summary>Why a Monte Carlo batch ended.</summary>
public enum StopReason
{
    /// <summary>All requested replications ran.</summary>
    Completed = 0,

    /// <summary>Sequential stopping: the target half-width was reached.</summary>
    TargetPrecisionReached = 1,

    /// <summary>Cancelled: the result holds the replications finished before cancellation, a contiguous prefix.</summary>
    Cancelled = 2,
}
