using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>An outside patron as the replication reads it (hoisted from <see cref="Patron"/>).</summary>
internal sealed class PatronPlan
{
    public PatronPlan(Patron p)
    {
        Name = p.Name;
        StartWeek = p.StartWeek;
        OilPurchaseShare = p.OilPurchaseShare;
        LoansPerWeek = p.LoansPerWeek;
        DetectionAssistance = p.DetectionAssistance;
        SecondarySanctionsExposure = p.SecondarySanctionsExposurePerWeek;
        WithdrawBelow = p.WithdrawBelowCommitment;
        Commitment = new CommitmentPlan(p.Commitment);
    }

    public string Name { get; }

    public int StartWeek { get; }

    public double OilPurchaseShare { get; }

    public double LoansPerWeek { get; }

    public double DetectionAssistance { get; }

    public double SecondarySanctionsExposure { get; }

    public double WithdrawBelow { get; }

    public CommitmentPlan Commitment { get; }
}
