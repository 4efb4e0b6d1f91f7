namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.FinancialSanctions"/>: cuts other revenue and blocks the same share of reserves (docs/model.md, Eq. 8–9).</summary>
internal sealed class FinancialSanctionsEffect(double bite) : InstrumentEffect
{
    public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
    {
        double share = Math.Min(1.0, bite * week.Strength * week.AllianceMultiplier);
        economy.CutOtherRevenue(share);
        economy.BlockReserves(share);
    }
}
