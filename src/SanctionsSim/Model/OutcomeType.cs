namespace SanctionsSim.Model;

/// <summary>
/// How an episode or a run ends within its horizon (docs/model.md, §2b; docs/coding-rules.md, §Outcome types): the
/// regime survives, the ruler is removed by the high command, the regime collapses by defection, or the forces split.
/// Every run has exactly one, and every case of the case base records one; the ruler is gone in
/// <see cref="RemovedByHighCommand"/> and <see cref="CollapseByDefection"/> (what
/// <see cref="Simulation.SanctionsSummary.CollapseProbability"/> counts). The names are stable: outputs and case files
/// write them in camelCase (<c>survived</c>, <c>removedByHighCommand</c>, <c>collapseByDefection</c>, <c>split</c>;
/// <see cref="OutcomeTypes"/>).
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
