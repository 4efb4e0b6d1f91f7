using SanctionsSim.Model;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>What one replication measured, in arrays a worker reuses (internal; <see cref="RunResult"/> is the public snapshot, <see cref="SanctionsSummary"/> the aggregate).</summary>
internal sealed class RunMetrics
{
    public const int EarlyWeeks = 12;

    public RunMetrics(SimulationPlan plan)
    {
        int weeks = plan.Weeks;
        SharePath = new double[weeks];
        RevenuePath = new double[weeks];
        ReservesPath = new double[weeks];
        ReachableReservesPath = new double[weeks];
        HumanitarianPath = new double[weeks];
        NewDefectorsPath = new double[weeks];
        LowRankCrossedPath = new double[weeks];
        DesertedPath = new double[weeks];
        DefectedAgents = new int[plan.FactionCount * 2];
        FactionShare = new double[plan.FactionCount];
        LowRankCrossed = new double[plan.FactionCount];
        Deserted = new double[plan.FactionCount];
        SenderCostBuffer = new double[plan.Senders.Length];
        SenderCost = new double[plan.Senders.Length];
        SenderJoinWeek = new int[plan.Senders.Length];
        Agents = plan.AgentSeries;
        AgentPaths = new double[Agents.Names.Length * weeks];
        AgentTotals = new double[Agents.TotalNames.Length];
    }

    /// <summary>Which agent series and totals are recorded.</summary>
    public AgentSeriesPlan Agents { get; }

    /// <summary>The agents' weekly states: series j's week w at [j · weeks + w] (weeks run only).</summary>
    public double[] AgentPaths { get; }

    /// <summary>The agents' per-run totals.</summary>
    public double[] AgentTotals { get; }

    public double[] SharePath { get; }

    public double[] RevenuePath { get; }

    public double[] ReservesPath { get; }

    public double[] ReachableReservesPath { get; }

    public double[] HumanitarianPath { get; }

    public double[] NewDefectorsPath { get; }

    public double[] LowRankCrossedPath { get; }

    public double[] DesertedPath { get; }

    public int[] DefectedAgents { get; }

    public double[] FactionShare { get; }

    public double[] LowRankCrossed { get; }

    public double[] Deserted { get; }

    public double[] SenderCostBuffer { get; }

    public double[] SenderCost { get; }

    public int[] SenderJoinWeek { get; }

    /// <summary>True when the ruler is gone: the regime collapsed by defection, or the high command removed him.</summary>
    public bool Collapsed { get; set; }

    /// <summary>True when the ruler was removed by the high command (then <see cref="Collapsed"/> is true too).</summary>
    public bool RemovedByHighCommand { get; set; }

    /// <summary>How the run ended (set by <see cref="Finish"/>).</summary>
    public OutcomeType Outcome { get; set; }

    /// <summary>The outcome's week (0-based), −1 for <see cref="OutcomeType.Survived"/>.</summary>
    public int OutcomeWeek { get; set; }

    /// <summary>Moves the high command launched.</summary>
    public int HighCommandMoves { get; set; }

    /// <summary>Moves of the high command that failed.</summary>
    public int FailedHighCommandMoves { get; set; }

    public int CollapseWeek { get; set; }

    public int WeeksRun { get; set; }

    public double FinalShare { get; set; }

    public int Purges { get; set; }

    public int LargestWeeklyCascade { get; set; }

    public double LargestWeeklyShareGain { get; set; }

    public int FirstTippingFaction { get; set; }

    public int EarlyGeneralDefections { get; set; }

    public int EarlySeniorDefections { get; set; }

    public double EarlyLowRankCrossings { get; set; }

    public int Reached { get; set; }

    public int DefectorsReached { get; set; }

    public int PayRaiseWeeks { get; set; }

    public double RevenueLostTotal { get; set; }

    /// <summary>Σ of <see cref="HumanitarianPath"/> over the weeks run, in week order.</summary>
    public double HumanitarianTotal { get; set; }

    public double Cohesion { get; set; }

    public void Reset()
    {
        Array.Clear(SharePath);
        Array.Clear(RevenuePath);
        Array.Clear(ReservesPath);
        Array.Clear(ReachableReservesPath);
        Array.Clear(HumanitarianPath);
        Array.Clear(NewDefectorsPath);
        Array.Clear(LowRankCrossedPath);
        Array.Clear(DesertedPath);
        Array.Clear(DefectedAgents);
        Array.Clear(FactionShare);
        Array.Clear(LowRankCrossed);
        Array.Clear(Deserted);
        Array.Clear(SenderCostBuffer);
        Array.Clear(SenderCost);
        Array.Fill(SenderJoinWeek, -1);
        Array.Clear(AgentPaths);
        Array.Clear(AgentTotals);
        Collapsed = false;
        RemovedByHighCommand = false;
        Outcome = OutcomeType.Survived;
        OutcomeWeek = -1;
        HighCommandMoves = 0;
        FailedHighCommandMoves = 0;
        CollapseWeek = -1;
        WeeksRun = 0;
        FinalShare = 0;
        Purges = 0;
        LargestWeeklyCascade = 0;
        LargestWeeklyShareGain = 0;
        FirstTippingFaction = -1;
        EarlyGeneralDefections = 0;
        EarlySeniorDefections = 0;
        EarlyLowRankCrossings = 0;
        Reached = 0;
        DefectorsReached = 0;
        PayRaiseWeeks = 0;
        RevenueLostTotal = 0;
        HumanitarianTotal = 0;
    }

