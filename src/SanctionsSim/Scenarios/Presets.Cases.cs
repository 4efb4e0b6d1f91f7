using SanctionsSim.Model;
using SanctionsSim.Policy;

namespace SanctionsSim;

/// <summary>
/// The historical case presets beside Venezuela 2019 (docs/cases.md gives every fact with its source and the coding
/// rules). A case sets facts only: sizes, revenue, instruments and their dates, events, the coded loyalty shifts
/// and identity make-up. The structural parameters (Calibration.StructuralParameters) keep the library's defaults.
/// </summary>
public static partial class Presets
{
    /// <summary>Protest size coded into a perceived-share shock: 0.05 per tenfold above 10,000 participants (docs/cases.md, §Coding rules).</summary>
    internal static double ProtestShock(double participants) => Math.Round(0.05 * Math.Log10(participants / 10_000), 3);

    /// <summary>Egypt, 25 January to mid-February 2011 (week 0 = 25 January 2011).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Egypt2011() => new()
    {
        Name = "egypt-2011",
        Description = All["egypt-2011"].Description,
        Weeks = 4,
        Factions =
        [
            // IISS Military Balance 2011 by branch, 468,500 in all (Reuters, 29 January 2011: "more than 468,000").
            // Loyalty shift −0.5: the officer corps' corporate and economic interests were threatened by the
            // succession of Gamal Mubarak and his business circle (Cook 2007; Holmes & Koehler 2020).
            new Faction { Name = "army", Generals = 700, Troops = 340_000, SeniorOfficersPerGeneral = 1, LoyaltyShift = -0.5, CollapseImportance = 1.5 },
            new Faction { Name = "air-defence", Generals = 160, Troops = 80_000, SeniorOfficersPerGeneral = 1, LoyaltyShift = -0.5 },
            new Faction { Name = "air-force", Generals = 60, Troops = 30_000, SeniorOfficersPerGeneral = 1, LoyaltyShift = -0.5 },
            new Faction { Name = "navy", Generals = 40, Troops = 18_500, SeniorOfficersPerGeneral = 1, LoyaltyShift = -0.5 },
        ],
        Regime = new Regime
        {
            // No sanctions and no reserves at risk; revenue (Suez Canal, hydrocarbons, taxes) is not the lever here.
            OilRevenuePerWeek = 0.2, OtherRevenuePerWeek = 0.8, ReservesAbroad = 36,
            ReprisalProbability = 0.2, // no record of reprisals against officers' families (coded low)
            DetectionProbability = 0.1, // no counterweight able to arrest the high command: the Republican Guard answered to the army
        },
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    // The armed forces' chief of staff and a 25-member delegation were at the Pentagon for the annual
                    // talks on 26-28 January; US officials urged restraint; Gates and Mullen called Tantawi and Anan
                    // (Reuters, 29 January 2011). US military aid: USD 1.3 bn a year, "under review" (White House).
                    new Instrument { Kind = InstrumentKind.ContactCampaign, StartWeek = 0, EndWeek = 3, ReachPerWeek = 25, Targeting = Targeting.GeneralsFirst },
                ],
            },
        ],
        Events =
        [
            new ExogenousEvent { Name = "Day of Rage (28 January): hundreds of thousands; the police withdraw", Kind = EventKind.MassProtest, Week = 0, PerceivedShareShock = ProtestShock(300_000) },
            new ExogenousEvent { Name = "March of millions (1 February)", Kind = EventKind.MassProtest, Week = 1, PerceivedShareShock = ProtestShock(1_000_000) },
            new ExogenousEvent { Name = "Nationwide protests and strikes (8-11 February)", Kind = EventKind.MassProtest, Week = 2, PerceivedShareShock = ProtestShock(1_000_000) },
        ],
    };

    /// <summary>Libya, 15 February to early March 2011 (week 0 = 15 February 2011).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Libya2011() => new()
    {
        Name = "libya-2011",
        Description = All["libya-2011"].Description,
        Weeks = 3,
        Factions =
        [
            // IISS Military Balance 2010: 76,000 (army 50,000, navy 8,000, air force 18,000); about 10,000 in elite
            // regime units including the Khamis brigade of 4,000-5,000 (NPR 2011). Units were organised along
            // tribal and regional lines; a third of the army is placed in Cyrenaica (its share of the population).
            // Eastern units: home region in revolt, staying means fighting their own towns (shift −2, as a direct
            // personal threat), and families in rebel-held towns, beyond the regime's reprisal (exposure 0.1).
            new Faction { Name = "army-east", Generals = 30, Troops = 13_000, SeniorOfficersPerGeneral = 3, LoyaltyShift = -2.0, FamilyExposureMean = 0.1 },
            new Faction { Name = "army-west", Generals = 55, Troops = 27_000, SeniorOfficersPerGeneral = 3 },
            new Faction { Name = "elite-brigades", Generals = 20, Troops = 10_000, SeniorOfficersPerGeneral = 3, LoyaltyShift = 1.0, CollapseImportance = 3.0 },
            new Faction { Name = "air-force", Generals = 35, Troops = 18_000, SeniorOfficersPerGeneral = 3 },
            new Faction { Name = "navy", Generals = 15, Troops = 8_000, SeniorOfficersPerGeneral = 3 },
        ],
        Regime = new Regime
        {
            OilRevenuePerWeek = 0.8, OtherRevenuePerWeek = 0.1, ReservesAbroad = 150,
            ReprisalProbability = 0.8, // forces fired on protesters; defectors' families threatened (coded high)
        },
        Coalition =
        [
            new Sender
            {
                Name = "un",
                JoinWeek = 1,
                Instruments =
                [
                    // Resolution 1970 (26 February 2011): asset freeze on the Gaddafi family, travel ban, arms embargo, ICC referral.
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 1, Credibility = 0.5, FreezeShare = 0.8 },
                ],
            },
            new Sender
            {
                Name = "us",
                JoinWeek = 1,
                Instruments =
                [
                    // USD 30 bn of Libyan assets frozen by the US on 28 February 2011 (US Treasury).
                    new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.2, StartWeek = 1 },
                ],
            },
        ],
        Events =
        [
            new ExogenousEvent { Name = "Day of Rage in Benghazi (17 February); the east rises", Kind = EventKind.MassProtest, Week = 0, DurationWeeks = 2, PerceivedShareShock = ProtestShock(50_000) },
            new ExogenousEvent { Name = "Forces fire on protesters in Benghazi and Tripoli", Kind = EventKind.Crackdown, Week = 0, DurationWeeks = 3, PerceivedShareShock = -0.02, CoercionShock = 0.1 },
        ],
    };

    /// <summary>Syria, March 2011 to June 2012 (week 0 = 15 March 2011).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Syria2011() => new()
    {
        Name = "syria-2011",
        Description = All["syria-2011"].Description,
        Weeks = 64,
        Factions =
        [
            // Army about 220,000 (IISS); the Republican Guard and the 4th Armoured Division, commanded by the ruler's
            // brother and drawn mostly from the Alawite minority, are the regime's core (IISS 2013: a reliable core
            // of about 50,000 by late 2012).
            new Faction
            {
                Name = "army", Generals = 600, Troops = 180_000, SeniorOfficersPerGeneral = 1,
                Identities =
                [
                    // The officer corps is dominated by Alawites, the ranks largely Sunni (about 60 % and more);
                    // officers feared collective retribution if the regime fell (McLauchlin 2010; CSM 2012).
                    new IdentityGroup { Name = "alawite", OfficerShare = 0.7, TroopShare = 0.2, LoyaltyShift = 1.0, FateIfRegimeFalls = 1.5 },
                    new IdentityGroup { Name = "sunni-and-others", OfficerShare = 0.3, TroopShare = 0.8 },
                ],
            },
            new Faction { Name = "elite-divisions", Generals = 120, Troops = 40_000, SeniorOfficersPerGeneral = 1, LoyaltyShift = 1.0, CollapseImportance = 3.0 },
        ],
        Regime = new Regime
        {
            // Oil: about 150,000 barrels a day, over a quarter of state income, 95 % of crude sold to the EU,
            // EUR 3.1 bn a year (Reuters; CSM; Guardian, 2011).
            OilRevenuePerWeek = 0.08, OtherRevenuePerWeek = 0.22, ReservesAbroad = 17,
            ReprisalProbability = 0.8,
        },
        Patrons =
        [
            new Patron { Name = "iran", LoansPerWeek = 0.02, DetectionAssistance = 0.03, Commitment = new Commitment { ProgressFromDefections = -0.5 } },
            new Patron { Name = "russia", Commitment = new Commitment { ProgressFromDefections = -0.5 } },
        ],
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    // EO 13572 (29 April 2011) and EO 13573 (18 May 2011): officials including the president;
                    // EO 13582 (18 August 2011): petroleum imports and new investment banned.
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 6, Credibility = 0.5, FreezeShare = 0.5 },
                    new Instrument { Kind = InstrumentKind.FinancialSanctions, Bite = 0.1, StartWeek = 22 },
                ],
            },
            new Sender
            {
                Name = "eu",
                JoinWeek = 8,
                Instruments =
                [
                    // Travel bans and asset freezes from 9 May 2011; the oil import ban agreed on 2 September, in force
                    // 3 September, existing contracts until 15 November 2011 (Reuters, 2 September 2011).
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 8, Credibility = 0.5, FreezeShare = 0.5 },
                    new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.9, StartWeek = 35 },
                ],
            },
            new Sender
            {
                Name = "arab-league",
                JoinWeek = 37,
                Instruments = [new Instrument { Kind = InstrumentKind.FinancialSanctions, Bite = 0.1, StartWeek = 37 }], // 27 November 2011
            },
        ],
        Events =
        [
            new ExogenousEvent { Name = "Protests spread from Daraa", Kind = EventKind.MassProtest, Week = 1, DurationWeeks = 4, PerceivedShareShock = ProtestShock(100_000) },
            new ExogenousEvent { Name = "Siege of Daraa (25 April 2011)", Kind = EventKind.Crackdown, Week = 6, DurationWeeks = 4, PerceivedShareShock = -0.02, CoercionShock = 0.1 },
            new ExogenousEvent { Name = "Hama protests (July 2011)", Kind = EventKind.MassProtest, Week = 15, DurationWeeks = 3, PerceivedShareShock = ProtestShock(500_000) },
            new ExogenousEvent { Name = "Assault on Hama (31 July 2011)", Kind = EventKind.Crackdown, Week = 20, DurationWeeks = 8, PerceivedShareShock = -0.02, CoercionShock = 0.1 },
        ],
    };

    /// <summary>Zimbabwe, November 2017 (week 0 = 6 November 2017, the vice-president's dismissal).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Zimbabwe2017() => new()
    {
        Name = "zimbabwe-2017",
        Description = All["zimbabwe-2017"].Description,
        Weeks = 3,
        Factions =
        [
            // Zimbabwe Defence Forces about 29,000 (army 25,000, air force 4,000) plus about 21,800 paramilitary police
            // (IISS). Loyalty shift −2: the purge of the vice-president's faction targeted the generals themselves;
            // staying meant an even chance of the purge (½ × the purge cost of 4 patronage-years).
            new Faction { Name = "army", Generals = 45, Troops = 25_000, SeniorOfficersPerGeneral = 3, LoyaltyShift = -2.0 },
            new Faction { Name = "air-force", Generals = 10, Troops = 4_000, SeniorOfficersPerGeneral = 3, LoyaltyShift = -2.0 },
            new Faction { Name = "police-support", Generals = 15, Troops = 21_800, SeniorOfficersPerGeneral = 3 },
        ],
        Regime = new Regime { OilRevenuePerWeek = 0, OtherRevenuePerWeek = 0.08, ReservesAbroad = 0.3 },
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    // The US Zimbabwe program (EO 13288 of 2003, EO 13391, EO 13469) listed senior officials and commanders.
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 0, Credibility = 0.3, FreezeShare = 0.5 },
                ],
            },
            new Sender
            {
                Name = "eu",
                Instruments =
                [
                    // In force in 2017: the arms embargo and measures on Robert and Grace Mugabe and Zimbabwe Defence
                    // Industries only; the other listings were suspended (Council Decision 2017/288).
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 0, Credibility = 0.2, FreezeShare = 0.2 },
                ],
            },
        ],
    };

    /// <summary>Myanmar, February 2021 to January 2023 (week 0 = 1 February 2021, the coup).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Myanmar2021() => new()
    {
        Name = "myanmar-2021",
        Description = All["myanmar-2021"].Description,
        Weeks = 104,
        Factions =
        [
            // About 150,000 soldiers, about 70,000 of them combat troops (USIP 2023); about 80,000 police. The ruler
            // is the army's own commander-in-chief (loyalty shift +0.4, like a regime-protection service); officers'
            // families live in the cantonments (family exposure 0.95).
            new Faction { Name = "army", Generals = 500, Troops = 150_000, SeniorOfficersPerGeneral = 1, LoyaltyShift = 0.4, FamilyExposureMean = 0.95, CollapseImportance = 2.0 },
            new Faction { Name = "police", Generals = 100, Troops = 80_000, SeniorOfficersPerGeneral = 1 },
        ],
        Regime = new Regime
        {
            OilRevenuePerWeek = 0.03, OtherRevenuePerWeek = 0.25, ReservesAbroad = 7,
            ReprisalProbability = 0.8, ReprisalSeverity = 2.0, // death penalty and reprisals against families
        },
        Patrons =
        [
            new Patron { Name = "china", LoansPerWeek = 0.005, Commitment = new Commitment { ProgressFromDefections = -0.5 } },
            new Patron { Name = "russia", DetectionAssistance = 0.02, Commitment = new Commitment { ProgressFromDefections = -0.5 } },
        ],
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    // EO 14014 (11 February 2021): generals named, about USD 1 bn of reserves held in the US blocked;
                    // the military conglomerates MEHL and MEC sanctioned on 25 March 2021 (Reuters).
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 1, Credibility = 0.4, FreezeShare = 0.5 },
                    new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.15, StartWeek = 1 },
                    new Instrument { Kind = InstrumentKind.FinancialSanctions, Bite = 0.1, StartWeek = 7 },
                ],
            },
            new Sender
            {
                Name = "eu",
                JoinWeek = 7,
                Instruments = [new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 7, Credibility = 0.4, FreezeShare = 0.5 }],
            },
        ],
        Events =
        [
            new ExogenousEvent { Name = "Mass protests and the general strike (February 2021)", Kind = EventKind.MassProtest, Week = 1, DurationWeeks = 4, PerceivedShareShock = ProtestShock(1_000_000) },
            new ExogenousEvent { Name = "Crackdown (27 March 2021 and after)", Kind = EventKind.Crackdown, Week = 8, DurationWeeks = 26, PerceivedShareShock = -0.02, CoercionShock = 0.1 },
        ],
    };
}
