using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// The high command as an actor (docs/model.md, §2b, Eq. 16–19): the commanders of the units that matter
/// (each faction's top general and the generals directly under him, weighted by the faction's share of the
/// importance-weighted command strength) may remove the ruler together while keeping the regime's apparatus (an
/// "endgame coup": Koehler &amp; Albrecht 2021; coups as coordination games: Singh 2014). Each week every commander
/// reads the regime's strength against a move through a private noisy signal and joins a move when his expected
/// payoff of joining exceeds staying, by the threshold of the global game of regime change (Morris &amp; Shin 1998,
/// the same equilibrium as <see cref="Cascades.GlobalGame"/>); the willing launch a move when the weight they hold
/// reaches their pooled estimate of that strength; it acts <see cref="DeliberationWeeks"/> later, succeeds when the
/// weight still committed reaches the regime's strength then, and, when it fails, the plotters are purged and the
/// regime's detection rises. Off by default (<see cref="Enabled"/>): the model is then exactly the model without it.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record HighCommand
{
    /// <summary>Whether the high command can move against the ruler.</summary>
    /// <value>The default value is false (off: results are bit-identical to the model without a high command).</value>
    public bool Enabled { get; init; }

    /// <summary>κ: the share of the high command's weight a move needs against a regime whose fall nobody expects; the regime's public strength against a move is κ · (1 − P), P the public probability that it falls (Eq. 2b).</summary>
    /// <value>The default value is 0.5 (a majority of the importance-weighted command). Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double SuccessThreshold { get; init; } = 0.5;

    /// <summary>σ_θ: the standard deviation of the regime's true strength against a move around its public estimate κ · (1 − P), drawn once per replication (how much the public indicators leave unknown).</summary>
    /// <value>The default value is 0.2 (with the default signal noise, a run of a scenario without a crisis ends in a removal about once in a hundred: docs/model.md, §2b). Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double StrengthNoise { get; init; } = 0.2;

    /// <summary>σ: the standard deviation of a commander's private reading of that strength (his own error, drawn once per replication). The global game's equilibrium is unique when σ ≤ √(2π) · σ_θ².</summary>
    /// <value>The default value is 0.1 (close to the largest the default strength noise allows, √(2π) · 0.2² ≈ 0.1003). Range: (0, 10], and at most √(2π) · <see cref="StrengthNoise"/>².</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double SignalNoise { get; init; } = 0.1;

    /// <summary>d: weeks between the decision to move and the move (a move decided at the end of week t acts at the end of week t + d).</summary>
    /// <value>The default value is 1. Range: 0 to 52.</value>
    [Range(0, 52)]
    public int DeliberationWeeks { get; init; } = 1;

    /// <summary>B: what a commander gains when a move he joined succeeds (patronage-years: the ruler's share of the rents and the control of the succession).</summary>
    /// <value>The default value is 1.5 (the order of a defector's gain, <see cref="Opposition.GainIfRegimeFalls"/>). Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double GainIfMoveSucceeds { get; init; } = 1.5;

    /// <summary>K: what a commander loses when a move he joined fails (patronage-years: prison, exile or death).</summary>
    /// <value>The default value is 4 (a failed plotter is purged: the default <see cref="Regime.PurgeCost"/>). Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double FailureCost { get; init; } = 4.0;

    /// <summary>The detection added, for the rest of the run, after a failed move (the regime hunts for accomplices).</summary>
    /// <value>The default value is 0.1. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double DetectionAfterFailedMove { get; init; } = 0.1;
}
