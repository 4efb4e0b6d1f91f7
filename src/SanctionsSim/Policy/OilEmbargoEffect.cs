namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.OilEmbargo"/>: cuts oil revenue by the bite, sharpened by the alliance and escalation, at most 1 (docs/model.md, Eq. 8).</summary>
internal sealed class OilEmbargoEffect(double bite) : InstrumentEffect
{
    public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
        => economy.CutOilRevenue(Math.Min(1.0, bite * week.Strength * week.AllianceMultiplier));
}
