using System.Text;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Scenarios;

/// <summary>The adaptive agents' fields in scenario files: each bad value is one error naming its JSON path.</summary>
public class AgentFieldsJsonTests
{
    private const string Agents = """
        {
          "schemaVersion": 1,
          "name": "agents",
          "factions": [
            { "name": "army", "generals": 10, "troops": 1000,
              "identities": [ { "name": "in", "officerShare": 0.6, "troopShare": 0.2, "fateIfRegimeFalls": 2 },
                              { "name": "out", "officerShare": 0.4, "troopShare": 0.8, "crossingRateMultiplier": 2 } ] }
          ],
          "regime": { "coupProofing": { "securityBudgetShare": 0.02, "maxArrestsPerWeek": 2, "informationControlEffect": 0.3 } },
          "coalition": [ { "name": "eu", "commitment": { "initial": 0.7, "humanitarianSensitivity": 2 }, "liftBelowCommitment": 0.3,
                           "instruments": [ { "kind": "assetFreeze", "bite": 0.2 } ] },
                         { "name": "us", "instruments": [ { "kind": "secondarySanctions", "bite": 0.5, "patrons": [ "russia" ] } ] } ],
          "patrons": [ { "name": "russia", "oilPurchaseShare": 0.3, "detectionAssistance": 0.02, "commitment": { "costSensitivity": 0.5 } } ]
        }
        """;

    private static IReadOnlyList<SanctionsSim.Validation.InputError> Errors(string json) => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(json), out _);

    [Test]
    public void Read_EveryAgentField_RoundTrips()
    {
        Scenario s = ScenarioJson.Read(Agents);
        s.Patrons.Single().Commitment.CostSensitivity.ShouldBe(0.5);
        s.Factions[0].Identities[1].CrossingRateMultiplier.ShouldBe(2);
        s.Regime.CoupProofing.MaxArrestsPerWeek.ShouldBe(2);
        s.Coalition[0].LiftBelowCommitment.ShouldBe(0.3);
        string json = ScenarioJson.Write(s);
        ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json);
    }

    [TestCase("\"oilPurchaseShare\": 0.3", "\"oilPurchaseShare\": 1.3", "$.patrons[0].oilPurchaseShare", "[0, 1]")]
    [TestCase("\"costSensitivity\": 0.5", "\"costSensitivity\": -1", "$.patrons[0].commitment.costSensitivity", "[0, 100]")]
    [TestCase("\"initial\": 0.7", "\"initial\": 1e999", "$.coalition[0].commitment.initial", "finite number")]
    [TestCase("\"liftBelowCommitment\": 0.3", "\"liftBelowCommitment\": 2", "$.coalition[0].liftBelowCommitment", "[0, 1]")]
    [TestCase("\"maxArrestsPerWeek\": 2", "\"maxArrestsPerWeek\": -2", "$.regime.coupProofing.maxArrestsPerWeek", "[0, 100000]")]
    [TestCase("\"securityBudgetShare\": 0.02", "\"securityBudgetShare\": 1.5", "$.regime.coupProofing.securityBudgetShare", "[0, 1]")]
    [TestCase("\"fateIfRegimeFalls\": 2", "\"fateIfRegimeFalls\": -2", "$.factions[0].identities[0].fateIfRegimeFalls", "[0, 1000]")]
    [TestCase("\"officerShare\": 0.6", "\"officerShare\": 0.5", "$.factions[0].identities", "add up to 1")]
    [TestCase("\"troopShare\": 0.8", "\"troopShare\": 0.7", "$.factions[0].identities", "add up to 1")]
    [TestCase("\"name\": \"out\"", "\"name\": \"in\"", "$.factions[0].identities[1].name", "unique")]
    [TestCase("\"patrons\": [ \"russia\" ]", "\"patrons\": [ \"rusia\" ]", "$.coalition[1].instruments[0].patrons[0]", "did you mean \"russia\"?")]
    [TestCase("\"kind\": \"assetFreeze\", \"bite\": 0.2", "\"kind\": \"assetFreeze\", \"bite\": 0.2, \"patrons\": [ \"russia\" ]", "$.coalition[0].instruments[0].patrons", "only secondary sanctions target patrons")]
    public void Read_ABadAgentField_IsOneErrorWithItsPath(string good, string bad, string path, string message)
    {
        Agents.ShouldContain(good);
        var errors = Errors(Agents.Replace(good, bad, StringComparison.Ordinal));
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Path.ShouldBe(path);
        errors[0].Message.ShouldContain(message);
    }

    [Test]
    public void Read_APatronNamedLikeASender_IsAnError_AndItsReferencesAreCheckedAgainstTheNewName()
    {
        var errors = Errors(Agents.Replace("\"name\": \"russia\"", "\"name\": \"eu\"", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Path == "$.patrons[0].name" && e.Message.Contains("cannot share its name with a sender", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Path == "$.coalition[1].instruments[0].patrons[0]" && e.Message.Contains("(eu)", StringComparison.Ordinal));
    }

    [Test]
    public void Read_AMisspelledAgentField_SuggestsTheName()
    {
        var error = Errors(Agents.Replace("\"detectionAssistance\"", "\"detectionAssistence\"", StringComparison.Ordinal))[0];
        error.Path.ShouldBe("$.patrons[0].detectionAssistence");
        error.Message.ShouldContain("did you mean \"detectionAssistance\"?");
    }

    [Test]
    public void Validate_InCSharp_NaNAndAMissingCommitment_AreNamed()
    {
        var s = ScenarioJson.Read(Agents);
        var bad = s with { Patrons = [s.Patrons[0] with { LoansPerWeek = double.NaN, Commitment = null! }] };
        var errors = ScenarioValidator.Validate(bad);
        errors.ShouldContain(e => e.Path == "$.patrons[0].loansPerWeek" && e.Value == "NaN");
        errors.ShouldContain(e => e.Path == "$.patrons[0].commitment" && e.Message == "a value is required");
    }
}
