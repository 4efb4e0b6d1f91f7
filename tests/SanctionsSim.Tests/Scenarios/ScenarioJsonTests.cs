using System.Text;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Tests.Simulation;

namespace SanctionsSim.Tests.Scenarios;

public class ScenarioJsonTests
{
    private const string Minimal = """
        {
          // comments and trailing commas are allowed
          "schemaVersion": 1,
          "name": "minimal",
          "factions": [ { "name": "army", "generals": 10, "troops": 1000, }, ],
        }
        """;

    private static IReadOnlyList<SanctionsSim.Validation.InputError> Errors(string json) => ScenarioJson.TryRead(Encoding.UTF8.GetBytes(json), out _);

    [Test]
    public void Read_Minimal_WithCommentsAndTrailingCommas()
    {
        var scenario = ScenarioJson.Read(Minimal);
        scenario.Name.ShouldBe("minimal");
        scenario.Factions.Single().Generals.ShouldBe(10);
        scenario.Weeks.ShouldBe(52); // defaults fill what the file leaves out
    }

    [Test]
    public void WriteThenRead_EveryPreset_RoundTrips()
    {
        foreach (string name in Presets.Names)
        {
            string json = ScenarioJson.Write(Presets.Get(name));
            json.ShouldStartWith("{\n  \"schemaVersion\": 1,");
            ScenarioJson.Write(ScenarioJson.Read(json)).ShouldBe(json, name);
        }
    }

    [Test]
    public void Read_RoundTrippedPreset_SimulatesIdentically()
    {
        var original = Presets.Get("venezuela-2019-amnesty");
        var copy = ScenarioJson.Read(ScenarioJson.Write(original));
        var options = new SanctionsSim.MonteCarlo.MonteCarloOptions { Replications = 20, Seed = 3 };
        new SanctionsSim.Simulation.SanctionsModel(copy).Simulate(options).Summary
            .ExactlyEquals(new SanctionsSim.Simulation.SanctionsModel(original).Simulate(options).Summary).ShouldBeTrue();
    }

    [Test]
    public void Read_TruncatedJson_OneMalformedError()
    {
        var errors = Errors(Minimal[..60]);
        errors.Count.ShouldBe(1);
        errors[0].Message.ShouldStartWith("malformed JSON");
    }

    [Test]
    public void Read_WrongTypesNaNAndNegativeCounts_AllReportedWithPaths()
    {
        const string json = """
            {
              "schemaVersion": 1,
              "name": "bad",
              "weeks": "fifty-two",
              "factions": [ { "name": "army", "generals": -3, "troops": 2.5, "staffShare": "NaN" } ],
              "regime": { "detectionProbability": 1e999 }
            }
            """;
        var errors = Errors(json);
        var byPath = errors.ToDictionary(e => e.Path);
        byPath["$.weeks"].Message.ShouldBe("must be a whole number");
        byPath["$.weeks"].Value.ShouldBe("\"fifty-two\"");
        byPath["$.factions[0].troops"].Message.ShouldContain("whole number");
        byPath["$.factions[0].staffShare"].Message.ShouldContain("finite number");
        byPath["$.regime.detectionProbability"].Message.ShouldContain("finite number");
        errors.Count.ShouldBe(4); // type errors first; ranges are checked once the types are right
        var range = Errors(json.Replace("\"fifty-two\"", "52").Replace("2.5", "2").Replace("\"NaN\"", "0.1").Replace("1e999", "0.3"));
        range.Single().Path.ShouldBe("$.factions[0].generals");
        range.Single().Value.ShouldBe("-3");
    }

    [Test]
    public void Read_BareNaN_IsMalformedJson()
        => Errors("""{ "schemaVersion": 1, "name": "x", "weeks": NaN, "factions": [] }""").Single().Message.ShouldStartWith("malformed JSON");

    [Test]
    public void Read_UnknownProperty_SuggestsTheClosestName()
    {
        var errors = Errors(Minimal.Replace("\"generals\"", "\"generls\""));
        var unknown = errors.Single(e => e.Path == "$.factions[0].generls");
        unknown.Message.ShouldStartWith("unknown property (did you mean \"generals\"?); allowed: name, generals, ");
        unknown.ToString().ShouldEndWith("; got 10."); // the message reads as one sentence before the value
        errors.ShouldContain(e => e.Path == "$.factions[0].generals" && e.Message == "required");
    }

    [Test]
    public void Read_UnknownReference_InstrumentTargetingMissingFaction()
    {
        string json = Minimal.Replace("\"factions\"", """
            "coalition": [ { "name": "us", "instruments": [ { "kind": "amnesty", "value": 1, "factions": [ "armyy" ] } ] } ],
            "factions"
            """);
        var error = Errors(json).Single();
        error.Path.ShouldBe("$.coalition[0].instruments[0].factions[0]");
        error.Message.ShouldContain("did you mean \"army\"?");
    }

