using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>When the regime collapses.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CollapseRule
{
    /// <summary>The critical defected share of command strength (importance-weighted troops).</summary>
    /// <value>The default value is 1/3. Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double CriticalShare { get; init; } = 1.0 / 3.0;

    /// <summary>Optional per-faction rule: the regime also collapses when any single faction's defected share reaches this level (1 = off).</summary>
    /// <value>The default value is 1 (off). Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FactionCriticalShare { get; init; } = 1.0;

    /// <summary>
    /// When a run counts as a split (<c>OutcomeType.Split</c>): a faction's own defected share reaches this level while the
    /// regime stands (the branch has gone over as a body: most of its command strength fights on the other side). Only
    /// classifies runs: it never ends one. Needs at least two factions.
    /// </summary>
    /// <value>The default value is 0.5 (a majority of the branch's troops). Range: (0, 1].</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double SplitShare { get; init; } = 0.5;
}
