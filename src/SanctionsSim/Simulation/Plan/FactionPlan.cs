using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>A faction's parameters as the replication reads them (hoisted from <see cref="Faction"/> once per scenario).</summary>
internal sealed class FactionPlan
{
    public FactionPlan(Faction f)
    {
        Name = f.Name;
        Troops = f.Troops;
        CollapseImportance = f.CollapseImportance;
        GeneralLoyaltyMean = f.GeneralLoyaltyMean + f.LoyaltyShift;
        SeniorLoyaltyMean = f.SeniorLoyaltyMean + f.LoyaltyShift;
        LoyaltySpread = f.LoyaltySpread;
        FamilyExposureMean = f.FamilyExposureMean;
        FamilyExposureBetaA = f.FamilyExposureMean * f.FamilyExposureConcentration;
        FamilyExposureBetaB = (1 - f.FamilyExposureMean) * f.FamilyExposureConcentration;
        SanctionedShareGenerals = f.SanctionedShareGenerals;
        SanctionedShareSeniors = f.SanctionedShareSeniors;
        AssetsAbroadMedianGenerals = f.AssetsAbroadMedianGenerals;
        AssetsAbroadMedianSeniors = f.AssetsAbroadMedianSeniors;
        AssetsAbroadLogSpread = f.AssetsAbroadLogSpread;
        DesertionRatePerWeek = f.DesertionRatePerWeek;
        DesertionPaySensitivity = f.DesertionPaySensitivity;
        LowRankDefectionRatePerWeek = f.LowRankDefectionRatePerWeek;
        Identities = f.Identities.ToArray();
        CrossingIdentityFactor = Identities.Length == 0 ? 1.0 : Identities.Sum(g => g.TroopShare * g.CrossingRateMultiplier);
    }

    /// <summary>The faction's identity groups (empty: one undifferentiated group).</summary>
    public IdentityGroup[] Identities { get; }

    /// <summary>Σ_k troop share_k · crossing multiplier_k: the identity make-up's effect on the rank and file's crossing rate (1 without identities).</summary>
    public double CrossingIdentityFactor { get; }

    public string Name { get; }

    public double Troops { get; }

    public double CollapseImportance { get; }

    public double GeneralLoyaltyMean { get; }

    public double SeniorLoyaltyMean { get; }

    public double LoyaltySpread { get; }

    public double FamilyExposureMean { get; }

    /// <summary>The Beta(a, b) of family exposure: a = mean · concentration.</summary>
    public double FamilyExposureBetaA { get; }

    /// <summary>b = (1 − mean) · concentration.</summary>
    public double FamilyExposureBetaB { get; }

    public double SanctionedShareGenerals { get; }

    public double SanctionedShareSeniors { get; }

    public double AssetsAbroadMedianGenerals { get; }

    public double AssetsAbroadMedianSeniors { get; }

    public double AssetsAbroadLogSpread { get; }

    public double DesertionRatePerWeek { get; }

    public double DesertionPaySensitivity { get; }

    public double LowRankDefectionRatePerWeek { get; }
}
