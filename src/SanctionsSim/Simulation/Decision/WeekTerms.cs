namespace SanctionsSim.Simulation;

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

    /// <summary>The week's terms: the regime's detection, reprisal and patronage, the opposition's stakes, events, and the shared P(fall) (Eq. 1–2) at last week's share.</summary>
    /// <param name="decision">The decision model's plan.</param>
    /// <param name="regimePlan">The regime's plan.</param>
    /// <param name="regime">The regime this week.</param>
    /// <param name="opposition">The opposition's stakes.</param>
    /// <param name="events">The events in force.</param>
    /// <param name="share">Last week's public defected share.</param>
    /// <param name="omegaFactor">The factor on ω from the regime's information control (1 without it).</param>
    public static WeekTerms Of(DecisionPlan decision, RegimePlan regimePlan, RegimeAgent regime, OppositionAgent opposition, EventSchedule events, double share, double omegaFactor = 1.0)
    {
        var w = new WeekTerms
        {
            Detection = regime.Detection(events.Coercion, share),
            Reprisal = regime.Reprisal(events.Coercion),
            Patronage = regime.Patronage + ((1 - regimePlan.SanctionPassThrough) * (1 - regime.Patronage)), // Eq. 27: exactly π(t) when λ_π = 1
            RevenueLossShare = regime.RevenueLossShare,
            PublicShare = share,
            Shock = events.Shock,
            CrossingMultiplier = events.CrossingMultiplier,
            Omega = decision.PublicNewsWeight * omegaFactor,
            Steepness = decision.FallSteepness,
            Midpoint = decision.FallMidpoint,
            LossEffect = decision.RevenueLossFallEffect,
            Gain = opposition.GainIfRegimeFalls * regimePlan.FallGainFactor, // Eq. 26: exactly G when λ_G = 1
            Prosecution = opposition.ProsecutionCost,
            SanctionedProsecution = opposition.SanctionedProsecutionCost,
            PurgeCost = regimePlan.PurgeCost,
            Severity = regimePlan.ReprisalSeverity,
            Tau = decision.WeeklyNoise,
        };
        w.SharedFall = DecisionRule.FallProbability(Math.Clamp((w.Omega * share) + w.Shock, 0.0, 1.0), in w);
        w.IsolatedFall = DecisionRule.FallProbability(Math.Clamp(share + w.Shock, 0.0, 1.0), in w);
        return w;
    }
}
