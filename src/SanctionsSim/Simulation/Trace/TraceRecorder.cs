using SanctionsSim.Policy;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Trace;

/// <summary>Collects a replication's weekly story when tracing (<see cref="SanctionsModel.Trace"/>); batches never create one.</summary>
internal sealed class TraceRecorder
{
    private readonly SimulationPlan _plan;
    private readonly string[] _instrumentNames;
    private readonly string[] _eventNames;

    public TraceRecorder(SimulationPlan plan)
    {
        _plan = plan;
        var names = new List<string>();
        foreach (var sender in plan.Scenario.Coalition)
        {
            foreach (Instrument ins in sender.Instruments)
            {
                names.Add($"{sender.Name}: {ins.Kind}");
            }
        }

        _instrumentNames = [.. names];
        _eventNames = plan.Scenario.Events.Select(e => e.Name).ToArray();
    }

    public List<TraceWeek> Weeks { get; } = [];

    public void Record(int week, double share, ReadOnlySpan<int> newDefectors, int purges, int reached, RegimeAgent regime, in WeekTerms terms, CoalitionAgent coalition, EventSchedule events, RunMetrics metrics, bool collapsed, HighCommandAgent highCommand, bool removed)
    {
        var byFaction = new int[_plan.FactionCount];
        int generals = 0, seniors = 0;
        foreach (int officer in newDefectors)
        {
            byFaction[_plan.FactionOf[officer]]++;
            if (_plan.Rank[officer] == SimulationPlan.RankGeneral)
            {
                generals++;
            }
            else
            {
                seniors++;
            }
        }

        var inForce = new List<string>();
        for (int k = 0; k < _instrumentNames.Length; k++)
        {
            if (coalition.IsActive(k))
            {
                inForce.Add(_instrumentNames[k] + (coalition.IsEscalated(k) ? " (escalated)" : string.Empty));
            }
        }

        var agents = new Dictionary<string, double>(StringComparer.Ordinal);
        string[] series = metrics.Agents.Names;
        for (int j = 0; j < series.Length; j++)
        {
            agents[series[j]] = metrics.AgentPaths[(j * _plan.Weeks) + week];
        }

        Weeks.Add(new TraceWeek
        {
            Agents = agents,
            Week = week + 1,
            DefectedShare = share,
            GeneralDefections = generals,
            SeniorDefections = seniors,
            DefectionsByFaction = byFaction,
            Purges = purges,
            Crossings = metrics.LowRankCrossedPath[week],
            Desertions = metrics.DesertedPath[week],
            OfficersReached = reached,
            Revenue = regime.Revenue,
            ReachableReserves = regime.ReachableReserves,
            Patronage = regime.Patronage,
            Detection = terms.Detection,
            Reprisal = terms.Reprisal,
            PayRaise = regime.PaidRaise,
            InstrumentsInForce = inForce,
            EventsInForce = events.InForce(week).Select(i => _eventNames[i]).ToArray(),
            Collapsed = collapsed,
            HighCommandWillingWeight = highCommand.WillingWeight,
            HighCommandMove = Move(highCommand, removed),
        });
    }

    /// <summary>What the high command did this week, in words (null when nothing).</summary>
    private static string? Move(HighCommandAgent h, bool removed)
    {
        string? launched = h.Launched ? "the high command decided to move" : null;
        string? acted = removed ? "the high command removed the ruler"
            : h.FailedThisWeek ? $"the high command's move failed: {h.PurgedThisWeek} plotters purged"
            : h.Launched ? $"the move is due in week {h.MoveWeek + 1}" : null;
        return launched is null ? acted : acted is null ? launched : launched + "; " + acted;
    }
}
