using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>An exogenous event as the replication reads it.</summary>
internal sealed class EventPlan
{
    public EventPlan(ExogenousEvent e, string[]? factionNames = null, double population = 0)
    {
        Week = e.Week;
        DurationWeeks = e.DurationWeeks;
        Probability = e.Probability;
        PerceivedShareShock = e.PerceivedShareShock;
        LowRankCrossingMultiplier = e.LowRankCrossingMultiplier;
        CoercionShock = e.CoercionShock;
        IsCrackdown = e.Kind == EventKind.Crackdown;
        Participation = e.Participation > 0 ? e.Participation : e.Participants > 0 && population > 0 ? e.Participants / population : 0;
        if (factionNames is not null && e.OrderedFactions.Count > 0)
        {
            OrderedMask = new bool[factionNames.Length];
            foreach (string name in e.OrderedFactions)
            {
                OrderedMask[Array.IndexOf(factionNames, name)] = true;
            }
        }
    }

    public int Week { get; }

    public int DurationWeeks { get; }

    public double Probability { get; }

    public double PerceivedShareShock { get; }

    public double LowRankCrossingMultiplier { get; }

    public double CoercionShock { get; }

    /// <summary>Whether it is a crackdown (its orders may backfire: Eq. 23).</summary>
    public bool IsCrackdown { get; }

    /// <summary>For a crackdown, the factions ordered to carry it out (null: all).</summary>
    public bool[]? OrderedMask { get; }

    /// <summary>p_e: the participation share of the population (0: not given, the event shocks by <see cref="PerceivedShareShock"/>).</summary>
    public double Participation { get; }

    /// <summary>Whether the event (if it happens) is in force in week <paramref name="week"/>.</summary>
    public bool InForce(int week) => week >= Week && week < Week + DurationWeeks;
}
