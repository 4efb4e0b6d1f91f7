using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// The regime's repertoire against defection and its budget (docs/model.md, §Coup-proofing, Eq. 15–17): pre-emptive
/// arrests of suspected officers, rotation of commanders (breaking their ties), promotions, counterbalancing forces
/// that raise detection, and information control that lowers the public news officers see. Each week the regime
/// rates every loyal officer's suspicion from signals it can observe (reached by a contact campaign, ties to
/// defectors, personally sanctioned); when its perceived threat reaches <see cref="ThreatThreshold"/> it spends its
/// security budget greedily on the actions that remove the most perceived risk per dollar (a myopic best response).
/// With <see cref="SecurityBudgetShare"/> and <see cref="ReserveDrawShare"/> at 0 (the default) it never acts.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CoupProofing
{
    /// <summary>b: share of the week's revenue available to the repertoire.</summary>
    /// <value>The default value is 0 (no repertoire). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SecurityBudgetShare { get; init; }

    /// <summary>d: share of the reachable reserves the regime may draw on in a week of threat, after the revenue share.</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double ReserveDrawShare { get; init; }

    /// <summary>θ*: the perceived threat (last week's share gain plus the mean suspicion of loyal officers) at which the regime acts.</summary>
    /// <value>The default value is 0.01. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double ThreatThreshold { get; init; } = 0.01;

    /// <summary>w_c: suspicion of an officer reached by a contact campaign (the regime intercepts some contacts).</summary>
    /// <value>The default value is 0.5. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SuspicionFromContact { get; init; } = 0.5;

    /// <summary>w_d: suspicion per unit of the defected share of an officer's ties.</summary>
    /// <value>The default value is 1. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double SuspicionFromDefectedTies { get; init; } = 1.0;

    /// <summary>w_s: suspicion of a personally sanctioned officer (the sanctions make him a target of offers).</summary>
    /// <value>The default value is 0.2. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SuspicionFromSanctions { get; init; } = 0.2;

    /// <summary>Most officers arrested in a week.</summary>
    /// <value>The default value is 0. Range: 0 to 100,000.</value>
    [Range(0, 100_000)]
    public int MaxArrestsPerWeek { get; init; }

    /// <summary>Cost of one arrest (USD billion: investigation, detention, the officer's replacement).</summary>
    /// <value>The default value is 0.002. Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double ArrestCost { get; init; } = 0.002;

    /// <summary>Only officers at least this suspect are arrested.</summary>
    /// <value>The default value is 0.5. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double ArrestMinSuspicion { get; init; } = 0.5;

    /// <summary>Most commanders rotated in a week: a rotated officer no longer hears from his old ties.</summary>
    /// <value>The default value is 0. Range: 0 to 100,000.</value>
    [Range(0, 100_000)]
    public int MaxRotationsPerWeek { get; init; }

    /// <summary>Cost of one rotation (USD billion).</summary>
    /// <value>The default value is 0.0005. Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double RotationCost { get; init; } = 0.0005;

    /// <summary>Most promotions (or personal pay raises) in a week.</summary>
    /// <value>The default value is 0. Range: 0 to 100,000.</value>
    [Range(0, 100_000)]
    public int MaxPromotionsPerWeek { get; init; }

    /// <summary>Cost of one promotion (USD billion).</summary>
    /// <value>The default value is 0.001. Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double PromotionCost { get; init; } = 0.001;

    /// <summary>The loyalty a promotion adds to its officer (patronage-years).</summary>
    /// <value>The default value is 0.5. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double PromotionLoyaltyGain { get; init; } = 0.5;

    /// <summary>e_P: the share of an officer's risk the regime believes a promotion removes (its rating of promotions against arrests).</summary>
    /// <value>The default value is 0.5. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double PromotionRiskReduction { get; init; } = 0.5;

    /// <summary>Most units of counterbalancing forces (militia, intelligence) paid in a week.</summary>
    /// <value>The default value is 0. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int MaxCounterbalancingUnitsPerWeek { get; init; }

    /// <summary>Cost of one unit of counterbalancing forces for a week (USD billion).</summary>
    /// <value>The default value is 0.01. Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double CounterbalancingUnitCost { get; init; } = 0.01;

    /// <summary>g: the detection a fully reliable unit adds (units compound: 1 − (1 − ρg)^n).</summary>
    /// <value>The default value is 0.02. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double CounterbalancingDetectionPerUnit { get; init; } = 0.02;

    /// <summary>ρ₀: the counterbalancing forces' own loyalty at full pay; it falls with the patronage ratio (ρ = ρ₀·min(1, B/B₀)).</summary>
    /// <value>The default value is 0.9. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double CounterbalancingLoyalty { get; init; } = 0.9;

    /// <summary>m: the share of public news that information control suppresses (the public weight ω becomes ω(1 − m)); 0 disables it.</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double InformationControlEffect { get; init; }

    /// <summary>Cost of a week of information control (USD billion).</summary>
    /// <value>The default value is 0.005. Range: (0, 10].</value>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double InformationControlCostPerWeek { get; init; } = 0.005;

    /// <summary>Whether the regime has a budget to act at all.</summary>
    internal bool IsActive => (SecurityBudgetShare > 0 || ReserveDrawShare > 0)
        && (MaxArrestsPerWeek > 0 || MaxRotationsPerWeek > 0 || MaxPromotionsPerWeek > 0 || MaxCounterbalancingUnitsPerWeek > 0 || InformationControlEffect > 0);
}
