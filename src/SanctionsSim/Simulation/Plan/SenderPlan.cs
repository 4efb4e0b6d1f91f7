using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Plan;

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
        Commitment = new CommitmentPlan(s.Commitment);
        JoinWhenCommitmentReaches = s.JoinWhenCommitmentReaches;
        LiftBelowCommitment = s.LiftBelowCommitment;
        EaseBelowCommitment = s.EaseBelowCommitment;
        EscalateAboveCommitment = s.EscalateAboveCommitment;
        CredibilityElasticity = s.CredibilityElasticity;
        LiftLagWeeks = s.LiftLagWeeks;
        LiftLagWeeksAfterRemoval = s.LiftLagWeeksAfterRemoval;
    }

    /// <summary>Weeks its instruments stay in force after a collapse by defection.</summary>
    public int LiftLagWeeks { get; }

    /// <summary>Weeks its instruments stay in force after the high command removes the ruler.</summary>
    public int LiftLagWeeksAfterRemoval { get; }

    public CommitmentPlan Commitment { get; }

    public double? JoinWhenCommitmentReaches { get; }

    public double LiftBelowCommitment { get; }

    public double EaseBelowCommitment { get; }

    public double EscalateAboveCommitment { get; }

    public double CredibilityElasticity { get; }

    public string Name { get; }

    public int? JoinWeek { get; }

    public double? JoinWhenDefectedShareReaches { get; }

    public double JoinProbabilityPerWeek { get; }

    public double BiteMultiplierForOthers { get; }
}
