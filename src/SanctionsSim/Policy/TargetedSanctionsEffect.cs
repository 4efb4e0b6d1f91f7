namespace SanctionsSim.Policy;

/// <summary>
/// <see cref="InstrumentKind.TargetedSanctions"/>: freezes a share of personally sanctioned officers' assets while
/// they stay and, with delisting on defection, promises (with its credibility) to lift it when they defect
/// (docs/model.md, Eq. 3: the term D·F·A for sanctioned officers).
/// </summary>
internal sealed class TargetedSanctionsEffect(double freezeShare, bool delistOnDefection) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
    {
        offers.FreezeSanctionedAssets(freezeShare);
        if (delistOnDefection)
        {
            offers.PromiseDelisting(week.Credibility);
        }
    }
}
