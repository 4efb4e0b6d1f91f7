namespace SanctionsSim.RareEvents;

/// <summary>One independent run of adaptive multilevel splitting: its unbiased estimate and what it cost.</summary>
internal sealed record SplittingRun
{
    /// <summary>The run's index (its paths start as replications Index·n … Index·n + n − 1 of the seed).</summary>
    public required int Index { get; init; }

    /// <summary>The run's estimate: Π (1 − K_j / n) times the share of its final paths that reached the target.</summary>
    public required double Estimate { get; init; }

    /// <summary>Its iterations (levels).</summary>
    public required long Iterations { get; init; }

    /// <summary>Paths it simulated: the n initial ones and every clone.</summary>
    public required long Paths { get; init; }

    /// <summary>Whether it ended because every path tied at the level (its estimate is then 0, as the generalized algorithm of Bréhier et al. (2016) prescribes).</summary>
    public required bool Extinct { get; init; }
}
