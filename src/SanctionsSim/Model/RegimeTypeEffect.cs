using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// What one regime type does to the officers' decision and to the high command (docs/model.md, §2f, Eq. 26–28): three
/// multipliers on quantities the model already has, each 1 for a regime whose type is not given. Structural
/// parameters: the defaults are assumptions with the literature's direction, not calibrated; the calibration can
/// estimate them (<see cref="Calibration.StructuralParameters.RegimeTypeEffects"/>).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record RegimeTypeEffect
{
    /// <summary>The neutral effect: every multiplier 1 (the type <see cref="RegimeType.Unspecified"/>).</summary>
    public static RegimeTypeEffect Neutral { get; } = new();

    /// <summary>λ_G: multiplies what officers keep if the ruler falls, a defector's gain G (<see cref="Opposition.GainIfRegimeFalls"/>, Eq. 3) and a successful plotter's gain B (<see cref="HighCommand.GainIfMoveSucceeds"/>, Eq. 17) (Eq. 26).</summary>
    /// <value>1 in an effect built without it; each type's default is its own (<see cref="RegimeTypeEffects"/>: personalist 0.5, military 1.5, single-party and mixed 1). Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double FallGain { get; init; } = 1.0;

    /// <summary>λ_π: the share of the regime's patronage shortfall 1 − π(t) that reaches the officers' patronage in their decision (Eq. 27); below 1 the regime makes up the shortfall for them (taxes, reallocated spending: Escribà-Folch &amp; Wright 2010).</summary>
    /// <value>1 in an effect built without it; each type's default is its own (<see cref="RegimeTypeEffects"/>: military and single-party 0.5, personalist and mixed 1). Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double SanctionPassThrough { get; init; } = 1.0;

    /// <summary>λ_κ: multiplies the share of the high command's weight a move needs, κ (<see cref="HighCommand.SuccessThreshold"/>), capped at 1 (Eq. 28).</summary>
    /// <value>1 in an effect built without it; each type's default is its own (<see cref="RegimeTypeEffects"/>: personalist 1.5, military 0.6, single-party and mixed 1). Range: (0, 100].</value>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double MoveThreshold { get; init; } = 1.0;
}
