namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.ContactCampaign"/>: reaches officers in its targeting order, making private offers known to them (docs/model.md, §Contact campaigns).</summary>
internal sealed class ContactCampaignEffect(double reachPerWeek, Targeting targeting) : InstrumentEffect
{
    public override Targeting? ReachOrder => targeting;

    public override double OfficersToReach(in InstrumentWeek week) => reachPerWeek * week.Strength;
}
