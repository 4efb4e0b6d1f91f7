using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// How an officer turns payoffs into a choice: an explicit comparison of the utility of defecting and of
/// staying, plus logit noise, with the perceived chance that the regime falls rising with the perceived
/// defected share (the "pebbles to rocks" feedback). See docs/model.md, §Officer decision.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record DecisionModel
{
    /// <summary>Logit noise scale τ (patronage-years): each week a loyal officer defects with probability Λ(ΔU/τ). Zero gives the deterministic rule ΔU ≥ 0, a threshold on the perceived share.</summary>
    /// <value>The default value is 0.08658 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double NoiseScale { get; init; } = 0.08658;

    /// <summary>Weight ω of public news against one's own ties in the perceived defected share.</summary>
    /// <value>The default value is 0.5647 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double PublicNewsWeight { get; init; } = 0.5647;

    /// <summary>Steepness k of the perceived fall probability, logit P = k (s − m) + ψ·(revenue lost share).</summary>
    /// <value>The default value is 9.893 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: (0, 1000].</value>
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    public double FallSteepness { get; init; } = 9.893;

    /// <summary>The perceived share m at which officers expect even odds of a fall.</summary>
    /// <value>The default value is 0.3329 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double FallMidpoint { get; init; } = 0.3329;

    /// <summary>ψ: how much lost revenue (a weaker regime) raises the perceived fall probability.</summary>
    /// <value>The default value is 1. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double RevenueLossFallEffect { get; init; } = 1.0;

    /// <summary>
    /// How much the publicly visible defected share S pulls rank and file across: their weekly crossing rate is
    /// the faction's base rate times (1 + public offers + this · S) (docs/model.md, Eq. 8). With S = 0.1 the pull
    /// doubles the base rate.
    /// </summary>
    /// <value>The default value is 10 (an assumption: not calibrated; its effect on the held-out scores is measured in docs/model.md, §Constants). Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double CrossingSharePull { get; init; } = 10.0;

    /// <summary>
    /// Standard deviation of a shift of every officer's loyalty drawn once per replication: the regime's
    /// cohesion, which an analyst does not know. It makes the batch average over that uncertainty.
    /// </summary>
    /// <value>The default value is 0.3. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double CohesionUncertainty { get; init; } = 0.3;

    /// <summary>
    /// σ_g: standard deviation of each officer's grievance g_i ~ N(0, σ_g²), drawn once per replication from a stream of
    /// its own and added to his utility of defecting every week (docs/model.md, Eq. 5'): heterogeneity that stays with the
    /// officer, unlike the weekly noise. Zero switches it off.
    /// </summary>
    /// <value>The default value is 0 (off). Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double GrievanceSd { get; init; }

    /// <summary>
    /// Multiplies τ in the weekly choice only: the weekly logit scale is τ_w = τ · this (docs/model.md, Eq. 6'). With a
    /// fixed grievance (<see cref="GrievanceSd"/> &gt; 0) it sets how much of the officers' dispersion is drawn afresh every
    /// week, and with it how outcomes scale with the horizon; samples/heterogeneity.cs sets it so that the first week's
    /// hazard matches the model without grievances.
    /// </summary>
    /// <value>The default value is 1. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double WeeklyNoiseScale { get; init; } = 1.0;

    /// <summary>When true, defections cascade to equilibrium within a week (one noise draw per officer-week); otherwise they become visible the next week (weekly news cycle).</summary>
    /// <value>The default value is false.</value>
    public bool CascadeWithinWeek { get; init; }
}
