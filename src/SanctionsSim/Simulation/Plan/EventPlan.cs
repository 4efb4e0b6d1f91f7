using SanctionsSim.Model;

namespace SanctionsSim.Simulation;

/// <summary>An exogenous event as the replication reads it.</summary>
internal sealed class EventPlan
{
    public EventPlan(ExogenousEvent e)
    {
        Week = e.Week;
        DurationWeeks = e.DurationWeeks;
        Probability = e.Probability;
        PerceivedShareShock = e.PerceivedShareShock;
        LowRankCrossingMultiplier = e.LowRankCrossingMultiplier;
        CoercionShock = e.CoercionShock;
    }

    public int Week { get; }

    public int DurationWeeks { get; }

    public double Probability { get; }

    public double PerceivedShareShock { get; }

    public double LowRankCrossingMultiplier { get; }

    public double CoercionShock { get; }

    /// <summary>Whether the event (if it happens) is in force in week <paramref name="week"/>.</summary>
    public bool InForce(int week) => week >= Week && week < Week + DurationWeeks;
}
