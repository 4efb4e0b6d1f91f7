using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Experiments;

public class ScenarioTemplateTests
{
    private static readonly Scenario Baseline = Presets.Get("venezuela-2019");

    [TestCase("coalition.us.amnesty.credibility", "$.coalition[0].instruments[6].credibility")]
    [TestCase("coalition[us].instruments[amnesty].credibility", "$.coalition[0].instruments[6].credibility")]
    [TestCase("$.coalition[0].instruments[6].credibility", "$.coalition[0].instruments[6].credibility")]
    [TestCase("coalition.eu.assetFreeze.bite", "$.coalition[1].instruments[1].bite")]
    [TestCase("factions.national-guard.generalLoyaltyMean", "$.factions[1].generalLoyaltyMean")]
    [TestCase("Regime.ReprisalProbability", "$.regime.reprisalProbability")]
    public void Paths_ResolveToTheJsonPathOfTheField(string path, string expected)
        => ScenarioTemplate.ResolvePath(Baseline, path).ShouldBe(expected);

    [Test]
    public void Apply_SetsTheLevers_AndLeavesEverythingElse()
    {
        var template = new ScenarioTemplate(Baseline, ["coalition.us.amnesty.credibility", "factions.navy.generals"]);
        template.BaseValues.ShouldBe([0.25, 300]);
        template.IsInteger.ShouldBe([false, true]);
        Scenario s = template.Apply([0.9, 250.6], "changed");
        s.Name.ShouldBe("changed");
        s.Coalition[0].Instruments.Single(i => i.Kind == InstrumentKind.Amnesty).Credibility.ShouldBe(0.9);
        s.Factions.Single(f => f.Name == "navy").Generals.ShouldBe(251);
        ScenarioJson.Write(template.Apply([0.25, 300], Baseline.Name)).ShouldBe(ScenarioJson.Write(Baseline));
    }

    [Test]
    public void BadPaths_SayWhichSegmentFailed_AndWhatExists()
    {
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["coalition.us.amnesti.credibility"])).Message.ShouldContain("did you mean 'amnesty'");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["coalition.us.recognition"])).Message.ShouldContain("name one of its numeric fields");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["name"])).Message.ShouldContain("not a number");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["factions[9].troops"])).Message.ShouldContain("out of range");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["coalition.recognition.credibility"])).Message.ShouldContain("no element named 'recognition'");
        var twice = Baseline with { Coalition = [Baseline.Coalition[0] with { Instruments = [.. Baseline.Coalition[0].Instruments, new Instrument { Kind = InstrumentKind.Recognition }] }, Baseline.Coalition[1]] };
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(twice, ["coalition.us.recognition.credibility"])).Message.ShouldContain("use an index");
        ScenarioTemplate.ResolvePath(twice, "coalition.us.instruments[7].credibility").ShouldBe("$.coalition[0].instruments[7].credibility");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["regime..purgeCost"])).Message.ShouldContain("empty segment");
        Should.Throw<ArgumentException>(() => new ScenarioTemplate(Baseline, ["regime.purgeCost", "$.regime.purgeCost"])).Message.ShouldContain("same field");
    }

    [Test]
    public void Apply_ValueTheModelRejects_NamesTheLeverTheFieldAndTheRange()
    {
        var template = new ScenarioTemplate(Baseline, ["coalition.us.amnesty.credibility"]);
        var e = Should.Throw<ArgumentException>(() => template.Apply([1.5]));
        e.Message.ShouldContain("coalition.us.amnesty.credibility = 1.5");
        e.Message.ShouldContain("$.coalition[0].instruments[6].credibility");
        e.Message.ShouldContain("[0, 1]");
        Should.Throw<ArgumentException>(() => template.Apply([double.NaN])).Message.ShouldContain("finite");
        Should.Throw<ArgumentException>(() => template.Apply([0.1, 0.2])).Message.ShouldContain("Expected 1");
    }
}
