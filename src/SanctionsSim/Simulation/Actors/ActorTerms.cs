using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>The week's <see cref="WeekTerms"/> from the actors' states (docs/model.md, Eq. 1–5): the terms common to every officer, made where the actors are known, so the decision rule depends on none of them.</summary>
internal static class ActorTerms
{
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
