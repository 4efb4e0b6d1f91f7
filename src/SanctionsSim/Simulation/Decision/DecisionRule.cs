using System.Runtime.CompilerServices;
using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Decision;

/// <summary>
/// The officers' decision rule, defined once (docs/model.md, Eq. 1–5). An officer i of group
/// g = (class, reached, sanctioned), a class being a faction or one of its identity groups, who sees P(fall) = P gains Δ_i = U(defect) − U(stay) from defecting, which
/// is affine in the officer's own attributes:
/// <code>
///   Δ_i = A_i·β_g + γ_g(P) − E_i·α(P) − ℓ_i
///   β_g    = min(1, π_pub + [reached]·π_priv) + [sanctioned]·D·F
///   γ_g(P) = V_pub + [reached]·V_priv + P·G − q·K − B/B₀ + P·J + [sanctioned]·P·J_s − P·F_class
///   α(P)   = R·S·(1 − P)
/// </code>
/// with A assets abroad, E family exposure and ℓ loyalty. <see cref="ReferenceDelta"/> writes the same Δ as
/// the payoffs of Eq. 3–4; the kernels evaluate only these coefficients.
/// </summary>
internal static class DecisionRule
{
    /// <summary>Eq. 1: the defected share an officer with defected ties perceives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PerceivedShare(double defectedTies, double ties, in WeekTerms w)
        => Math.Clamp(((1 - w.Omega) * (defectedTies / ties)) + (w.Omega * w.PublicShare) + w.Shock, 0.0, 1.0);

    /// <summary>Eq. 2: P(fall) = Λ(k (s − m) + ψ·L).</summary>
    public static double FallProbability(double perceived, in WeekTerms w)
    {
        double x = (w.Steepness * (perceived - w.Midpoint)) + (w.LossEffect * w.RevenueLossShare);
        return 1.0 / (1.0 + Math.Exp(-x));
    }

    /// <summary>P(fall) of an officer who reads news of their own: a defected tie (Eq. 1), or no ties at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double OwnFall(double defectedTies, double ties, in WeekTerms w)
        => defectedTies > 0 ? FallProbability(PerceivedShare(defectedTies, ties, in w), in w) : ties > 0 ? w.SharedFall : w.IsolatedFall;

    /// <summary>Whether an officer's P(fall) is their own rather than their group's (<see cref="WeekTerms.SharedFall"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasOwnFall(double defectedTies, double ties) => defectedTies > 0 || !(ties > 0);

    /// <summary>α(P) = R·S·(1 − P): the weight of family exposure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Alpha(double fall, in WeekTerms w) => w.Reprisal * w.Severity * (1 - fall);

    /// <summary>The part of γ(P) common to every group: P·G − q·K − B/B₀ + P·J.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Common(double fall, in WeekTerms w) => (fall * w.Gain) - (w.Detection * w.PurgeCost) - w.Patronage + (fall * w.Prosecution);

    /// <summary>β_g: the weight of assets abroad.</summary>
    public static double Beta(in FactionOffers o, bool reached, bool sanctioned)
        => Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)) + (sanctioned ? o.Delisting * o.Freeze : 0);

    /// <summary>The offers of γ_g: V_pub + [reached]·V_priv.</summary>
    public static double Offers(in FactionOffers o, bool reached) => o.PublicOffer + (reached ? o.PrivateOffer : 0);

    /// <summary>γ_g(P) from the group's offers, the common part and its class's fate F if the regime falls (0 without identities: then exactly the value without the term).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Gamma(double offers, double common, bool sanctioned, double fall, double fate, in WeekTerms w)
        => offers + common + (sanctioned ? fall * w.SanctionedProsecution : 0) - (fall * fate);

    /// <summary>Δ_i = A_i·β + γ − E_i·α − ℓ_i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Delta(double assets, double family, double loyalty, double beta, double gamma, double alpha)
        => (assets * beta) + gamma - (family * alpha) - loyalty;

    /// <summary>The group index g = class · 4 + reached · 2 + sanctioned (a class is a faction, or one of its identity groups).</summary>
    public static int Group(int decisionClass, bool reached, bool sanctioned) => (decisionClass * 4) + (reached ? 2 : 0) + (sanctioned ? 1 : 0);
}
