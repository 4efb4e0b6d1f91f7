namespace SanctionsSim.RareEvents;

/// <summary>
/// The pilot of <see cref="InputSplitting"/> could not raise the score towards the target: every particle's score is
/// stuck at one value below it (a score that cannot rise from there, or an event of probability 0). Carries what the
/// pilot saw, from which <see cref="SplittingResult.Unresolved"/> makes an upper bound instead of an estimate.
/// </summary>
internal sealed class UnresolvedRareEventException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public UnresolvedRareEventException(double stuckAt, double target, int levels, int draws, int hits, double pilotEstimate, long paths)
        : base($"Every particle's score is stuck at {stuckAt:G6}, below the target {target}: the moves cannot raise the score from there (a score that takes few values, or an event of probability 0).")
    {
        StuckAt = stuckAt;
        Target = target;
        Levels = levels;
        Draws = draws;
        Hits = hits;
        PilotEstimate = pilotEstimate;
        Paths = paths;
    }

    /// <summary>The score every particle is stuck at.</summary>
    public double StuckAt { get; }

    /// <summary>The model's target.</summary>
    public double Target { get; }

    /// <summary>The levels the pilot passed before it got stuck.</summary>
    public int Levels { get; }

    /// <summary>The pilot's independent draws from the prior (its first N₀ particles, before any resampling or move).</summary>
    public int Draws { get; }

    /// <summary>How many of those draws reached the target.</summary>
    public int Hits { get; }

    /// <summary>The pilot's rough estimate of the probability of reaching the stuck score (the product of its shares).</summary>
    public double PilotEstimate { get; }

    /// <summary>Replications the pilot simulated.</summary>
    public long Paths { get; }
}
