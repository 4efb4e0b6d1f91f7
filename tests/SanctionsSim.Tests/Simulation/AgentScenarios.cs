using SanctionsSim.Model;
using SanctionsSim.Policy;

namespace SanctionsSim.Tests.Simulation;

/// <summary>Scenarios with adaptive agents for the mechanism tests, and the neutral values of every agent field.</summary>
internal static class AgentScenarios
{
    /// <summary>The quiet force facing a public amnesty, an oil embargo and a contact campaign that reaches 20 officers a week.</summary>
    public static Scenario Pressure(double credibility = 0.6, string name = "pressure") => TestScenarios.WithAmnesty(credibility, name: name) with
    {
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    new Instrument { Kind = InstrumentKind.Amnesty, Value = 2.0, Credibility = credibility, Public = true },
                    new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.5, SenderCostPerWeek = 0.01 },
                    new Instrument { Kind = InstrumentKind.ContactCampaign, ReachPerWeek = 20, StartWeek = 1 },
                ],
            },
            new Sender
            {
                Name = "eu",
                Instruments =
                [
                    new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.5 },
                    new Instrument { Kind = InstrumentKind.AssetProtection, Value = 0.9, Credibility = credibility, Public = true },
                ],
            },
        ],
    };

    /// <summary>A patron that buys half the oil the embargo cuts and lends 0.05 bn a week, and assists detection.</summary>
    public static Patron Patron(string name = "patron", double oil = 0.5, double loans = 0.05, double detection = 0.1) => new()
    {
        Name = name, OilPurchaseShare = oil, LoansPerWeek = loans, DetectionAssistance = detection, SecondarySanctionsExposurePerWeek = 0.05,
    };

    /// <summary>A regime repertoire with a budget: arrests, rotations, promotions, counterbalancing, information control.</summary>
    public static CoupProofing Repertoire() => new()
    {
        SecurityBudgetShare = 0.05, ReserveDrawShare = 0.01, ThreatThreshold = 0.001,
        MaxArrestsPerWeek = 3, MaxRotationsPerWeek = 5, MaxPromotionsPerWeek = 5, MaxCounterbalancingUnitsPerWeek = 4,
        CounterbalancingDetectionPerUnit = 0.03, InformationControlEffect = 0.5,
    };

    /// <summary>Every agent field of a scenario at its neutral value: static commitments, no patrons, no repertoire, no identities.</summary>
    public static Scenario Neutral(Scenario s) => s with
    {
        Coalition = s.Coalition.Select(x => x with
        {
            Commitment = new Commitment(), JoinWhenCommitmentReaches = null, LiftBelowCommitment = 0, EaseBelowCommitment = 0,
            EscalateAboveCommitment = 0, CredibilityElasticity = 0,
            Instruments = x.Instruments.Where(i => i.Kind != InstrumentKind.SecondarySanctions).ToArray(),
        }).ToArray(),
        Patrons = [],
        Regime = s.Regime with { CoupProofing = new CoupProofing() },
        Factions = s.Factions.Select(f => f with { Identities = [] }).ToArray(),
    };
}
