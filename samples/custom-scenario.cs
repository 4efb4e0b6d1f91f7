#:project ../src/SanctionsSim/SanctionsSim.csproj
// A scenario written in C#: a small army and guard, a sender with an oil embargo and a credible amnesty that
// only reaches the guard, and an ally who joins once 5 % of command strength has defected.
//   dotnet run -c Release samples/custom-scenario.cs
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

var scenario = new Scenario
{
    Name = "custom",
    Weeks = 40,
    Factions =
    [
        new Faction { Name = "army", Generals = 300, Troops = 80_000 },
        new Faction { Name = "guard", Generals = 150, Troops = 50_000, CollapseImportance = 1.5, GeneralLoyaltyMean = 0.5 },
    ],
    Coalition =
    [
        new Sender
        {
            Name = "us",
            Instruments =
            [
                new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.4, StartWeek = 2 },
                new Instrument { Kind = InstrumentKind.Amnesty, Value = 2.0, Credibility = 0.8, Public = true, Factions = ["guard"] },
            ],
        },
        new Sender
        {
            Name = "ally",
            JoinWeek = null,
            JoinWhenDefectedShareReaches = 0.05,
            Instruments = [new Instrument { Kind = InstrumentKind.AssetFreeze, Bite = 0.5 }],
        },
    ],
};

scenario.Validate(); // every problem at once, with JSON paths
Console.WriteLine(ScenarioJson.Write(scenario)[..200] + " …");
var s = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 500, Seed = 7 }).Summary;
Console.WriteLine($"P(collapse within {s.Weeks} weeks) = {s.CollapseProbability.Estimate:F3} {s.CollapseProbability.Wilson()}");
foreach (string faction in s.FactionNames)
{
    var f = s.Faction(faction);
    Console.WriteLine($"  {faction,-6} defected share {f.DefectedShare.Mean:P1} ± {f.DefectedShare.StandardError:P1}, tipped first in {f.TippedFirst.Estimate:P0} of runs");
}

return s.Replications == 500 ? 0 : 1;
