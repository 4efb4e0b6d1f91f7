namespace SanctionsSim.Simulation;

/// <summary>The headline numbers of one replication, kept when a model records runs (for per-run exports such as <c>runs.csv</c>).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record RunRecord
{
    internal RunRecord()
    {
    }

    internal RunRecord(RunMetrics b, long replication, string[] factions)
    {
        Replication = replication;
        Collapsed = b.Collapsed;
        CollapseWeek = b.Collapsed ? b.CollapseWeek : null;
        FinalDefectedShare = b.FinalShare;
        LargestWeeklyCascade = b.LargestWeeklyCascade;
        Purges = b.Purges;
        EarlyGeneralDefections = b.EarlyGeneralDefections;
        EarlySeniorDefections = b.EarlySeniorDefections;
        EarlyLowRankCrossings = b.EarlyLowRankCrossings;
        HumanitarianBurden = b.HumanitarianTotal;
        RevenueLost = b.RevenueLostTotal;
        FinalReserves = b.WeeksRun > 0 ? b.ReservesPath[b.WeeksRun - 1] : 0;
        FirstTippingFaction = b.FirstTippingFaction >= 0 ? factions[b.FirstTippingFaction] : null;
        Cohesion = b.Cohesion;
        OfficersReached = b.Reached;
        SenderCosts = [.. b.SenderCost];
    }

    /// <summary>The replication index.</summary>
    public long Replication { get; init; }

    /// <summary>True when the regime collapsed within the horizon.</summary>
    public bool Collapsed { get; init; }

    /// <summary>The week of collapse (0-based), or null.</summary>
    public int? CollapseWeek { get; init; }

    /// <summary>The final defected share of command strength.</summary>
    public double FinalDefectedShare { get; init; }

    /// <summary>The most officers defecting in one week.</summary>
    public int LargestWeeklyCascade { get; init; }

    /// <summary>Officers purged.</summary>
    public int Purges { get; init; }

    /// <summary>Generals defecting in the first twelve weeks.</summary>
    public int EarlyGeneralDefections { get; init; }

    /// <summary>Senior officers defecting in the first twelve weeks.</summary>
    public int EarlySeniorDefections { get; init; }

    /// <summary>Rank-and-file crossings in the first twelve weeks.</summary>
    public double EarlyLowRankCrossings { get; init; }

    /// <summary>Cumulative humanitarian burden (USD billion).</summary>
    public double HumanitarianBurden { get; init; }

    /// <summary>Cumulative revenue lost (USD billion).</summary>
    public double RevenueLost { get; init; }

    /// <summary>Reserves abroad at the end (USD billion).</summary>
    public double FinalReserves { get; init; }

    /// <summary>The faction that tipped first, or null.</summary>
    public string? FirstTippingFaction { get; init; }

    /// <summary>The replication's draw of regime cohesion (the common loyalty shift).</summary>
    public double Cohesion { get; init; }

    /// <summary>Officers reached by contact campaigns.</summary>
    public int OfficersReached { get; init; }

    /// <summary>Each sender's total cost (USD billion), aligned with <see cref="SanctionsSummary.SenderNames"/>.</summary>
    public IReadOnlyList<double> SenderCosts { get; init; } = [];
}
