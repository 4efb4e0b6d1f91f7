namespace SanctionsSim.Model;

/// <summary>
/// How an episode ended within its horizon: the four outcome types of the case base (docs/coding-rules.md,
/// §Outcome types). "The ruler is gone" is <see cref="RemovedByHighCommand"/> or <see cref="CollapseByDefection"/>.
/// </summary>
public enum OutcomeType
{
    /// <summary>The ruler still holds power at the horizon, the forces intact.</summary>
    Survived,

    /// <summary>The top brass, acting together, removed the ruler and kept the regime's apparatus (an endgame coup).</summary>
    RemovedByHighCommand,

    /// <summary>The ruler fell because forces defected or refused, unit by unit, with no coordinated move at the top.</summary>
    CollapseByDefection,

    /// <summary>Part of the forces turned as a body and fought on the other side while the rest fought for the ruler.</summary>
    Split,
}
