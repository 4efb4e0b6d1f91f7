using SanctionsSim.Model;
using SanctionsSim.Policy;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// Built-in scenarios. <c>venezuela-2019</c> is the default: the 2019 policies as they were (docs/model.md,
/// §Venezuela 2019, gives every number with its source). The counterfactuals change one or more levers:
/// a credible amnesty with asset protection, EU oil sanctions, a wide contact campaign, lower reprisal risk.
/// </summary>
public static partial class Presets
{
    /// <summary>The name of the default preset.</summary>
    public const string Default = "venezuela-2019";

    private static readonly Dictionary<string, (string Description, Func<Scenario> Build)> All = new(StringComparer.Ordinal)
    {
        ["venezuela-2019"] = ("Venezuela 2019 baseline: US oil, financial and personal sanctions, recognition of the interim president, a very limited contact campaign, a low-credibility amnesty law; EU recognition and asset blocking without oil sanctions.", Venezuela2019),
        ["venezuela-2019-amnesty"] = ("Counterfactual: a credible amnesty with protection of defectors' assets abroad, guaranteed by the US and the EU.", () => WithAmnesty(Venezuela2019(), "venezuela-2019-amnesty")),
        ["venezuela-2019-eu-oil"] = ("Counterfactual: the EU joins oil sanctions from March 2019 and sharpens the US embargo.", () => WithEuOil(Venezuela2019(), "venezuela-2019-eu-oil")),
        ["venezuela-2019-contact"] = ("Counterfactual: a wide US contact campaign (150 officers a week, generals first) with private payment offers.", () => WithContact(Venezuela2019(), "venezuela-2019-contact")),
        ["venezuela-2019-low-reprisal"] = ("Counterfactual: lower reprisal risk (families moved abroad or protected): reprisal probability 0.2 instead of 0.6.", () => WithLowReprisal(Venezuela2019(), "venezuela-2019-low-reprisal")),
        ["venezuela-2019-amnesty-contact"] = ("Counterfactual: credible amnesty with asset protection, plus the wide contact campaign.", () => WithContact(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-contact")),
        ["venezuela-2019-amnesty-low-reprisal"] = ("Counterfactual: credible amnesty with asset protection, plus lower reprisal risk.", () => WithLowReprisal(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-low-reprisal")),
        ["venezuela-2019-all"] = ("Counterfactual: all four levers together (amnesty with asset protection, EU oil sanctions, wide contact campaign, lower reprisal risk).", () => WithLowReprisal(WithContact(WithEuOil(WithAmnesty(Venezuela2019(), ""), ""), ""), "venezuela-2019-all")),
        ["venezuela-2019-eu-wavers"] = ("Counterfactual (agents): European publics weigh the humanitarian burden three times as heavily; the EU's commitment falls and it lifts its asset freeze.", () => WithEuWavering(Venezuela2019(), "venezuela-2019-eu-wavers")),
        ["venezuela-2019-amnesty-eu-wavers"] = ("Counterfactual (agents): the credible amnesty with asset protection, while the EU wavers: its guarantee of defectors' assets loses credibility with its commitment.", () => WithEuWavering(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-eu-wavers")),
        ["venezuela-2019-no-patrons"] = ("Counterfactual (agents): Russia, China and Cuba withdraw their support (no oil purchases, no security assistance).", () => WithoutPatrons(Venezuela2019(), "venezuela-2019-no-patrons")),
        ["venezuela-2019-secondary-sanctions"] = ("Counterfactual (agents): US secondary sanctions on the patrons' oil trade from March 2019 cut 70 % of their support (in fact imposed on Rosneft's trading arms in February 2020).", () => WithSecondarySanctions(Venezuela2019(), "venezuela-2019-secondary-sanctions")),
        ["venezuela-2019-amnesty-no-patrons"] = ("Counterfactual (agents): the credible amnesty with asset protection, while Russia, China and Cuba withdraw their support.", () => WithoutPatrons(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-no-patrons")),
        ["venezuela-2019-amnesty-secondary-sanctions"] = ("Counterfactual (agents): the credible amnesty with asset protection, plus US secondary sanctions on the patrons from March 2019.", () => WithSecondarySanctions(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-secondary-sanctions")),
        ["venezuela-2019-amnesty-no-coup-proofing"] = ("Counterfactual (agents): the credible amnesty with asset protection against a regime without its coup-proofing repertoire (no pre-emptive arrests, rotations, promotions, militia or information control).", () => WithoutCoupProofing(WithAmnesty(Venezuela2019(), ""), "venezuela-2019-amnesty-no-coup-proofing")),
    };

    /// <summary>The names of every preset: the built-in scenarios, then the case base's cases (<see cref="CaseBase"/>) whose names no built-in scenario takes (<c>venezuela-2019</c> is the analysis scenario; its coded case is <c>CaseBase.Get("venezuela-2019")</c>).</summary>
    public static IReadOnlyList<string> Names => [.. All.Keys, .. CaseBase.Names.Where(n => !All.ContainsKey(n))];

    /// <summary>Whether the name is a built-in scenario (not a case of the case base).</summary>
    /// <param name="name">A preset's name.</param>
    /// <returns>True for the built-in scenarios, false for the case base's cases and unknown names.</returns>
    public static bool IsBuiltIn(string name) => All.ContainsKey(name);

    /// <summary>A preset by name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>A new scenario instance.</returns>
    /// <exception cref="KeyNotFoundException">No preset has that name (the message lists them).</exception>
    public static Scenario Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.TryGetValue(name, out var entry)
            ? entry.Build()
            : CaseBase.Contains(name)
                ? CaseBase.Get(name).Scenario
                : throw new KeyNotFoundException($"No preset named '{name}'. Presets: {string.Join(", ", Names)}.");
    }

    /// <summary>A one-paragraph description of a preset.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The description.</returns>
    /// <exception cref="KeyNotFoundException">No preset has that name.</exception>
    public static string Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.TryGetValue(name, out var entry)
            ? entry.Description
            : CaseBase.Contains(name)
                ? $"Historical case: {CaseBase.Get(name).Title}."
                : throw new KeyNotFoundException($"No preset named '{name}'. Presets: {string.Join(", ", Names)}.");
    }

    /// <summary>Protest size coded into a perceived-share shock as the Venezuela 2019 analysis scenario has it: 0.05 per tenfold above 10,000 participants. The case base codes protests by their share of the population instead (docs/coding-rules.md, rule PR1).</summary>
    internal static double ProtestShock(double participants) => Math.Round(0.05 * Math.Log10(participants / 10_000), 3);

    /// <summary>The Venezuela 2019 baseline (week 0 = 1 January 2019).</summary>
    /// <returns>A new scenario instance.</returns>
    public static Scenario Venezuela2019() => new()
    {
        Name = "venezuela-2019",
        Description = All["venezuela-2019"].Description,
        Weeks = 52,
        Factions =
        [
            new Faction
            {
                Name = "army", Generals = 800, Troops = 130_000, SeniorOfficersPerGeneral = 1,
                DesertionRatePerWeek = 0.002,
            },
            new Faction
            {
                Name = "national-guard", Generals = 450, Troops = 125_000, SeniorOfficersPerGeneral = 1, CollapseImportance = 1.5,
                DesertionRatePerWeek = 0.006,
            },
            new Faction
            {
                Name = "navy", Generals = 300, Troops = 45_000, SeniorOfficersPerGeneral = 1,
                DesertionRatePerWeek = 0.002,
            },
            new Faction
            {
                Name = "air-force", Generals = 250, Troops = 25_000, SeniorOfficersPerGeneral = 1,
                DesertionRatePerWeek = 0.002,
            },
            new Faction
            {
                Name = "intelligence", Generals = 200, Troops = 40_000, SeniorOfficersPerGeneral = 1, CollapseImportance = 2.0,
                LoyaltyShift = 0.4, FamilyExposureMean = 0.9,
                DesertionRatePerWeek = 0.0005,
            },
        ],
        Regime = new Regime { CoupProofing = VenezuelaCoupProofing() },
        Patrons = VenezuelaPatrons(),
        Coalition =
        [
            new Sender
            {
                Name = "us",
                JoinWeek = 0,
                Commitment = new Commitment { HumanitarianSensitivity = 0.2, ProgressFromRevenueLoss = 0.2 },
                Instruments =
                [
                    new Instrument { Kind = InstrumentKind.FinancialSanctions, Bite = 0.3, StartWeek = 0, SenderCostPerWeek = 0.001 },
                    new Instrument { Kind = InstrumentKind.TargetedSanctions, StartWeek = 0, Credibility = 0.5, FreezeShare = 0.8, DelistOnDefection = true },
                    new Instrument { Kind = InstrumentKind.Recognition, StartWeek = 3 },
                    new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.35, StartWeek = 4, SenderCostPerWeek = 0.01 },
                    new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.15, StartWeek = 4 },
                    new Instrument { Kind = InstrumentKind.ContactCampaign, StartWeek = 2, ReachPerWeek = 5, Targeting = Targeting.GeneralsFirst, SenderCostPerWeek = 0.0005 },
                    new Instrument { Kind = InstrumentKind.Amnesty, StartWeek = 3, Value = 1.0, Credibility = 0.25, Public = true },
                ],
            },
            new Sender
            {
                Name = "eu",
                JoinWeek = 5,
                Commitment = new Commitment { Initial = 0.8, HumanitarianSensitivity = 1.0, AllianceCohesion = 0.3 },
                LiftBelowCommitment = 0.3,
                CredibilityElasticity = 1.0,
                Instruments =
                [
                    new Instrument { Kind = InstrumentKind.Recognition, StartWeek = 5 },
                    new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.15, StartWeek = 5 },
                ],
            },
        ],
        Events =
        [
            new ExogenousEvent { Name = "mass protests after the interim presidency (hundreds of thousands, 23 January)", Kind = EventKind.MassProtest, Week = 3, DurationWeeks = 2, PerceivedShareShock = ProtestShock(300_000) },
            new ExogenousEvent { Name = "aid-convoy standoff at the Colombian border (23 February)", Kind = EventKind.AidStandoff, Week = 7, DurationWeeks = 4, PerceivedShareShock = 0.06, LowRankCrossingMultiplier = 15 },
            new ExogenousEvent { Name = "failed uprising (30 April)", Kind = EventKind.MassProtest, Week = 17, DurationWeeks = 1, PerceivedShareShock = 0.04 },
            new ExogenousEvent { Name = "crackdown after the uprising", Kind = EventKind.Crackdown, Week = 18, DurationWeeks = 8, PerceivedShareShock = -0.02, CoercionShock = 0.1 },
        ],
    };

    /// <summary>The regime's repertoire in 2019 (docs/model.md, §Venezuela 2019: adaptive agents, gives each value's source).</summary>
    private static CoupProofing VenezuelaCoupProofing() => new()
    {
        SecurityBudgetShare = 0.02,
        ThreatThreshold = 0.001,
        MaxArrestsPerWeek = 2,
        ArrestMinSuspicion = 0.5,
        MaxRotationsPerWeek = 5,
        MaxPromotionsPerWeek = 3,
        MaxCounterbalancingUnitsPerWeek = 3,
        CounterbalancingDetectionPerUnit = 0.01,
        InformationControlEffect = 0.3,
    };

    /// <summary>Russia, China and Cuba in 2019 (docs/model.md, §Venezuela 2019: adaptive agents).</summary>
    private static Patron[] VenezuelaPatrons() =>
    [
        new Patron
        {
            Name = "russia", OilPurchaseShare = 0.2, SecondarySanctionsExposurePerWeek = 0.02,
            Commitment = new Commitment { CostSensitivity = 0.2, ProgressFromDefections = -0.5 },
        },
        new Patron
        {
            Name = "china", OilPurchaseShare = 0.1, SecondarySanctionsExposurePerWeek = 0.05,
            Commitment = new Commitment { Initial = 0.8, CostSensitivity = 0.5, ProgressFromDefections = -1.0 },
        },
        new Patron { Name = "cuba", DetectionAssistance = 0.03, Commitment = new Commitment { ProgressFromDefections = -0.5 } },
    ];

    private static Scenario WithEuWavering(Scenario s, string name) => Rename(s with
    {
        Coalition = Map(s.Coalition, sender => sender.Name == "eu"
            ? sender with { Commitment = sender.Commitment with { HumanitarianSensitivity = 3.0 } }
            : sender),
    }, name);

    private static Scenario WithoutPatrons(Scenario s, string name) => Rename(s with
    {
        Patrons = s.Patrons.Select(p => p with { Commitment = p.Commitment with { Initial = 0 } }).ToArray(),
    }, name);

    private static Scenario WithSecondarySanctions(Scenario s, string name) => Rename(s with
    {
        Coalition = Map(s.Coalition, sender => sender.Name == "us"
            ? sender with { Instruments = [.. sender.Instruments, new Instrument { Kind = InstrumentKind.SecondarySanctions, Bite = 0.7, StartWeek = 9, SenderCostPerWeek = 0.002 }] }
            : sender),
    }, name);

    private static Scenario WithoutCoupProofing(Scenario s, string name) => Rename(s with { Regime = s.Regime with { CoupProofing = new CoupProofing() } }, name);

    private static Scenario WithAmnesty(Scenario s, string name) => Rename(s with
    {
        Coalition = Map(s.Coalition, sender => sender.Name switch
        {
            "us" => sender with
            {
                Instruments =
                [
                    .. sender.Instruments.Where(i => i.Kind != InstrumentKind.Amnesty),
                    new Instrument { Kind = InstrumentKind.Amnesty, StartWeek = 3, Value = 1.5, Credibility = 0.8, Public = true },
                    new Instrument { Kind = InstrumentKind.AssetProtection, StartWeek = 3, Value = 0.9, Credibility = 0.8, Public = true },
                ],
            },
            "eu" => sender with { Instruments = [.. sender.Instruments, new Instrument { Kind = InstrumentKind.AssetProtection, StartWeek = 5, Value = 0.9, Credibility = 0.7, Public = true }] },
            _ => sender,
        }),
    }, name);

    private static Scenario WithEuOil(Scenario s, string name) => Rename(s with
    {
        Coalition = Map(s.Coalition, sender => sender.Name == "eu"
            ? sender with
            {
                BiteMultiplierForOthers = 0.3,
                Instruments = [.. sender.Instruments, new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.2, StartWeek = 9, SenderCostPerWeek = 0.005 }],
            }
            : sender),
    }, name);

    private static Scenario WithContact(Scenario s, string name) => Rename(s with
    {
        Coalition = Map(s.Coalition, sender => sender.Name == "us"
            ? sender with
            {
                Instruments =
                [
                    .. sender.Instruments.Where(i => i.Kind != InstrumentKind.ContactCampaign),
                    new Instrument { Kind = InstrumentKind.ContactCampaign, StartWeek = 2, ReachPerWeek = 150, Targeting = Targeting.GeneralsFirst, SenderCostPerWeek = 0.005 },
                    new Instrument { Kind = InstrumentKind.Payments, StartWeek = 2, Value = 1.5, Credibility = 0.6, Public = false, CostPerDefector = 0.001 },
                ],
            }
            : sender),
    }, name);

    private static Scenario WithLowReprisal(Scenario s, string name) => Rename(s with { Regime = s.Regime with { ReprisalProbability = 0.2 } }, name);

    private static Scenario Rename(Scenario s, string name)
        => name.Length == 0 ? s : s with { Name = name, Description = All[name].Description };

    private static Sender[] Map(IReadOnlyList<Sender> senders, Func<Sender, Sender> f) => senders.Select(f).ToArray();
}
