using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>The regime's parameters as the replication reads them (hoisted from <see cref="Model.Regime"/>).</summary>
internal sealed class RegimePlan
{
    public RegimePlan(Regime r)
    {
        OilRevenuePerWeek = r.OilRevenuePerWeek;
        OtherRevenuePerWeek = r.OtherRevenuePerWeek;
        ReservesAbroad = r.ReservesAbroad;
        PatronageShare = r.PatronageShare;
        DetectionProbability = r.DetectionProbability;
        DetectionDecay = r.DetectionDecay;
        PurgeCost = r.PurgeCost;
        ReprisalProbability = r.ReprisalProbability;
        ReprisalSeverity = r.ReprisalSeverity;
        FearIncreasePerPurge = r.FearIncreasePerPurge;
        PayRaiseTrigger = r.PayRaiseTrigger;
        PayRaiseSize = r.PayRaiseSize;
        BaselineRevenue = r.OilRevenuePerWeek + r.OtherRevenuePerWeek;
        BaselinePatronage = r.PatronageShare * BaselineRevenue;
        RegimeTypeEffect type = r.TypeEffects.For(r.Type);
        FallGainFactor = type.FallGain;
        SanctionPassThrough = type.SanctionPassThrough;
    }

    public double OilRevenuePerWeek { get; }

    public double OtherRevenuePerWeek { get; }

    public double ReservesAbroad { get; }

    public double PatronageShare { get; }

    public double DetectionProbability { get; }

    public double DetectionDecay { get; }

    public double PurgeCost { get; }

    public double ReprisalProbability { get; }

    public double ReprisalSeverity { get; }

    public double FearIncreasePerPurge { get; }

    public double PayRaiseTrigger { get; }

    public double PayRaiseSize { get; }

    /// <summary>R₀: the weekly revenue without sanctions.</summary>
    public double BaselineRevenue { get; }

    /// <summary>The weekly patronage budget without sanctions.</summary>
    public double BaselinePatronage { get; }

    /// <summary>λ_G of the regime's type: the factor on a defector's gain if the ruler falls (Eq. 26); 1 when the type is not given.</summary>
    public double FallGainFactor { get; }

    /// <summary>λ_π of the regime's type: the share of the patronage shortfall that reaches the officers' decision (Eq. 27); 1 when the type is not given.</summary>
    public double SanctionPassThrough { get; }
}
