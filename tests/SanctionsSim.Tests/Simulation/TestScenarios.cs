using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Simulation;

/// <summary>Small scenarios for fast mechanism tests.</summary>
internal static class TestScenarios
{
    /// <summary>A two-faction force of 400 officers with no policies at all.</summary>
    public static Scenario Quiet() => new()
    {
        Name = "quiet",
        Weeks = 40,
        Factions =
        [
            new Faction { Name = "army", Generals = 120, Troops = 60_000 },
            new Faction { Name = "guard", Generals = 80, Troops = 40_000, CollapseImportance = 1.5 },
        ],
    };

    /// <summary>The quiet force facing a public amnesty of the given credibility and value.</summary>
    public static Scenario WithAmnesty(double credibility, double value = 2.0, string name = "amnesty") => Quiet() with
    {
        Name = name,
        Coalition =
        [
            new Sender
            {
                Name = "us",
                Instruments =
                [
                    new Instrument { Kind = InstrumentKind.Amnesty, Value = value, Credibility = credibility, Public = true },
                    new Instrument { Kind = InstrumentKind.OilEmbargo, Bite = 0.3 },
                ],
            },
        ],
    };

    /// <summary>The Venezuela preset shortened for quick tests.</summary>
    public static Scenario Venezuela(string name = Presets.Default) => Presets.Get(name);
}
