namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.Amnesty"/>: an amnesty worth its value (patronage-years) times escalation and credibility (docs/model.md, Eq. 3: V).</summary>
internal sealed class AmnestyEffect(double value, bool isPublic) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
        => offers.OfferValue(value * week.Strength * week.Credibility, isPublic);
}
