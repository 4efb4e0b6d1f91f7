namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.SecondarySanctions"/>: cuts the patrons' economic support by the bite, sharpened by escalation, at most 1 (docs/model.md, Eq. 13).</summary>
internal sealed class SecondarySanctionsEffect(double bite) : InstrumentEffect
{
    public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
        => economy.CutPatronSupport(Math.Min(1.0, bite * week.Strength));
}
