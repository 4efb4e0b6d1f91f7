namespace SanctionsSim.Simulation.Decision;

/// <summary>The terms of the decision rule common to every officer in one week (docs/model.md, Eq. 1–5).</summary>
internal struct WeekTerms
{
    /// <summary>q_t: probability that an attempt to defect is detected (and purged).</summary>
    public double Detection;

    /// <summary>R_t: probability of reprisal against the family of a defector whose side loses.</summary>
    public double Reprisal;

    /// <summary>B_t / B₀: patronage relative to the pre-sanctions budget, as it reaches the officers (Eq. 27: the regime type's pass-through of the shortfall).</summary>
    public double Patronage;

    /// <summary>L_t = 1 − R_t / R₀: the share of revenue lost.</summary>
    public double RevenueLossShare;

    /// <summary>s_{t−1}: last week's public defected share.</summary>
    public double PublicShare;

    /// <summary>Σ of the perceived-share shocks of events in force.</summary>
    public double Shock;

    /// <summary>Product of the rank-and-file crossing multipliers of events in force.</summary>
    public double CrossingMultiplier;

    /// <summary>ω: weight of public news against the officer's own ties.</summary>
    public double Omega;

    /// <summary>k: steepness of P(fall).</summary>
    public double Steepness;

    /// <summary>m: midpoint of P(fall).</summary>
    public double Midpoint;

    /// <summary>ψ: effect of lost revenue on P(fall).</summary>
    public double LossEffect;

    /// <summary>G: gain of a defector if the regime falls (times the regime type's λ_G, Eq. 26).</summary>
    public double Gain;

    /// <summary>J: prosecution cost to a loyalist if the regime falls.</summary>
    public double Prosecution;

    /// <summary>J_s: the extra prosecution cost of a sanctioned loyalist.</summary>
    public double SanctionedProsecution;

    /// <summary>K: the cost of being purged.</summary>
    public double PurgeCost;

    /// <summary>S: severity of a reprisal.</summary>
    public double Severity;

    /// <summary>τ: decision noise (0: deterministic).</summary>
    public double Tau;

    /// <summary>P(fall) of an officer with ties none of which has defected (perceived share ω·s + shock).</summary>
    public double SharedFall;

    /// <summary>P(fall) of an officer without ties (perceived share s + shock).</summary>
    public double IsolatedFall;
}
