#:project ../src/SanctionsSim/SanctionsSim.csproj
// Adaptive agents: a Syria-like army (an in-group officer corps over out-group ranks), a patron that offsets
// the oil embargo, a regime that coup-proofs, and an EU whose commitment wears down. docs/model.md, §2a.
//
//   dotnet run -c Release samples/adaptive-agents.cs            1,000 replications
//   dotnet run -c Release samples/adaptive-agents.cs -- --ci    a quick run that fails if a mechanism misbehaves
using System.Globalization;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool ci = args.Contains("--ci");
int runs = ci ? 200 : 1000;

// identity: 80 % of the officers belong to the in-group, 30 % of the rank and file
IdentityGroup[] stacked =
[
    new IdentityGroup { Name = "in-group", OfficerShare = 0.8, TroopShare = 0.3, FateIfRegimeFalls = 2.0, LoyaltyShift = 0.3, CrossingRateMultiplier = 0.3 },
    new IdentityGroup { Name = "out-group", OfficerShare = 0.2, TroopShare = 0.7, LoyaltyShift = -0.6, CrossingRateMultiplier = 2.0 },
];

var scenario = new Scenario
{
    Name = "stacked-army",
    Weeks = 52,
    Factions =
    [
        new Faction { Name = "army", Generals = 300, Troops = 200_000, Identities = stacked },
        new Faction { Name = "republican-guard", Generals = 60, Troops = 20_000, CollapseImportance = 2, GeneralLoyaltyMean = 1.5, Identities = [stacked[0] with { OfficerShare = 1, TroopShare = 1 }] },
    ],
    Regime = new Regime
    {
        CoupProofing = new CoupProofing { SecurityBudgetShare = 0.03, MaxArrestsPerWeek = 3, MaxPromotionsPerWeek = 3, MaxCounterbalancingUnitsPerWeek = 2, InformationControlEffect = 0.3 },
    },
    Patrons =
    [
        new Patron { Name = "patron", OilPurchaseShare = 0.5, DetectionAssistance = 0.05, Commitment = new Commitment { CostSensitivity = 0.3 } },
    ],
    Coalition =
    [
        new Sender
        {
            Name = "eu",
            Commitment = new Commitment { Initial = 0.9, HumanitarianSensitivity = 2.0 },
            LiftBelowCommitment = 0.3,
            CredibilityElasticity = 1.0,
            Instruments =
            [
                new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.6, SenderCostPerWeek = 0.005 },
                new Instrument { Kind = InstrumentKind.Amnesty, Value = 1.5, Credibility = 0.7, Public = true },
                new Instrument { Kind = InstrumentKind.ContactCampaign, ReachPerWeek = 10, StartWeek = 2 },
            ],
        },
    ],
};

var summary = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = runs, Seed = 7 }).Summary;
var p = summary.CollapseProbability;
Console.WriteLine($"{scenario.Name}: P(collapse within a year) {p.Estimate:F3}, 95% CI {p.Wilson()}");

// who defects: officers of each identity group, per officer of the group
double Rate(string faction, string group, int officers) => summary.AgentTotal($"defected/{faction}/{group}").Mean / officers;
double inRate = Rate("army", "in-group", 480), outRate = Rate("army", "out-group", 120);
Console.WriteLine($"army officers defecting: in-group {inRate:P1}, out-group {outRate:P1} (per officer of the group)");

// the agents over the year: the EU's commitment, the patron's support, the regime's arrests
double[] eu = summary.AgentPathPercentile("commitment/eu", 0.5);
Console.WriteLine($"EU commitment (median): week 1 {eu[0]:F2}, week 26 {eu[25]:F2}, week 52 {eu[^1]:F2}");
var offset = summary.AgentPathMean("offset/patron");
Console.WriteLine($"patron's support (mean, USD bn a week): week 1 {offset[0].Mean:F3} ± {offset[0].StandardError:F3}, week 52 {offset[^1].Mean:F3}");
var arrests = summary.AgentTotal("regime/arrests");
Console.WriteLine($"arrests a year {arrests.Mean:F1} ± {arrests.StandardError:F1}; security spending USD {summary.AgentTotal("regime/security-spending").Mean:F2} bn");

if (ci && !(outRate > inRate && eu[^1] < eu[0] && arrests.Mean > 0 && offset[0].Mean > 0))
{
    Console.WriteLine("An agent mechanism misbehaved: expected more out-group defections, a waning EU, arrests and patron support.");
    return 1;
}

return 0;
