using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Trace;

/// <summary>
/// One replication's story, week by week: who defected (by faction and rank), who was purged and reached, the
/// rank and file, the regime's money and threats, the instruments and events in force. From
/// <see cref="SanctionsModel.Trace"/>; the same replication as in a batch with the same seed.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ReplicationTrace
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The batch seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The replication index.</summary>
    public required long Replication { get; init; }

    /// <summary>The factions, in the order of <see cref="TraceWeek.DefectionsByFaction"/>.</summary>
    public required IReadOnlyList<string> Factions { get; init; }

    /// <summary>The weeks run (up to the collapse, or the whole horizon).</summary>
    public required IReadOnlyList<TraceWeek> Weeks { get; init; }

    /// <summary>How the run ended.</summary>
    public OutcomeType Outcome { get; init; }

    /// <summary>The week of <see cref="Outcome"/> (1-based), or null when the regime survived.</summary>
    public int? OutcomeWeek { get; init; }

    /// <summary>The week the ruler fell (1-based: by defection or removed by the high command), or null.</summary>
    public int? CollapseWeek => Weeks.Count > 0 && Weeks[^1].Collapsed ? Weeks[^1].Week : null;
}
