using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Simulation;

/// <summary>Small scenarios for fast mechanism tests.</summary>
internal static class TestScenarios
{
    /// <summary>
    /// A two-faction force of 400 officers with no policies at all, with the structure these mechanism tests were
    /// written for (loyal officers: the library's defaults before the calibration on the historical cases), so they
    /// test mechanisms, not the calibrated values.
    /// </summary>
    public static Scenario Quiet() => EarlierStructure(new()
    {
        Name = "quiet",
        Weeks = 40,
        Factions =
        [
            new Faction { Name = "army", Generals = 120, Troops = 60_000 },
            new Faction { Name = "guard", Generals = 80, Troops = 40_000, CollapseImportance = 1.5 },
        ],
    });

    /// <summary>The structural parameters as they were before the calibration on the historical cases (issue #14).</summary>
    public static Scenario EarlierStructure(Scenario s) => s with
    {
        Factions = s.Factions.Select(f => f with { GeneralLoyaltyMean = 0.9, SeniorLoyaltyMean = 0.6, LowRankDefectionRatePerWeek = 0.0005 }).ToArray(),
        Decision = s.Decision with { NoiseScale = 0.15, PublicNewsWeight = 0.3, FallSteepness = 10.0, FallMidpoint = 1.0 / 3.0 },
        Regime = s.Regime with { DetectionDecay = 3.0 },
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
