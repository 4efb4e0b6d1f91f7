using SanctionsSim.Policy;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The regime: its revenue, reserves and patronage under the week's sanctions; how hard it watches (detection)
/// and threatens (reprisal against families, sharpened by fear after purges); and how it answers a week of
/// defections with a pay raise from its reachable reserves. docs/model.md, §Regime (Eq. 8–11).
/// </summary>
internal sealed class RegimeAgent
{
    private RegimePlan _plan;
    private double _reserves;
    private double _fear;
    private bool _payRaiseDue;
    private double _extraDetection;

    public RegimeAgent(RegimePlan plan) => _plan = plan;

    /// <summary>Reads another structure's regime plan (<see cref="Replication.Rebind"/>).</summary>
    public void Rebind(RegimePlan plan) => _plan = plan;

    /// <summary>R_t: this week's revenue.</summary>
    public double Revenue { get; private set; }

    /// <summary>Reserves abroad (after pay raises).</summary>
    public double Reserves => _reserves;

    /// <summary>The reserves the regime can reach this week (after freezes).</summary>
    public double ReachableReserves { get; private set; }

    /// <summary>B_t / B₀: patronage relative to the pre-sanctions budget.</summary>
    public double Patronage { get; private set; }

    /// <summary>L_t = 1 − R_t / R₀.</summary>
    public double RevenueLossShare { get; private set; }

    /// <summary>Whether a pay raise was paid this week.</summary>
    public bool PaidRaise { get; private set; }

    /// <summary>The patronage budget's complement lost to sanctions this week: (1 − patronage share) · (R₀ − R_t).</summary>
    public double HumanitarianBurden => (1 - _plan.PatronageShare) * (_plan.BaselineRevenue - Revenue);

    /// <summary>R₀ − R_t.</summary>
    public double RevenueLost => _plan.BaselineRevenue - Revenue;

    public void Reset()
    {
        _reserves = _plan.ReservesAbroad;
        _fear = 0.0;
        _payRaiseDue = false;
        _extraDetection = 0.0;
    }

    /// <summary>Sets the detection patrons and counterbalancing forces add this week (Eq. 11: inside the clamp).</summary>
    public void SetExtraDetection(double extra) => _extraDetection = extra;

    /// <summary>The repertoire spends <paramref name="fromReserves"/> from the reserves (the revenue share needs no bookkeeping: it is outside patronage).</summary>
    public void DrawReserves(double fromReserves)
    {
        _reserves -= fromReserves;
        ReachableReserves -= fromReserves;
    }

    /// <summary>Revenue (with the patrons' offsets), reachable reserves and patronage under the week's cuts; a pay raise, if due, is paid from reachable reserves (Eq. 8–10, 13).</summary>
    public void Finances(EconomyEffects cuts, double patronOffsets)
    {
        RegimePlan r = _plan;
        double revenue = (r.OilRevenuePerWeek * cuts.OilRevenueKept) + (r.OtherRevenuePerWeek * cuts.OtherRevenueKept) + patronOffsets;
        double reachable = _reserves * cuts.ReservesReachable;
        double budget = r.PatronageShare * revenue;
        PaidRaise = false;
        if (_payRaiseDue && r.PayRaiseSize > 0)
        {
            double raise = Math.Min(r.PayRaiseSize * r.BaselinePatronage, reachable);
            budget += raise;
            _reserves -= raise;
            reachable -= raise;
            PaidRaise = true;
        }

        Revenue = revenue;
        ReachableReserves = reachable;
        RevenueLossShare = 1 - (revenue / r.BaselineRevenue);
        Patronage = budget / r.BaselinePatronage;
    }

    /// <summary>q_t = clamp(q + coercion + patrons' assistance + counterbalancing) · e^{−δ s}: detection weakens as the defected share grows (Eq. 11).</summary>
    public double Detection(double coercion, double share)
        => Math.Clamp(_plan.DetectionProbability + coercion + _extraDetection, 0, 1) * Math.Exp(-_plan.DetectionDecay * share);

    /// <summary>R_t = clamp(R + fear + coercion).</summary>
    public double Reprisal(double coercion) => Math.Clamp(_plan.ReprisalProbability + _fear + coercion, 0, 1);

    /// <summary>Purges outside the week's answer (a failed move's plotters) raise fear as purges do.</summary>
    public void AddFear(int purges) => _fear = Math.Min(1, _fear + (_plan.FearIncreasePerPurge * purges));

    /// <summary>The regime answers the week: purges raise fear; a week's share gain at or above the trigger makes a pay raise due next week.</summary>
    public void Respond(int purges, double weeklyShareGain)
    {
        if (purges > 0)
        {
            _fear = Math.Min(1, _fear + (_plan.FearIncreasePerPurge * purges));
        }

        _payRaiseDue = weeklyShareGain >= _plan.PayRaiseTrigger && _plan.PayRaiseTrigger > 0;
    }
}
