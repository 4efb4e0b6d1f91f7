using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

/// <summary>A coalition member as the replication reads it.</summary>
internal sealed class SenderPlan
{
    public SenderPlan(Sender s)
    {
        Name = s.Name;
        JoinWeek = s.JoinWeek;
        JoinWhenDefectedShareReaches = s.JoinWhenDefectedShareReaches;
        JoinProbabilityPerWeek = s.JoinProbabilityPerWeek;
        BiteMultiplierForOthers = s.BiteMultiplierForOthers;
    }

    public string Name { get; }

    public int? JoinWeek { get; }

    public double? JoinWhenDefectedShareReaches { get; }

    public double JoinProbabilityPerWeek { get; }

    public double BiteMultiplierForOthers { get; }
}
