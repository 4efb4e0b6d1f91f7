using SanctionsSim.Model;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Actors;

namespace SanctionsSim.Calibration;

/// <summary>The statistics of one replication a <see cref="Scenarios.Cases.CaseObservation"/> is compared with.</summary>
/// <param name="Collapsed">Whether the regime collapsed within the horizon.</param>
/// <param name="CollapseWeek">The week of collapse, or −1.</param>
/// <param name="EarlyGeneralDefections">Generals defecting in the first twelve weeks.</param>
/// <param name="GeneralsDefected">Generals defecting over the horizon.</param>
/// <param name="DefectedShare">The final defected share of command strength.</param>
/// <param name="EarlyLowRankCrossings">Rank-and-file crossings in the first twelve weeks.</param>
/// <param name="LowRankCrossings">Rank-and-file crossings over the horizon.</param>
internal readonly record struct CaseStatistics(bool Collapsed, int CollapseWeek, int EarlyGeneralDefections, int GeneralsDefected, double DefectedShare, double EarlyLowRankCrossings, double LowRankCrossings)
{
    /// <summary>How the replication ended (the typology of docs/model.md, §2b); set by <see cref="From(RunResult)"/>, else derived from <see cref="Collapsed"/>.</summary>
    public OutcomeType Outcome { get; init; } = Collapsed ? OutcomeType.CollapseByDefection : OutcomeType.Survived;

    /// <summary>The outcome's week (0-based), −1 for <see cref="OutcomeType.Survived"/>.</summary>
    public int OutcomeWeek { get; init; } = Collapsed ? CollapseWeek : -1;

    /// <summary>The statistics of a replication's outcome.</summary>
    /// <param name="run">A replication (<see cref="SanctionsModel.RunSingle"/>).</param>
    /// <returns>Its statistics.</returns>
    public static CaseStatistics From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new CaseStatistics(run.Collapsed, run.CollapseWeek ?? -1, run.EarlyGeneralDefections, run.Factions.Values.Sum(f => f.GeneralsDefected),
            run.FinalDefectedShare, run.EarlyLowRankCrossings, run.Factions.Values.Sum(f => f.LowRankCrossings))
        {
            Outcome = run.Outcome,
            OutcomeWeek = run.OutcomeWeek ?? -1,
        };
    }

    internal static CaseStatistics From(RunMetrics m, int factions)
    {
        int generals = 0;
        double crossings = 0;
        for (int f = 0; f < factions; f++)
        {
            generals += m.DefectedAgents[f * 2];
            crossings += m.LowRankCrossed[f];
        }

        return new CaseStatistics(m.Collapsed, m.Collapsed ? m.CollapseWeek : -1, m.EarlyGeneralDefections, generals, m.FinalShare, m.EarlyLowRankCrossings, crossings)
        {
            Outcome = m.Outcome,
            OutcomeWeek = m.OutcomeWeek,
        };
    }
}