    [Test]
    public void Read_BadEnum_ListsTheChoices()
    {
        string json = Minimal.Replace("\"factions\"", """
            "coalition": [ { "name": "us", "instruments": [ { "kind": "oilEmbarg" } ] } ],
            "factions"
            """);
        Errors(json).Single().Message.ShouldContain("did you mean \"oilEmbargo\"?");
    }

    [Test]
    public void Read_SchemaVersion_MissingOrWrong()
    {
        Errors(Minimal.Replace("\"schemaVersion\": 1,", "")).Single().Path.ShouldBe("$.schemaVersion");
        Errors(Minimal.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7")).Single().Message.ShouldContain("schema version 1");
    }

    [Test]
    public void Read_NotUtf8_DeeplyNested_Huge_NotAnObject()
    {
        ScenarioJson.TryRead([0x7B, 0xFF, 0xFE, 0x7D], out _).Single().Message.ShouldContain("UTF-8");
        Errors(new string('[', 200) + new string(']', 200)).Single().Message.ShouldStartWith("malformed JSON");
        ScenarioJson.TryRead(new byte[ScenarioJson.MaxBytes + 1], out _).Single().Message.ShouldContain("at most");
        Errors("[1, 2]").Single().Message.ShouldContain("one JSON object");
        Errors("").Single().Message.ShouldStartWith("malformed JSON");
    }

    [Test]
    public void Read_NullWhereAValueIsRequired_IsAnError()
        => Errors(Minimal.Replace("\"name\": \"minimal\"", "\"name\": null")).Single().Path.ShouldBe("$.name");

    [Test]
    public void ReadFile_Missing_IsAnErrorNotACrash()
        => ScenarioJson.TryReadFile("/nonexistent/scenario.json", out _).Single().Message.ShouldContain("does not exist");

    [Test]
    public void WriteFile_IsAtomic_LeavesNoTemporaryFiles()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sanctionssim-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(folder, "s.json");
            ScenarioFile.Write(path, TestScenarios.Quiet());
            ScenarioFile.Write(path, TestScenarios.Quiet() with { Name = "second" });
            ScenarioJson.ReadFile(path).Name.ShouldBe("second");
            Directory.GetFiles(folder).ShouldBe([path]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void JsonSchema_InDocs_IsGeneratedFromTheTypes()
    {
        string schema = ScenarioJson.GetJsonSchema();
        schema.ShouldContain("\"schemaVersion\"");
        schema.ShouldContain("oilEmbargo");
        schema.ShouldContain("Number of generals");
        string path = Path.Combine(VenezuelaPresetTests.RepositoryRoot(), "docs", "scenario.schema.json");
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, schema);
        }

        File.ReadAllText(path).ShouldBe(schema, "docs/scenario.schema.json is stale: run the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }

    [Test]
    public void Read_ANumberWrittenAsText_SaysToDropTheQuotes_WithoutTheIntegerRangeOfDotNet()
    {
        var errors = Errors("""{ "schemaVersion": 1, "name": "x", "weeks": "52", "factions": [ { "name": "army", "generals": 10, "troops": 1000 } ] }""");
        errors.Single().ToString().ShouldBe("$.weeks: must be a whole number (a number, not text: write 52 without quotes); got \"52\".");
    }

    [Test]
    public void Read_AnUnknownProperty_DoesNotHideTheFilesOtherProblems()
    {
        var errors = Errors("""{ "schemaVersion": 1, "name": "x", "wekks": 3, "factions": [ { "name": "army", "generals": -5, "troops": 1000 } ] }""");
        errors.Select(e => e.Path).ShouldBe(["$.wekks", "$.factions[0].generals"]);
        errors[0].Message.ShouldContain("did you mean \"weeks\"?");
    }

    [Test]
    public void Read_AnInvalidHorizon_IsOneError_NotOnePerEvent()
    {
        string json = ScenarioJson.Write(Presets.Get("venezuela-2019")).Replace("\"weeks\": 52", "\"weeks\": 0", StringComparison.Ordinal);
        Errors(json).Single().Path.ShouldBe("$.weeks");
    }

    [Test]
    public void Read_MalformedJson_GivesOnePosition()
    {
        var error = Errors("{\n  \"schemaVersion\": 1,\n  \"name\": \"x\",,\n}").Single();
        error.Value.ShouldStartWith("line 3, column ");
        error.Message.ShouldNotContain("LineNumber");
        error.Message.ShouldNotContain("BytePosition");
    }

    [Test]
    public void Read_ASchemaReference_IsAcceptedAndIgnored()
    {
        string json = "{ \"$schema\": \"scenario.schema.json\"," + ScenarioJson.Write(Presets.Get("venezuela-2019")).TrimStart()[1..];
        Errors(json).ShouldBeEmpty();
        ScenarioJson.GetJsonSchema().ShouldContain("\"$schema\"");
    }
}
