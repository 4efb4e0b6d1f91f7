using SanctionsSim.Model;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation;

/// <summary>The full outcome of one replication of a scenario: collapse, paths, defections by faction and rank, costs.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class RunResult
{
    internal RunResult(RunMetrics b, IReadOnlyList<string> factions, IReadOnlyList<string> senders, long replication)
    {
        Replication = replication;
        Collapsed = b.Collapsed;
        CollapseWeek = b.Collapsed ? b.CollapseWeek : null;
        Outcome = b.Outcome;
        OutcomeWeek = b.OutcomeWeek >= 0 ? b.OutcomeWeek : null;
        DefectedSharePath = [.. b.SharePath];
        RevenuePath = [.. b.RevenuePath[..b.WeeksRun]];
        ReservesPath = [.. b.ReservesPath[..b.WeeksRun]];
        ReachableReservesPath = [.. b.ReachableReservesPath[..b.WeeksRun]];
        HumanitarianBurdenPath = [.. b.HumanitarianPath[..b.WeeksRun]];
        NewDefectorsPath = b.NewDefectorsPath[..b.WeeksRun].Select(x => (int)x).ToArray();
        LowRankCrossingsPath = [.. b.LowRankCrossedPath[..b.WeeksRun]];
        DesertionsPath = [.. b.DesertedPath[..b.WeeksRun]];
        FinalDefectedShare = b.FinalShare;
        Purges = b.Purges;
        LargestWeeklyCascade = b.LargestWeeklyCascade;
        FirstTippingFaction = b.FirstTippingFaction >= 0 ? factions[b.FirstTippingFaction] : null;
        var byFaction = new Dictionary<string, FactionOutcome>(StringComparer.Ordinal);
        for (int f = 0; f < factions.Count; f++)
        {
            byFaction[factions[f]] = new FactionOutcome
            {
                DefectedShare = b.FactionShare[f],
                GeneralsDefected = b.DefectedAgents[f * 2],
                SeniorOfficersDefected = b.DefectedAgents[(f * 2) + 1],
                LowRankCrossings = b.LowRankCrossed[f],
                Desertions = b.Deserted[f],
            };
        }

        Factions = byFaction;
        var costs = new Dictionary<string, double>(StringComparer.Ordinal);
        var joins = new Dictionary<string, int?>(StringComparer.Ordinal);
        for (int s = 0; s < senders.Count; s++)
        {
            costs[senders[s]] = b.SenderCost[s];
            joins[senders[s]] = b.SenderJoinWeek[s] >= 0 ? b.SenderJoinWeek[s] : null;
        }

        SenderCosts = costs;
        SenderJoinWeeks = joins;
        EarlyGeneralDefections = b.EarlyGeneralDefections;
        EarlySeniorDefections = b.EarlySeniorDefections;
        EarlyLowRankCrossings = b.EarlyLowRankCrossings;
        OfficersReached = b.Reached;
        AgentSeriesPlan a = b.Agents;
        int weeks = b.SharePath.Length;
        var paths = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (int j = 0; j < a.Names.Length; j++)
        {
            paths[a.Names[j]] = b.AgentPaths.AsSpan(j * weeks, b.WeeksRun).ToArray();
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int j = 0; j < a.TotalNames.Length; j++)
        {
            totals[a.TotalNames[j]] = b.AgentTotals[j];
        }

        AgentPaths = paths;
        AgentTotals = totals;
    }

    /// <summary>
    /// The adaptive agents' state each week run, by series: "commitment/{sender or patron}" in [0, 1],
    /// "offset/{patron}" (USD billion per week), and with a coup-proofing repertoire "regime/arrests",
    /// "regime/rotations", "regime/promotions", "regime/security-spending" (USD billion), "regime/counterbalancing-detection",
    /// "regime/information-control" (1 when in force next week) and "regime/threat". Only the agents the scenario has
    /// (a sender appears when its commitment can move); empty without agents.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> AgentPaths { get; }

    /// <summary>
    /// The agents' totals over the run: "regime/arrests", "regime/rotations", "regime/promotions",
    /// "regime/security-spending", "cost/{patron}" (USD billion), and with identity groups "defected/{faction}/{identity}"
    /// (officers who defected). Empty without agents.
    /// </summary>
    public IReadOnlyDictionary<string, double> AgentTotals { get; }

    /// <summary>The replication index.</summary>
    public long Replication { get; }

    /// <summary>True when the ruler is gone within the horizon: the regime collapsed by defection or the high command removed him (see <see cref="Outcome"/>).</summary>
    public bool Collapsed { get; }

    /// <summary>The week (0-based) the ruler fell, or null.</summary>
    public int? CollapseWeek { get; }

    /// <summary>How the run ended.</summary>
    public OutcomeType Outcome { get; }

    /// <summary>The week (0-based) of <see cref="Outcome"/>, or null when the regime survived.</summary>
    public int? OutcomeWeek { get; }

    /// <summary>The importance-weighted defected share of command strength at the end of every week (carried forward after collapse).</summary>
    public IReadOnlyList<double> DefectedSharePath { get; }

    /// <summary>The regime's revenue each week run (USD billion).</summary>
    public IReadOnlyList<double> RevenuePath { get; }

    /// <summary>The regime's reserves abroad each week run (USD billion).</summary>
    public IReadOnlyList<double> ReservesPath { get; }

    /// <summary>The part of the reserves abroad the regime can reach each week (not frozen or blocked; USD billion).</summary>
    public IReadOnlyList<double> ReachableReservesPath { get; }

    /// <summary>Humanitarian burden each week run: public spending lost to sanctions outside patronage (USD billion per week).</summary>
    public IReadOnlyList<double> HumanitarianBurdenPath { get; }

    /// <summary>Officers who defected each week.</summary>
    public IReadOnlyList<int> NewDefectorsPath { get; }

    /// <summary>Rank-and-file troops crossing to the opposition each week.</summary>
    public IReadOnlyList<double> LowRankCrossingsPath { get; }

    /// <summary>Rank-and-file desertions each week.</summary>
    public IReadOnlyList<double> DesertionsPath { get; }

    /// <summary>The defected share at the end.</summary>
    public double FinalDefectedShare { get; }

    /// <summary>Officers purged after a detected defection attempt.</summary>
    public int Purges { get; }

    /// <summary>The most officers defecting in one week.</summary>
    public int LargestWeeklyCascade { get; }

    /// <summary>The first faction whose own defected share crossed the critical share (or the largest at collapse), or null.</summary>
    public string? FirstTippingFaction { get; }

    /// <summary>Per-faction outcomes, by faction name.</summary>
    public IReadOnlyDictionary<string, FactionOutcome> Factions { get; }

    /// <summary>Each sender's total cost (USD billion), by sender name.</summary>
    public IReadOnlyDictionary<string, double> SenderCosts { get; }

    /// <summary>The week each sender joined (null if never), by name.</summary>
    public IReadOnlyDictionary<string, int?> SenderJoinWeeks { get; }

    /// <summary>Generals who defected in the first twelve weeks (January–March).</summary>
    public int EarlyGeneralDefections { get; }

    /// <summary>Senior officers who defected in the first twelve weeks (January–March).</summary>
    public int EarlySeniorDefections { get; }

    /// <summary>Rank-and-file crossings in the first twelve weeks (January–March).</summary>
    public double EarlyLowRankCrossings { get; }

    /// <summary>Officers reached by contact campaigns.</summary>
    public int OfficersReached { get; }
}
