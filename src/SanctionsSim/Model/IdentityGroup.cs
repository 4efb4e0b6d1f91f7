using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// An identity group within a faction (a sect, an ethnic group, a region): its share of the faction's officers and
/// of its rank and file, and how belonging changes loyalty, exposure to reprisal, the fate expected if the regime
/// falls, and the rank and file's readiness to cross. A Syria-like army has an in-group officer corps over
/// out-group ranks (McLauchlin 2010). docs/model.md, §Identity.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record IdentityGroup
{
    /// <summary>A name unique within the faction, for example "alawite".</summary>
    public required string Name { get; init; }

    /// <summary>Share of the faction's officers (generals and senior officers alike) in this group; the faction's groups add up to 1.</summary>
    /// <value>Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public required double OfficerShare { get; init; }

    /// <summary>Share of the faction's rank and file in this group; the faction's groups add up to 1.</summary>
    /// <value>Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public required double TroopShare { get; init; }

    /// <summary>Added to the private loyalty of the group's officers (patronage-years).</summary>
    /// <value>The default value is 0. Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double LoyaltyShift { get; init; }

    /// <summary>
    /// The loyalty shift of the group's generals, when it differs from the senior officers' (Syria 2011–13: Sunni
    /// junior and mid-level officers defected in numbers, the Sunni generals the regime had co-opted far less; Bou Nassif
    /// 2015): null keeps <see cref="LoyaltyShift"/>.
    /// </summary>
    /// <value>The default value is null (the group's <see cref="LoyaltyShift"/>). Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double? GeneralLoyaltyShift { get; init; }

    /// <summary>The loyalty shift of the group's senior officers, when it differs from the generals': null keeps <see cref="LoyaltyShift"/>.</summary>
    /// <value>The default value is null (the group's <see cref="LoyaltyShift"/>). Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double? SeniorLoyaltyShift { get; init; }

    /// <summary>Multiplies the family exposure of the group's officers (capped at 1): a group whose families live among the regime's forces is more exposed.</summary>
    /// <value>The default value is 1. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double ReprisalExposure { get; init; } = 1.0;

    /// <summary>
    /// F: the retribution a member of the group expects in the new order even after defecting (collective
    /// punishment), in patronage-years: a defector's gain if the regime falls is G − F.
    /// </summary>
    /// <value>The default value is 0. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double FateIfRegimeFalls { get; init; }

    /// <summary>Multiplies the weekly crossing rate of the group's rank and file.</summary>
    /// <value>The default value is 1. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double CrossingRateMultiplier { get; init; } = 1.0;
}
