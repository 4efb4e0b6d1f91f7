namespace SanctionsSim.Model;

/// <summary>
/// The multipliers of each regime type (docs/model.md, §2f, Eq. 26–28): what officers keep if the ruler falls
/// (Geddes 1999; Geddes, Wright &amp; Frantz 2014), how a shortfall of rents reaches them (Escribà-Folch &amp; Wright 2010)
/// and how much of the high command a move needs (Singh 2014; Quinlivan 1999). The regime's <see cref="Regime.Type"/>
/// picks one; <see cref="RegimeType.Unspecified"/> picks <see cref="RegimeTypeEffect.Neutral"/>. Structural
/// parameters, not facts of a case: the defaults are assumptions with the literature's direction and are not tuned
/// to any case.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record RegimeTypeEffects
{
    /// <summary>Personalist regimes: officers' fates are tied to the ruler's (λ_G below 1), sanctions cut the rents that fund the ruler's patronage (λ_π = 1: Escribà-Folch &amp; Wright 2010), coup-proofing splits the command (λ_κ above 1).</summary>
    /// <value>The default value is λ_G = 0.5, λ_π = 1, λ_κ = 1.5 (assumptions with the literature's direction: docs/model.md, §2f).</value>
    public RegimeTypeEffect Personalist { get; init; } = new() { FallGain = 0.5, SanctionPassThrough = 1.0, MoveThreshold = 1.5 };

    /// <summary>Military regimes: officers return to the barracks with their institution (λ_G above 1), the regime raises taxes and reallocates spending to co-optation when sanctioned (λ_π below 1: Escribà-Folch &amp; Wright 2010), and the command that rules can agree to go (λ_κ below 1).</summary>
    /// <value>The default value is λ_G = 1.5, λ_π = 0.5, λ_κ = 0.6 (assumptions with the literature's direction: docs/model.md, §2f).</value>
    public RegimeTypeEffect Military { get; init; } = new() { FallGain = 1.5, SanctionPassThrough = 0.5, MoveThreshold = 0.6 };

    /// <summary>Single-party regimes: the party, not the army, holds power; it raises taxes and reallocates spending to co-optation when sanctioned (λ_π below 1: Escribà-Folch &amp; Wright 2010); officers' stake and the command as in the pooled model.</summary>
    /// <value>The default value is λ_G = 1, λ_π = 0.5, λ_κ = 1 (assumptions: docs/model.md, §2f).</value>
    public RegimeTypeEffect SingleParty { get; init; } = new() { SanctionPassThrough = 0.5 };

    /// <summary>Mixed regimes (hybrids, monarchies, others): the pooled model until a coding rule maps a hybrid to its components.</summary>
    /// <value>The default value is every multiplier 1.</value>
    public RegimeTypeEffect Mixed { get; init; } = new();

    /// <summary>The multipliers of a regime type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its multipliers; <see cref="RegimeTypeEffect.Neutral"/> for <see cref="RegimeType.Unspecified"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined type.</exception>
    public RegimeTypeEffect For(RegimeType type) => type switch
    {
        RegimeType.Unspecified => RegimeTypeEffect.Neutral,
        RegimeType.Personalist => Personalist,
        RegimeType.Military => Military,
        RegimeType.SingleParty => SingleParty,
        RegimeType.Mixed => Mixed,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a regime type."),
    };
}
