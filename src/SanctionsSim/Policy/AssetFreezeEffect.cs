namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.AssetFreeze"/>: blocks a share of the regime's reserves abroad (docs/model.md, Eq. 9).</summary>
internal sealed class AssetFreezeEffect(double bite) : InstrumentEffect
{
    public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
        => economy.BlockReserves(Math.Min(1.0, bite * week.Strength * week.AllianceMultiplier));
}
