using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// The amnesty as what it is (docs/model.md, §2c, Eq. 20–22): an amnesty's value is realised only if the defector is
/// protected (the regime falls, weighted by the officer's own probability that it falls, or the guarantor protects him
/// abroad); it replaces the prosecution a loyalist faces rather than adding to it (off, defectors escape the
/// prosecution cost for free and the amnesty's value comes on top: counted twice); and each officer holds his own
/// Beta belief in its credibility, with its prior mean the instrument's credibility, updated by what he sees happen to
/// earlier defectors among his ties (those who got away against those detected and purged). Value and credibility
/// then act separately, not only as their product. Off by default (<see cref="Enabled"/>): the model is then exactly
/// the model without it.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ConditionalAmnesty
{
    /// <summary>Whether amnesties are conditional on protection, replace the prosecution term, and are believed per officer.</summary>
    /// <value>The default value is false (off: results are bit-identical to the model without it).</value>
    public bool Enabled { get; init; }

    /// <summary>
    /// n₀: the weight of the prior belief in an amnesty's credibility, in observed defectors: an officer's prior is
    /// Beta(n₀·c, n₀·(1 − c)), c the instrument's credibility, and each tie seen to get away (or to be purged) adds its
    /// tie weight to the first (or second) count (Eq. 21).
    /// </summary>
    /// <value>The default value is 5 (an assumption, not calibrated: the prior is worth a handful of defectors seen; Bayesian learning from others' fate as in Kuran 1991 and Lohmann 1994). Range: (0, 10^4].</value>
    [Range(0.0, 1e4, MinimumIsExclusive = true)]
    public double PriorStrength { get; init; } = 5.0;

    /// <summary>
    /// h: the probability that the amnesty's guarantor protects a defector abroad if the regime survives (asylum,
    /// relocation), added to the asset protection the instruments in force offer; the amnesty is worth
    /// P + (1 − P)·min(1, h + π) of its value to an officer whose probability that the regime falls is P (Eq. 20).
    /// </summary>
    /// <value>The default value is 0 (an assumption: no guarantor beyond the instruments' asset protection; set it from the guarantor's record). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double ProtectionAbroad { get; init; }
}
