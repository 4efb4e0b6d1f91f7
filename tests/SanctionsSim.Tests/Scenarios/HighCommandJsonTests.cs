using System.Text;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Scenarios;

/// <summary>The high command's fields and the split rule in scenario files: each bad value is one error naming its JSON path and range.</summary>
public class HighCommandJsonTests
{
    private const string File = """
        {
          "schemaVersion": 1,
          "name": "coup",
          "factions": [ { "name": "army", "generals": 10, "troops": 1000 }, { "name": "guard", "generals": 5, "troops": 500 } ],
          "collapse": { "splitShare": 0.6 },
          "highCommand": { "enabled": true, "successThreshold": 0.4, "strengthNoise": 0.3, "signalNoise": 0.2, "deliberationWeeks": 2,
                           "gainIfMoveSucceeds": 2, "failureCost": 3, "detectionAfterFailedMove": 0.05 }
        }
        """;

    private static IReadOnlyList<SanctionsSim.Validation.InputError> Errors(string json) => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(json), out _);

    [Test]
    public void Read_EveryHighCommandField_RoundTrips()
    {
        Scenario s = ScenarioJson.Read(File);
        s.HighCommand.ShouldBe(new HighCommand
        {
            Enabled = true, SuccessThreshold = 0.4, StrengthNoise = 0.3, SignalNoise = 0.2, DeliberationWeeks = 2, GainIfMoveSucceeds = 2, FailureCost = 3, DetectionAfterFailedMove = 0.05,
        });
        s.Collapse.SplitShare.ShouldBe(0.6);
        string json = ScenarioJson.Write(s);
        ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json);
        json.ShouldContain("\"highCommand\"");
    }

    [Test]
    public void Read_WithoutAHighCommand_IsOff()
        => ScenarioJson.Read(File.Replace("\"enabled\": true, ", "", StringComparison.Ordinal)).HighCommand.Enabled.ShouldBeFalse();

    [TestCase("\"successThreshold\": 0.4", "\"successThreshold\": 0", "$.highCommand.successThreshold", "(0, 1]")]
    [TestCase("\"successThreshold\": 0.4", "\"successThreshold\": 1.2", "$.highCommand.successThreshold", "(0, 1]")]
    [TestCase("\"strengthNoise\": 0.3", "\"strengthNoise\": -0.3", "$.highCommand.strengthNoise", "(0, 10]")]
    [TestCase("\"signalNoise\": 0.2", "\"signalNoise\": 0", "$.highCommand.signalNoise", "(0, 10]")]
    [TestCase("\"signalNoise\": 0.2", "\"signalNoise\": 0.3", "$.highCommand.signalNoise", "at most √(2π)·strengthNoise² = 0.225596")]
    [TestCase("\"deliberationWeeks\": 2", "\"deliberationWeeks\": 53", "$.highCommand.deliberationWeeks", "[0, 52]")]
    [TestCase("\"deliberationWeeks\": 2", "\"deliberationWeeks\": 1.5", "$.highCommand.deliberationWeeks", "whole number")]
    [TestCase("\"gainIfMoveSucceeds\": 2", "\"gainIfMoveSucceeds\": -2", "$.highCommand.gainIfMoveSucceeds", "[0, 1000]")]
    [TestCase("\"failureCost\": 3", "\"failureCost\": 1001", "$.highCommand.failureCost", "[0, 1000]")]
    [TestCase("\"detectionAfterFailedMove\": 0.05", "\"detectionAfterFailedMove\": 1.5", "$.highCommand.detectionAfterFailedMove", "[0, 1]")]
    [TestCase("\"enabled\": true", "\"enabled\": 1", "$.highCommand.enabled", "true or false")]
    [TestCase("\"enabled\": true", "\"enable\": true", "$.highCommand.enable", "did you mean \"enabled\"?")]
    [TestCase("\"splitShare\": 0.6", "\"splitShare\": 0", "$.collapse.splitShare", "(0, 1]")]
    public void Read_ABadHighCommandField_IsOneErrorWithItsPath(string good, string bad, string path, string message)
    {
        File.ShouldContain(good);
        var errors = Errors(File.Replace(good, bad, StringComparison.Ordinal));
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Path.ShouldBe(path);
        errors[0].Message.ShouldContain(message);
    }

    [Test]
    public void Validate_ANaNThreshold_IsRejected()
    {
        var s = ScenarioJson.Read(File) with { HighCommand = new HighCommand { SuccessThreshold = double.NaN } };
        var errors = ScenarioValidator.Validate(s);
        errors.Single().Path.ShouldBe("$.highCommand.successThreshold");
        Should.Throw<ScenarioValidationException>(s.Validate);
    }
}
