using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// The regime: its revenue, reserves abroad, the patronage it pays officers, its coercive capacity
/// (counter-intelligence detecting plotters), and its responses: purges, pay raises from reserves, and
/// reprisals against defectors' families. Money is in billions of US dollars.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Regime
{
    /// <summary>Oil revenue per week before sanctions (USD billion).</summary>
    /// <value>The default value is 0.5. Range: [0, 10^3].</value>
    [Range(0.0, 1000.0)]
    public double OilRevenuePerWeek { get; init; } = 0.5;

    /// <summary>Other revenue per week (USD billion).</summary>
    /// <value>The default value is 0.1. Range: [0, 10^3].</value>
    [Range(0.0, 1000.0)]
    public double OtherRevenuePerWeek { get; init; } = 0.1;

    /// <summary>Reserves held abroad at the start (USD billion).</summary>
    /// <value>The default value is 8. Range: [0, 10^5].</value>
    [Range(0.0, 1e5)]
    public double ReservesAbroad { get; init; } = 8.0;

    /// <summary>Share of revenue paid out as patronage to the officer corps.</summary>
    /// <value>The default value is 0.15. Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double PatronageShare { get; init; } = 0.15;

    /// <summary>Probability that a defection attempt is detected at the start (before defections weaken the security services).</summary>
    /// <value>The default value is 0.3. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double DetectionProbability { get; init; } = 0.3;

    /// <summary>How fast detection weakens with the defected share: detection × exp(−decay × share).</summary>
    /// <value>The default value is 6.495 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double DetectionDecay { get; init; } = 6.495;

    /// <summary>Cost to an officer of being caught and purged (patronage-years: prison, loss of everything).</summary>
    /// <value>The default value is 4. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double PurgeCost { get; init; } = 4.0;

    /// <summary>Probability that the regime punishes a defector's reachable family.</summary>
    /// <value>The default value is 0.6. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double ReprisalProbability { get; init; } = 0.6;

    /// <summary>Cost of a reprisal against family to the officer (patronage-years).</summary>
    /// <value>The default value is 2. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double ReprisalSeverity { get; init; } = 2.0;

    /// <summary>Increase of the reprisal probability after each purge wave (fear), capped at 1.</summary>
    /// <value>The default value is 0.01. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double FearIncreasePerPurge { get; init; } = 0.01;

    /// <summary>Weekly share of defected weight (of command strength) that triggers a pay raise.</summary>
    /// <value>The default value is 0.005. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double PayRaiseTrigger { get; init; } = 0.005;

    /// <summary>A pay raise's size, as a share of the patronage budget, paid from reachable reserves while they last.</summary>
    /// <value>The default value is 0.2. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double PayRaiseSize { get; init; } = 0.2;

    /// <summary>The regime's repertoire against defection (arrests, rotations, promotions, counterbalancing, information control) and its budget.</summary>
    /// <value>The default repertoire has no budget: the regime only purges detected plotters and pays raises.</value>
    public CoupProofing CoupProofing { get; init; } = new();

    /// <summary>The regime's type (Geddes, Wright &amp; Frantz 2014), a fact of the case: it picks the multipliers of <see cref="TypeEffects"/> (docs/model.md, §2f).</summary>
    /// <value>The default value is <see cref="RegimeType.Unspecified"/> (every multiplier 1: results are bit-identical to the model without regime types).</value>
    public RegimeType Type { get; init; }

    /// <summary>What each regime type does: multipliers on what officers keep if the ruler falls, on how a shortfall of rents reaches them and on the share of the high command a move needs (structural parameters).</summary>
    /// <value>The default values are assumptions with the literature's direction (docs/model.md, §2f); not calibrated.</value>
    public RegimeTypeEffects TypeEffects { get; init; } = new();
}
