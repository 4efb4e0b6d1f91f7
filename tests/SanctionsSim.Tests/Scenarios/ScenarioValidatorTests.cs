using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Scenarios;

public class ScenarioValidatorTests
{
    private static Scenario Valid() => new()
    {
        Name = "v",
        Factions = [new Faction { Name = "army", Generals = 10, Troops = 1000 }],
    };

    [Test]
    public void Validate_ValidScenario_NoErrors()
        => ScenarioValidator.Validate(Valid()).ShouldBeEmpty();

    [Test]
    public void Validate_ReportsEveryProblemWithPathValueAndRange()
    {
        var bad = Valid() with
        {
            Weeks = 0,
            Factions =
            [
                new Faction { Name = "army", Generals = 10, Troops = -5 },
                new Faction { Name = "army", Generals = 0, Troops = 10, FamilyExposureMean = double.NaN },
            ],
            Regime = new Regime { DetectionProbability = double.PositiveInfinity },
            Coalition = [new Sender { Name = "us", Instruments = [new Instrument { Kind = InstrumentKind.Amnesty, StartWeek = 5, EndWeek = 2, Credibility = 1.5 }] }],
        };
        var errors = ScenarioValidator.Validate(bad);
        string[] paths = errors.Select(e => e.Path).ToArray();
        paths.ShouldContain("$.weeks");
        paths.ShouldContain("$.factions[0].troops");
        paths.ShouldContain("$.factions[1].name");
        paths.ShouldContain("$.factions[1].generals");
        paths.ShouldContain("$.factions[1].familyExposureMean");
        paths.ShouldContain("$.regime.detectionProbability");
        paths.ShouldContain("$.coalition[0].instruments[0].endWeek");
        paths.ShouldContain("$.coalition[0].instruments[0].credibility");
        var nan = errors.Single(e => e.Path == "$.factions[1].familyExposureMean");
        nan.Value.ShouldBe("NaN");
        nan.Message.ShouldContain("[0, 1]");
        errors.Single(e => e.Path == "$.factions[0].troops").ToString().ShouldBe("$.factions[0].troops: must be an integer in [1, 100000000]; got -5.");
    }

    [Test]
    public void SanctionsModel_InvalidScenario_ThrowsOneExceptionListingAll()
    {
        var e = Should.Throw<ScenarioValidationException>(() => new SanctionsModel(Valid() with { Factions = [] }));
        e.Errors.Single().Path.ShouldBe("$.factions");
        e.Message.ShouldContain("at least one faction");
    }

    [Test]
    public void Validate_TooManyOfficers_RejectedBeforeAllocating()
        => ScenarioValidator.Validate(Valid() with { Factions = [new Faction { Name = "a", Generals = 100_000, SeniorOfficersPerGeneral = 100, Troops = 1000 }] })
            .ShouldContain(e => e.Path == "$.factions" && e.Message.Contains("fit in memory"));

    [Test]
    public void Validate_NullsAreErrorsNotCrashes()
    {
        var errors = ScenarioValidator.Validate(Valid() with { Network = null!, Regime = null!, Coalition = [null!], Events = null! });
        errors.Select(e => e.Path).ShouldBe(["$.network", "$.regime", "$.coalition[0]", "$.events"], ignoreOrder: true);
        ScenarioValidator.Validate(null).Single().Path.ShouldBe("$");
    }
}
