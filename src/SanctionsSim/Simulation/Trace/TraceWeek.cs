namespace SanctionsSim.Simulation.Trace;

/// <summary>One week of a replication's story (<see cref="ReplicationTrace"/>).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TraceWeek
{
    /// <summary>The week (1-based, as people count).</summary>
    public required int Week { get; init; }

    /// <summary>The defected share of command strength at the end of the week.</summary>
    public required double DefectedShare { get; init; }

    /// <summary>Generals who defected this week.</summary>
    public required int GeneralDefections { get; init; }

    /// <summary>Senior officers who defected this week.</summary>
    public required int SeniorDefections { get; init; }

    /// <summary>Officers who defected this week, per faction (in the scenario's order, see <see cref="ReplicationTrace.Factions"/>).</summary>
    public required IReadOnlyList<int> DefectionsByFaction { get; init; }

    /// <summary>Officers caught trying to defect this week (purged).</summary>
    public required int Purges { get; init; }

    /// <summary>Rank-and-file soldiers who crossed to the opposition this week.</summary>
    public required double Crossings { get; init; }

    /// <summary>Rank-and-file soldiers who deserted this week.</summary>
    public required double Desertions { get; init; }

    /// <summary>Officers a contact campaign reached this week.</summary>
    public required int OfficersReached { get; init; }

    /// <summary>The regime's revenue this week (USD bn).</summary>
    public required double Revenue { get; init; }

    /// <summary>The reserves the regime could reach this week (USD bn).</summary>
    public required double ReachableReserves { get; init; }

    /// <summary>Patronage relative to before sanctions (1 = unchanged).</summary>
    public required double Patronage { get; init; }

    /// <summary>The probability that an attempt to defect was detected this week.</summary>
    public required double Detection { get; init; }

    /// <summary>The probability of reprisal against a defector's family this week.</summary>
    public required double Reprisal { get; init; }

    /// <summary>Whether the regime paid a pay raise this week.</summary>
    public required bool PayRaise { get; init; }

    /// <summary>The instruments in force this week, as "sender: kind" (escalated ones marked).</summary>
    public required IReadOnlyList<string> InstrumentsInForce { get; init; }

    /// <summary>The events in force this week.</summary>
    public required IReadOnlyList<string> EventsInForce { get; init; }

    /// <summary>Whether the ruler fell this week (the regime collapsed by defection, or the high command removed him).</summary>
    public required bool Collapsed { get; init; }

    /// <summary>The share of command strength held by the high command's members willing to move against the ruler this week (0 when the high command is off, or a move is pending).</summary>
    public double HighCommandWillingWeight { get; init; }

    /// <summary>What the high command did this week, in words ("the high command decided to move; the move is due in week 3", "… removed the ruler", "… move failed: 2 plotters purged"), or null.</summary>
    public string? HighCommandMove { get; init; }

    /// <summary>The adaptive agents' state this week, by series (as <see cref="RunResult.AgentPaths"/>: "commitment/eu", "offset/russia", "regime/arrests", …); empty without agents.</summary>
    public IReadOnlyDictionary<string, double> Agents { get; init; } = new Dictionary<string, double>();
}
