namespace SanctionsSim.Policy;

/// <summary>
/// <see cref="InstrumentKind.Amnesty"/>: an amnesty worth its value (patronage-years) times escalation and credibility
/// (docs/model.md, Eq. 3: V); with the conditional amnesty on, its value and credibility go to the amnesty channel
/// instead, where each officer weighs them by his own belief and protection (Eq. 20–22).
/// </summary>
internal sealed class AmnestyEffect(double value, bool isPublic) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
        => offers.OfferAmnesty(value * week.Strength, week.Credibility, isPublic);
}
