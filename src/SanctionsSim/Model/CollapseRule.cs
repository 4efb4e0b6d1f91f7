namespace SanctionsSim.Model;

/// <summary>When the regime collapses.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CollapseRule
{
    /// <summary>The critical defected share of command strength (importance-weighted troops).</summary>
    /// <value>The default value is 1/3. Range: (0, 1].</value>
    public double CriticalShare { get; init; } = 1.0 / 3.0;

    /// <summary>Optional per-faction rule: the regime also collapses when any single faction's defected share reaches this level (1 = off).</summary>
    /// <value>The default value is 1 (off). Range: (0, 1].</value>
    public double FactionCriticalShare { get; init; } = 1.0;
}
