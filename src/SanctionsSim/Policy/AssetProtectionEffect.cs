namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.AssetProtection"/>: protects a share of a defector's assets abroad, times credibility (docs/model.md, Eq. 3: π·A).</summary>
internal sealed class AssetProtectionEffect(double share, bool isPublic) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
        => offers.ProtectAssets(Math.Min(1.0, share * week.Strength) * week.Credibility, isPublic);
}
