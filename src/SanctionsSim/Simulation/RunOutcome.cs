namespace SanctionsSim.Simulation;

/// <summary>
/// How a run ends (docs/model.md, §2b): the regime survives, the ruler is removed by the high command, the regime
/// collapses by defection, or the forces split. Every run has exactly one; the ruler is gone in
/// <see cref="RemovedByHighCommand"/> and <see cref="CollapseByDefection"/> (what <see cref="SanctionsSummary.CollapseProbability"/>
/// counts). The names are stable: outputs write them in camelCase (<c>survived</c>, <c>removedByHighCommand</c>,
/// <c>collapseByDefection</c>, <c>split</c>).
/// </summary>
public enum RunOutcome
{
    /// <summary>The ruler is still in place at the end of the horizon and no faction has gone over as a body.</summary>
    Survived = 0,

    /// <summary>The high command removed the ruler by a coordinated move, the regime's apparatus intact (an endgame coup); the week is the move's.</summary>
    RemovedByHighCommand = 1,

    /// <summary>The defected share of command strength reached the collapse rule (<see cref="Model.CollapseRule"/>); the week is the collapse's.</summary>
    CollapseByDefection = 2,

    /// <summary>
    /// The ruler is still in place, but a faction's own defected share reached <see cref="Model.CollapseRule.SplitShare"/>: the
    /// branch went over as a body and fights on the other side (scenarios of at least two factions); the week is the first it did.
    /// </summary>
    Split = 3,
}
