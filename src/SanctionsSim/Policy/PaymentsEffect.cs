namespace SanctionsSim.Policy;

/// <summary>
/// <see cref="InstrumentKind.Payments"/>: payments to defectors, valued like an amnesty, that cost the sender
/// per defector who knew of them (public payments: every defector; private: reached defectors).
/// </summary>
internal sealed class PaymentsEffect(double value, bool isPublic, double costPerDefector) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
        => offers.OfferValue(value * week.Strength * week.Credibility, isPublic);

    public override double CostPerDefector(in InstrumentWeek week, bool reached) => isPublic || reached ? costPerDefector : 0;
}
