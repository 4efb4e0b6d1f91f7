using System.Text;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Scenarios;

/// <summary>The revised mechanisms' fields in scenario files (conditional amnesty, repression's backfire, mobilisation, the events' orders and participation): each bad value is one error naming its JSON path and range.</summary>
public class MechanismsJsonTests
{
    private const string File = """
        {
          "schemaVersion": 1,
          "name": "mechanisms",
          "factions": [
            { "name": "army", "generals": 10, "troops": 1000,
              "identities": [ { "name": "ruling", "officerShare": 0.3, "troopShare": 0.2 }, { "name": "other", "officerShare": 0.7, "troopShare": 0.8 } ] },
            { "name": "guard", "generals": 5, "troops": 500 } ],
          "events": [
            { "name": "protest", "kind": "massProtest", "week": 1, "participants": 20000 },
            { "name": "order to fire", "kind": "crackdown", "week": 2, "coercionShock": 0.1, "orderedFactions": [ "army" ] },
            { "name": "march", "kind": "massProtest", "week": 3, "participation": 0.02 } ],
          "conditionalAmnesty": { "enabled": true, "priorStrength": 8, "protectionAbroad": 0.3 },
          "repressionBackfire": { "enabled": true, "orderCost": 0.7, "outGroupFactor": 3, "inGroupFactor": 0.1, "rulerIdentities": [ "ruling" ] },
          "mobilisation": { "enabled": true, "population": 1000000, "shockPerTenfold": 0.04, "thresholdShare": 0.002, "defectionFeedback": 1.5, "repressionFeedback": -0.5 }
        }
        """;

    private static IReadOnlyList<SanctionsSim.Validation.InputError> Errors(string json) => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(json), out _);

    [Test]
    public void Read_EveryField_RoundTrips()
    {
        Scenario s = ScenarioJson.Read(File);
        s.ConditionalAmnesty.ShouldBe(new ConditionalAmnesty { Enabled = true, PriorStrength = 8, ProtectionAbroad = 0.3 });
        s.RepressionBackfire.Enabled.ShouldBeTrue();
        s.RepressionBackfire.OrderCost.ShouldBe(0.7);
        s.RepressionBackfire.RulerIdentities.ShouldBe(["ruling"]);
        s.Mobilisation.ShouldBe(new Mobilisation { Enabled = true, Population = 1_000_000, ShockPerTenfold = 0.04, ThresholdShare = 0.002, DefectionFeedback = 1.5, RepressionFeedback = -0.5 });
        s.Events[0].Participants.ShouldBe(20_000);
        s.Events[1].OrderedFactions.ShouldBe(["army"]);
        s.Events[2].Participation.ShouldBe(0.02);
        string json = ScenarioJson.Write(s);
        ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json);
    }

    [Test]
    public void Read_WithoutTheRecords_EveryMechanismIsOff()
    {
        Scenario s = ScenarioJson.Read("""{ "schemaVersion": 1, "name": "x", "factions": [ { "name": "a", "generals": 5, "troops": 100 } ] }""");
        s.ConditionalAmnesty.Enabled.ShouldBeFalse();
        s.RepressionBackfire.Enabled.ShouldBeFalse();
        s.Mobilisation.Enabled.ShouldBeFalse();
    }

    [TestCase("\"priorStrength\": 8", "\"priorStrength\": 0", "$.conditionalAmnesty.priorStrength", "(0, 10000]")]
    [TestCase("\"priorStrength\": 8", "\"priorStrength\": 20000", "$.conditionalAmnesty.priorStrength", "(0, 10000]")]
    [TestCase("\"protectionAbroad\": 0.3", "\"protectionAbroad\": 1.3", "$.conditionalAmnesty.protectionAbroad", "[0, 1]")]
    [TestCase("\"orderCost\": 0.7", "\"orderCost\": -0.7", "$.repressionBackfire.orderCost", "[0, 100]")]
    [TestCase("\"outGroupFactor\": 3", "\"outGroupFactor\": 101", "$.repressionBackfire.outGroupFactor", "[0, 100]")]
    [TestCase("\"inGroupFactor\": 0.1", "\"inGroupFactor\": -0.1", "$.repressionBackfire.inGroupFactor", "[0, 100]")]
    [TestCase("\"rulerIdentities\": [ \"ruling\" ]", "\"rulerIdentities\": [ \"rulin\" ]", "$.repressionBackfire.rulerIdentities[0]", "ruling")]
    [TestCase("\"population\": 1000000", "\"population\": -1", "$.mobilisation.population", "[0, 10000000000]")]
    [TestCase("\"shockPerTenfold\": 0.04", "\"shockPerTenfold\": 2", "$.mobilisation.shockPerTenfold", "[0, 1]")]
    [TestCase("\"thresholdShare\": 0.002", "\"thresholdShare\": 0", "$.mobilisation.thresholdShare", "(0, 1]")]
    [TestCase("\"defectionFeedback\": 1.5", "\"defectionFeedback\": 150", "$.mobilisation.defectionFeedback", "[-100, 100]")]
    [TestCase("\"repressionFeedback\": -0.5", "\"repressionFeedback\": -500", "$.mobilisation.repressionFeedback", "[-100, 100]")]
    [TestCase("\"orderedFactions\": [ \"army\" ]", "\"orderedFactions\": [ \"navy\" ]", "$.events[1].orderedFactions[0]", "faction")]
    [TestCase("\"kind\": \"crackdown\", \"week\": 2", "\"kind\": \"massProtest\", \"week\": 2", "$.events[1].orderedFactions", "only a crackdown")]
    [TestCase("\"participation\": 0.02", "\"participation\": 1.5", "$.events[2].participation", "[0, 1]")]
    [TestCase("\"participation\": 0.02", "\"participation\": 0.02, \"participants\": 100", "$.events[2].participants", "not both")]
    [TestCase("\"participants\": 20000", "\"participants\": 2000000", "$.events[0].participants", "at most $.mobilisation.population")]
    [TestCase("\"population\": 1000000", "\"population\": 0", "$.events[0].participants", "needs $.mobilisation.population")]
    [TestCase("\"enabled\": true, \"priorStrength\"", "\"enabled\": \"yes\", \"priorStrength\"", "$.conditionalAmnesty.enabled", "true or false")]
    public void Read_ABadField_IsOneErrorWithItsPath(string good, string bad, string path, string message)
    {
        File.ShouldContain(good);
        var errors = Errors(File.Replace(good, bad, StringComparison.Ordinal));
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Path.ShouldBe(path);
        errors[0].Message.ShouldContain(message);
    }

    [Test]
    public void Validate_ANaNFeedback_IsRejected()
    {
        var s = ScenarioJson.Read(File) with { Mobilisation = ScenarioJson.Read(File).Mobilisation with { DefectionFeedback = double.NaN } };
        ScenarioValidator.Validate(s).Single().Path.ShouldBe("$.mobilisation.defectionFeedback");
        Should.Throw<ScenarioValidationException>(s.Validate);
    }
}