    /// <summary>Records week <paramref name="week"/>'s paths and running extremes.</summary>
    public void RecordWeek(int week, double share, double previousShare, int newDefectors, int purges, RegimeAgent regime)
    {
        double weeklyShareGain = share - previousShare;
        SharePath[week] = share;
        RevenuePath[week] = regime.Revenue;
        ReservesPath[week] = regime.Reserves;
        ReachableReservesPath[week] = regime.ReachableReserves;
        HumanitarianPath[week] = regime.HumanitarianBurden;
        HumanitarianTotal += HumanitarianPath[week];
        RevenueLostTotal += regime.RevenueLost;
        NewDefectorsPath[week] = newDefectors;
        Purges += purges;
        LargestWeeklyCascade = Math.Max(LargestWeeklyCascade, newDefectors);
        LargestWeeklyShareGain = Math.Max(LargestWeeklyShareGain, weeklyShareGain);
        WeeksRun = week + 1;
    }

    /// <summary>Records week <paramref name="week"/>'s agent states: adaptive senders' commitments, patrons' commitments and offsets, the regime's actions.</summary>
    public void RecordAgents(int week, int weeks, CoalitionAgent coalition, PatronAgent patrons, CoupProofingAgent regime)
    {
        AgentSeriesPlan a = Agents;
        if (a.Names.Length == 0)
        {
            return;
        }

        for (int s = 0; s < a.SenderSeries.Length; s++)
        {
            if (a.SenderSeries[s] >= 0)
            {
                AgentPaths[(a.SenderSeries[s] * weeks) + week] = coalition.Commitment(s);
            }
        }

        for (int p = 0, j = a.PatronSeries; p < a.PatronCount; p++, j += 2)
        {
            AgentPaths[(j * weeks) + week] = patrons.Commitment(p);
            AgentPaths[((j + 1) * weeks) + week] = patrons.Offset(p);
        }

        if (a.RegimeSeries >= 0)
        {
            int r = a.RegimeSeries;
            AgentPaths[(r * weeks) + week] = regime.Arrests;
            AgentPaths[((r + 1) * weeks) + week] = regime.Rotations;
            AgentPaths[((r + 2) * weeks) + week] = regime.Promotions;
            AgentPaths[((r + 3) * weeks) + week] = regime.Spending;
            AgentPaths[((r + 4) * weeks) + week] = regime.DetectionBonus;
            AgentPaths[((r + 5) * weeks) + week] = regime.InformationControl ? 1 : 0;
            AgentPaths[((r + 6) * weeks) + week] = regime.Threat;
            AgentTotals[0] += regime.Arrests;
            AgentTotals[1] += regime.Rotations;
            AgentTotals[2] += regime.Promotions;
            AgentTotals[3] += regime.Spending;
        }
    }

    /// <summary>The end of a replication: final shares, the share carried forward after a collapse, factions, costs and the early-defection counts.</summary>
    public void Finish(double share, SimulationPlan plan, OfficerCorps corps, RankAndFile troops, CollapseWatch collapse, PatronAgent patrons, HighCommandAgent highCommand)
    {
        // the outcome (docs/model.md, §2b): the ruler gone first (removed, or collapse by defection), then a split, else survived
        (Outcome, OutcomeWeek) = Collapsed ? (RemovedByHighCommand ? OutcomeType.RemovedByHighCommand : OutcomeType.CollapseByDefection, CollapseWeek)
            : collapse.SplitWeek >= 0 ? (OutcomeType.Split, collapse.SplitWeek) : (OutcomeType.Survived, -1);
        HighCommandMoves = highCommand.Moves;
        FailedHighCommandMoves = highCommand.FailedMoves;

        for (int p = 0; p < Agents.PatronCount; p++)
        {
            AgentTotals[Agents.PatronTotals + p] = patrons.TotalCost(p);
        }

        if (Agents.ClassTotals >= 0)
        {
            ReadOnlySpan<int> defected = corps.DefectWeek;
            for (int i = 0; i < defected.Length; i++)
            {
                AgentTotals[Agents.ClassTotals + plan.ClassOf[i]] += defected[i] >= 0 ? 1 : 0;
            }
        }

        SenderCostBuffer.CopyTo(SenderCost, 0);
        FinalShare = share;
        for (int w = WeeksRun; w < plan.Weeks; w++)
        {
            SharePath[w] = share; // carried forward after collapse
        }

        for (int f = 0; f < plan.FactionCount; f++)
        {
            FactionShare[f] = troops.FactionShare(f, corps);
            LowRankCrossed[f] = troops.Crossed(f);
            Deserted[f] = troops.Deserted(f);
        }

        FirstTippingFaction = collapse.FirstTipping(FactionShare, Collapsed);
        int early = Math.Min(plan.Weeks, EarlyWeeks);
        ReadOnlySpan<int> defectWeek = corps.DefectWeek;
        for (int i = 0; i < defectWeek.Length; i++)
        {
            int dw = defectWeek[i];
            if (dw >= 0 && dw < early)
            {
                if (plan.Rank[i] == SimulationPlan.RankGeneral)
                {
                    EarlyGeneralDefections++;
                }
                else
                {
                    EarlySeniorDefections++;
                }
            }
        }

        for (int w = 0; w < early; w++)
        {
            EarlyLowRankCrossings += LowRankCrossedPath[w];
        }
    }
}
