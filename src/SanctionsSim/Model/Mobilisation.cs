using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// Protest participation as a share of the population (docs/model.md, §2e, Eq. 24–25): an event that gives its
/// participation (<see cref="ExogenousEvent.Participation"/>, or <see cref="ExogenousEvent.Participants"/> out of
/// <see cref="Population"/>) shocks the perceived defected share by the case base's coding rule PR1,
/// <see cref="ShockPerTenfold"/> per tenfold of the share above <see cref="ThresholdShare"/> (Chenoweth &amp; Stephan
/// 2011 measure participation as a share of the population), and its participation grows with the defected share
/// (defections feed mobilisation) and with the repression in force (backlash). Off by default (<see cref="Enabled"/>):
/// events then shock by their <see cref="ExogenousEvent.PerceivedShareShock"/> as before.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Mobilisation
{
    /// <summary>Whether an event that gives its participation shocks by its (mobilised) share of the population instead of its own shock.</summary>
    /// <value>The default value is false (off: results are bit-identical to the model without it).</value>
    public bool Enabled { get; init; }

    /// <summary>The country's population (persons): the denominator of an event's <see cref="ExogenousEvent.Participants"/>; 0 when not given (events must then give their participation as a share).</summary>
    /// <value>The default value is 0 (not given). Range: [0, 10^10].</value>
    [Range(0.0, 1e10)]
    public double Population { get; init; }

    /// <summary>κ_p: the shock to the perceived defected share per tenfold of participation above the threshold (coding rule PR1).</summary>
    /// <value>The default value is 0.05 (PR1, docs/coding-rules.md). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double ShockPerTenfold { get; init; } = 0.05;

    /// <summary>p₀: the participation share below which a protest shocks nothing (coding rule PR1).</summary>
    /// <value>The default value is 0.001 (0.1 %: PR1, docs/coding-rules.md). Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double ThresholdShare { get; init; } = 0.001;

    /// <summary>φ_s: how participation grows with last week's defected share s: p_t = p · exp(φ_s·s + φ_c·C_t) (Eq. 24; defections and mass participation reinforce each other: Chenoweth &amp; Stephan 2011, ch. 2).</summary>
    /// <value>The default value is 2 (an assumption, not calibrated: a defected share of 1/3 about doubles participation). Range: [−100, 100].</value>
    [Range(-100.0, 100.0)]
    public double DefectionFeedback { get; init; } = 2.0;

    /// <summary>φ_c: how participation grows (or, negative, shrinks) with the coercion C_t of the crackdowns in force (Eq. 24; repression's backlash: Hess &amp; Martin 2006; Chenoweth &amp; Stephan 2011, ch. 3).</summary>
    /// <value>The default value is 1 (an assumption: a crackdown of coding rule PR2, coercion 0.1, raises participation by about 10 %). Range: [−100, 100].</value>
    [Range(-100.0, 100.0)]
    public double RepressionFeedback { get; init; } = 1.0;
}
