using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Policy;

/// <summary>
/// How an agent's commitment (resolve) evolves week by week: a sender of the coalition or an outside patron of the
/// regime. Commitment c ∈ [0, 1] relaxes towards a target set by the week's pressures (docs/model.md, §Adaptive
/// agents, Eq. 12):
/// <code>
///   c* = c₀ − κ·C_t / C_tol − h·H_t / R₀ + π_d·s_t / s* + π_r·L_t + a·(c̄_t − c_t)
///   c_{t+1} = clamp(c_t + r·(c* − c_t), 0, 1)
/// </code>
/// with C_t the agent's own cost this week, H_t the humanitarian burden attributed to sanctions, s_t the defected
/// share (s* the critical share), L_t the regime's revenue lost share, and c̄_t the mean commitment of its partners
/// (the other senders, or the other patrons). With every sensitivity at 0 (the default) commitment stays at
/// <see cref="Initial"/> and the agent follows its schedule exactly as a non-adaptive one.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Commitment
{
    /// <summary>c₀: the commitment at week 0, and the level it returns to without pressure.</summary>
    /// <value>The default value is 1. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double Initial { get; init; } = 1.0;

    /// <summary>r: the share of the gap to the target closed each week.</summary>
    /// <value>The default value is 0.1. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double AdaptationRate { get; init; } = 0.1;

    /// <summary>C_tol: the weekly cost (USD billion) that, sustained, lowers the target by κ.</summary>
    /// <value>The default value is 0.1. Range: (0, 1000].</value>
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    public double CostTolerancePerWeek { get; init; } = 0.1;

    /// <summary>κ: how much the agent's own weekly cost (relative to <see cref="CostTolerancePerWeek"/>) lowers its commitment.</summary>
    /// <value>The default value is 0. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double CostSensitivity { get; init; }

    /// <summary>h: how much the humanitarian burden attributed to sanctions (relative to the regime's baseline revenue) lowers commitment: public pressure.</summary>
    /// <value>The default value is 0. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double HumanitarianSensitivity { get; init; }

    /// <summary>π_d: how much visible defections (the defected share relative to the critical share) raise commitment; negative for a patron that abandons a sinking regime.</summary>
    /// <value>The default value is 0. Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double ProgressFromDefections { get; init; }

    /// <summary>π_r: how much the regime's lost revenue share raises commitment (visible bite).</summary>
    /// <value>The default value is 0. Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double ProgressFromRevenueLoss { get; init; }

    /// <summary>a: the pull towards the partners' mean commitment (alliance cohesion).</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double AllianceCohesion { get; init; }

    /// <summary>Whether every sensitivity is 0, so commitment never moves from <see cref="Initial"/>.</summary>
    internal bool IsStatic => CostSensitivity == 0 && HumanitarianSensitivity == 0 && ProgressFromDefections == 0 && ProgressFromRevenueLoss == 0 && AllianceCohesion == 0;
}
