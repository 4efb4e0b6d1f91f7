using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

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
}
