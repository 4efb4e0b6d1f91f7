using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// A military faction: one branch of the armed forces (army, navy, air force, national guard, intelligence, …)
/// with its generals, the senior officers who command its units, its troop strength, and the distributions
/// its officers' attributes are sampled from.
/// </summary>
/// <remarks>
/// Every general is an agent. Below each general stand <see cref="SeniorOfficersPerGeneral"/> senior officers
/// (unit commanders), also agents. The faction's troops are split so that weights add up to
/// <see cref="Troops"/>: <see cref="StaffShare"/> is held by the generals' headquarters (equally), the rest by
/// the units (equally). Rank-and-file soldiers are not agents: their desertions and crossings to the
/// opposition are weekly flows (see <see cref="DesertionRatePerWeek"/>, <see cref="LowRankDefectionRatePerWeek"/>).
/// Utilities are in "patronage-years": 1 is what a year of the regime's rents is worth to an officer.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Faction
{
    /// <summary>A unique name, for example "national-guard".</summary>
    public required string Name { get; init; }

    /// <summary>Number of generals (admirals in the navy), each an agent.</summary>
    /// <value>Range: 1 to 100,000.</value>
    [Range(1, 100_000)]
    public required int Generals { get; init; }

    /// <summary>Senior officers (unit commanders) per general, each an agent.</summary>
    /// <value>The default value is 1. Range: 0 to 100.</value>
    [Range(0, 100)]
    public int SeniorOfficersPerGeneral { get; init; } = 1;

    /// <summary>Subordinate generals per general in the faction's chain of command among generals.</summary>
    /// <value>The default value is 6. Range: 1 to 1000.</value>
    [Range(1, 1000)]
    public int CommandBranching { get; init; } = 6;

    /// <summary>Troop strength of the faction.</summary>
    /// <value>Range: 1 to 10^8.</value>
    [Range(1, 100_000_000)]
    public required int Troops { get; init; }

    /// <summary>Share of the troops held by the generals' headquarters rather than by units.</summary>
    /// <value>The default value is 0.05. Range: [0, 1] (must be 1 when there are no senior officers).</value>
    [Range(0.0, 1.0)]
    public double StaffShare { get; init; } = 0.05;

    /// <summary>Weight of this faction's defections in the collapse rule (the guard and intelligence may matter more).</summary>
    /// <value>The default value is 1. Range: (0, 100].</value>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double CollapseImportance { get; init; } = 1.0;

    /// <summary>Mean private loyalty of generals (patronage-years).</summary>
    /// <value>The default value is 0.8464 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double GeneralLoyaltyMean { get; init; } = 0.8464;

    /// <summary>Mean private loyalty of senior officers (patronage-years).</summary>
    /// <value>The default value is -0.9293 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double SeniorLoyaltyMean { get; init; } = -0.9293;

    /// <summary>
    /// A case fact: added to the faction's officers' loyalty (generals and senior officers alike), for what sets this
    /// branch apart in this regime: vetted regime-protection services, units commanded by the ruler's family, units
    /// recruited in a region in revolt (docs/cases.md gives the coding and its sources). The means above are
    /// structural parameters shared by every case; the shift is where a case says how its branches differ.
    /// </summary>
    /// <value>The default value is 0. Range: [-100, 100].</value>
    [Range(-100.0, 100.0)]
    public double LoyaltyShift { get; init; }

    /// <summary>Standard deviation of private loyalty across officers (normal distribution).</summary>
    /// <value>The default value is 0.55. Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double LoyaltySpread { get; init; } = 0.55;

    /// <summary>Mean family exposure: the probability that an officer's family is within reach of reprisal (Beta distribution).</summary>
    /// <value>The default value is 0.8. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double FamilyExposureMean { get; init; } = 0.8;

    /// <summary>Concentration (a + b) of the Beta distribution of family exposure; larger means less spread.</summary>
    /// <value>The default value is 8. Range: (0, 10^6].</value>
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    public double FamilyExposureConcentration { get; init; } = 8.0;

    /// <summary>Share of generals personally sanctioned by the senders.</summary>
    /// <value>The default value is 0.05. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SanctionedShareGenerals { get; init; } = 0.05;

    /// <summary>Share of senior officers personally sanctioned.</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SanctionedShareSeniors { get; init; }

    /// <summary>Median assets abroad of a general (patronage-years; log-normal).</summary>
    /// <value>The default value is 0.5. Range: [0, 10^4].</value>
    [Range(0.0, 1e4)]
    public double AssetsAbroadMedianGenerals { get; init; } = 0.5;

    /// <summary>Median assets abroad of a senior officer (patronage-years; log-normal).</summary>
    /// <value>The default value is 0.1. Range: [0, 10^4].</value>
    [Range(0.0, 1e4)]
    public double AssetsAbroadMedianSeniors { get; init; } = 0.1;

    /// <summary>Log-scale spread (σ of the logarithm) of assets abroad.</summary>
    /// <value>The default value is 1.0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double AssetsAbroadLogSpread { get; init; } = 1.0;

    /// <summary>Weekly desertion rate of rank-and-file troops at baseline pay (economic exits, not counted as defection).</summary>
    /// <value>The default value is 0.001. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double DesertionRatePerWeek { get; init; } = 0.001;

    /// <summary>Extra weekly desertion rate per unit of lost patronage (pay cut share).</summary>
    /// <value>The default value is 0.002. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double DesertionPaySensitivity { get; init; } = 0.002;

    /// <summary>Weekly rate at which rank-and-file troops cross to the opposition per unit of perceived defection pull (offers known publicly plus the public defected share); counted as defected weight.</summary>
    /// <value>The default value is 9.437e-05 (the posterior median of the calibration on the historical cases, docs/cases.md). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double LowRankDefectionRatePerWeek { get; init; } = 9.437E-5;

    /// <summary>Identity groups within the faction (sect, ethnic group); empty: one undifferentiated group.</summary>
    /// <value>The default value is empty. When given, officer shares and troop shares each add up to 1.</value>
    public IReadOnlyList<IdentityGroup> Identities { get; init; } = [];
}
