namespace SanctionsSim.Model;

/// <summary>
/// The regime's type after Geddes, Wright &amp; Frantz (2014): who rules, and so who holds the guns, what officers keep
/// if the ruler falls and how a shortfall of rents reaches them (docs/model.md, §2f). A fact of the case; the case base
/// records it with every case (coding rule E2).
/// </summary>
public enum RegimeType
{
    /// <summary>Not given: every multiplier of <see cref="RegimeTypeEffects"/> is 1, and the model is exactly the model without regime types.</summary>
    Unspecified = 0,

    /// <summary>Personalist: power rests on one ruler's discretion over the military and the state's rents.</summary>
    Personalist = 1,

    /// <summary>Military: a group of officers decides who rules and what policy is.</summary>
    Military = 2,

    /// <summary>Single-party: a party controls access to office and policy; the army is one of its constituencies.</summary>
    SingleParty = 3,

    /// <summary>Mixed: a hybrid of the three (party-personal, military-personal, party-military, or all three), a monarchy, or another type.</summary>
    Mixed = 4,
}
