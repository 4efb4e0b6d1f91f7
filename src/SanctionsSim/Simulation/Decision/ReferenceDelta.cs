using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Decision;

/// <summary>
/// Δ = U(defect) − U(stay) written as the payoffs of docs/model.md, Eq. 3–4, term by term, for reading and
/// for testing the kernels against (<see cref="DecisionRule"/> gives the same value, regrouped).
/// </summary>
internal static class ReferenceDelta
{
    /// <summary>Δ for one officer at fall probability <paramref name="fall"/>.</summary>
    /// <param name="assets">A_i: assets abroad (patronage-years).</param>
    /// <param name="family">E_i: family exposure in [0, 1].</param>
    /// <param name="loyalty">ℓ_i: loyalty.</param>
    /// <param name="reached">Whether a contact campaign reached the officer (private offers known).</param>
    /// <param name="sanctioned">Whether the officer is personally sanctioned.</param>
    /// <param name="o">The offers to the officer's faction.</param>
    /// <param name="w">The week's terms.</param>
    /// <param name="fall">P(fall) as the officer sees it.</param>
    /// <param name="fate">F: the fate the officer's identity group expects after defecting if the regime falls (0 without identities).</param>
    public static double Evaluate(double assets, double family, double loyalty, bool reached, bool sanctioned, in FactionOffers o, in WeekTerms w, double fall, double fate = 0)
    {
        // Eq. 3: U(defect) = V + π·A [+ D·F·A if sanctioned] + P·(G − F_class) − q·K − (1 − P)·R·S·E
        double offers = o.PublicOffer + (reached ? o.PrivateOffer : 0);
        double protectedAssets = Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)) * assets;
        double delisting = sanctioned ? o.Delisting * o.Freeze * assets : 0;
        double reprisal = (1 - fall) * w.Reprisal * w.Severity * family;
        double defect = offers + protectedAssets + delisting + (fall * (w.Gain - fate)) - (w.Detection * w.PurgeCost) - reprisal;

        // Eq. 4: U(stay) = ℓ + B/B₀ − P·(J [+ J_s if sanctioned])
        double prosecution = w.Prosecution + (sanctioned ? w.SanctionedProsecution : 0);
        double stay = loyalty + w.Patronage - (fall * prosecution);

        return defect - stay; // Eq. 5
    }

    /// <summary>
    /// Δ with the revised mechanisms on (docs/model.md, Eq. 20–23), term by term: the conditional amnesty and an order
    /// to repress. U(stay) is Eq. 4; U(defect) is Eq. 3 (its offers V without the amnesties, which have their own
    /// channel) minus the prosecution a defector now faces too, P·(J [+ J_s]), plus the amnesty as the officer
    /// believes it and is protected, A·c_i·Π_i, plus the order's cost ρ·g_k while his unit is ordered to repress.
    /// </summary>
    /// <param name="assets">A_i.</param>
    /// <param name="family">E_i.</param>
    /// <param name="loyalty">ℓ_i.</param>
    /// <param name="reached">Whether a contact campaign reached the officer.</param>
    /// <param name="sanctioned">Whether the officer is personally sanctioned.</param>
    /// <param name="o">The offers to the officer's faction (amnesties in their channel).</param>
    /// <param name="w">The week's terms (with J and J_s as the scenario has them).</param>
    /// <param name="fall">P_i.</param>
    /// <param name="fate">F of the officer's identity group.</param>
    /// <param name="priorStrength">n₀.</param>
    /// <param name="protectionAbroad">h.</param>
    /// <param name="honoured">H_i: the tie weight the officer saw defect and get away.</param>
    /// <param name="punished">X_i: the tie weight the officer saw detected and purged.</param>
    /// <param name="orderCost">ρ·g_k if the officer's unit is ordered to repress this week, else 0.</param>
    public static double EvaluateRevised(double assets, double family, double loyalty, bool reached, bool sanctioned, in FactionOffers o, in WeekTerms w, double fall, double fate, double priorStrength, double protectionAbroad, double honoured, double punished, double orderCost)
    {
        // Eq. 21: the officer's Beta belief in the amnesties' credibility, prior mean c̄ (their value-weighted credibility)
        double value = o.AmnestyPublicValue + (reached ? o.AmnestyPrivateValue : 0);
        double credited = o.AmnestyPublicCredited + (reached ? o.AmnestyPrivateCredited : 0);
        double prior = value > 0 ? credited / value : 0;
        double credibility = ((priorStrength * prior) + honoured) / (priorStrength + honoured + punished);

        // Eq. 20: protected if the regime falls, or else abroad by the guarantor (h, plus the instruments' asset protection)
        double abroad = Math.Min(1.0, protectionAbroad + Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)));
        double protection = fall + ((1 - fall) * abroad);
        double amnesty = value * credibility * protection;

        // the prosecution a loyalist faces (Eq. 4) a defector now faces too, unless amnestied: it cancels in Δ
        double prosecution = fall * (w.Prosecution + (sanctioned ? w.SanctionedProsecution : 0));
        double previous = Evaluate(assets, family, loyalty, reached, sanctioned, in o, in w, fall, fate); // Eq. 5 with U(defect) of Eq. 3
        return previous - prosecution + amnesty + orderCost; // Eq. 22
    }
}
