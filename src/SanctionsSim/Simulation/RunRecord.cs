using SanctionsSim.Model;
using SanctionsSim.Simulation.Actors;

namespace SanctionsSim.Simulation;

/// <summary>The headline numbers of one replication, kept when a model records runs (for per-run exports such as <c>runs.csv</c>).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record RunRecord
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
        Outcome = b.Outcome;
        OutcomeWeek = b.OutcomeWeek >= 0 ? b.OutcomeWeek : null;
        FailedHighCommandMoves = b.FailedHighCommandMoves;
    }

    /// <summary>The replication index.</summary>
    public long Replication { get; init; }

    /// <summary>How the run ended.</summary>
    public OutcomeType Outcome { get; init; }

    /// <summary>The week of <see cref="Outcome"/> (0-based), or null when the regime survived.</summary>
    public int? OutcomeWeek { get; init; }

    /// <summary>Moves of the high command that failed (their plotters purged).</summary>
    public int FailedHighCommandMoves { get; init; }

    /// <summary>True when the ruler is gone within the horizon: the regime collapsed by defection or the high command removed him (see <see cref="Outcome"/>).</summary>
    public bool Collapsed { get; init; }

    /// <summary>The week the ruler fell (0-based), or null.</summary>
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
