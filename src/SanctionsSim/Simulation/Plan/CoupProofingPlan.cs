using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>The regime's repertoire as the replication reads it (hoisted from <see cref="Model.CoupProofing"/>).</summary>
internal sealed class CoupProofingPlan
{
    public CoupProofingPlan(CoupProofing k)
    {
        IsActive = k.IsActive;
        BudgetShare = k.SecurityBudgetShare;
        ReserveDrawShare = k.ReserveDrawShare;
        ThreatThreshold = k.ThreatThreshold;
        FromContact = k.SuspicionFromContact;
        FromTies = k.SuspicionFromDefectedTies;
        FromSanctions = k.SuspicionFromSanctions;
        MaxArrests = k.MaxArrestsPerWeek;
        ArrestCost = k.ArrestCost;
        ArrestMinSuspicion = k.ArrestMinSuspicion;
        MaxRotations = k.MaxRotationsPerWeek;
        RotationCost = k.RotationCost;
        MaxPromotions = k.MaxPromotionsPerWeek;
        PromotionCost = k.PromotionCost;
        PromotionGain = k.PromotionLoyaltyGain;
        PromotionRiskReduction = k.PromotionRiskReduction;
        MaxUnits = k.MaxCounterbalancingUnitsPerWeek;
        UnitCost = k.CounterbalancingUnitCost;
        DetectionPerUnit = k.CounterbalancingDetectionPerUnit;
        ForceLoyalty = k.CounterbalancingLoyalty;
        InformationControl = k.InformationControlEffect;
        InformationControlCost = k.InformationControlCostPerWeek;
    }

    public bool IsActive { get; }

    public double BudgetShare { get; }

    public double ReserveDrawShare { get; }

    public double ThreatThreshold { get; }

    public double FromContact { get; }

    public double FromTies { get; }

    public double FromSanctions { get; }

    public int MaxArrests { get; }

    public double ArrestCost { get; }

    public double ArrestMinSuspicion { get; }

    public int MaxRotations { get; }

    public double RotationCost { get; }

    public int MaxPromotions { get; }

    public double PromotionCost { get; }

    public double PromotionGain { get; }

    public double PromotionRiskReduction { get; }

    public int MaxUnits { get; }

    public double UnitCost { get; }

    public double DetectionPerUnit { get; }

    public double ForceLoyalty { get; }

    public double InformationControl { get; }

    public double InformationControlCost { get; }
}
