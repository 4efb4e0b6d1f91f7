using System.Text.Json.Nodes;
using SanctionsSim.Cli;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Cli;

/// <summary>The outcome typology in every output of the command line: the table, summary.json, runs.csv, the trace and the HTML report.</summary>
public class OutcomeOutputTests : CliFolderTest
{
    /// <summary>zimbabwe-2017 with the high command on, as a scenario file.</summary>
    private string Zimbabwe()
    {
        var s = TestStructure.Preset("zimbabwe-2017"); // the six-case structure: every ending occurs
        string path = Path.Combine(Folder, "zimbabwe.json");
        File.WriteAllText(path, ScenarioJson.Write(s with { HighCommand = s.HighCommand with { Enabled = true } }));
        return path;
    }

    [Test]
    public async Task Run_Json_HasEachOutcome_WithItsProbabilityAndWeeks_AndSaysWhatCollapseMeans()
    {
        var (code, output, error) = await Run(TestStructure.Cli("run", Zimbabwe(), "--runs", "200", "--seed", "4", "--format", "json"));
        code.ShouldBe(0, error);
        var json = JsonNode.Parse(output)!;
        json["collapseProbability"]!["note"]!.GetValue<string>().ShouldContain("the ruler is gone");
        var outcomes = json["outcomes"]!.AsObject();
        outcomes.Select(o => o.Key).ShouldBe(["survived", "removedByHighCommand", "collapseByDefection", "split"]);
        outcomes.Sum(o => o.Value!["probability"]!["successes"]!.GetValue<long>()).ShouldBe(200);
        long gone = outcomes["removedByHighCommand"]!["probability"]!["successes"]!.GetValue<long>() + outcomes["collapseByDefection"]!["probability"]!["successes"]!.GetValue<long>();
        json["collapseProbability"]!["successes"]!.GetValue<long>().ShouldBe(gone);
        outcomes["survived"]!["weeks"].ShouldBeNull();
        foreach (string key in new[] { "lower", "upper", "estimate" })
        {
            outcomes["removedByHighCommand"]!["probability"]![key].ShouldNotBeNull(key);
        }

        outcomes["collapseByDefection"]!["weeks"]!["p50"]!.GetValue<int>().ShouldBeInRange(1, 52); // 1-based, within the 52-week horizon
        json["highCommandMoves"]!["mean"]!.GetValue<double>().ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Run_Table_Csv_AndReport_NameTheOutcomes()
    {
        string dir = Path.Combine(Folder, "out");
        string report = Path.Combine(Folder, "report.html");
        var (code, output, error) = await Run(TestStructure.Cli("run", Zimbabwe(), "--runs", "100", "--seed", "4", "--out", dir, "--report", report, "--detail")); // the outcome rows are in the detail table (issue #29: the plain run shows the verdict and five numbers)
        code.ShouldBe(0, error);
        foreach (string row in new[] { "outcome: survived", "outcome: removed by the high command", "outcome: collapse by defection", "outcome: split", "high-command moves launched" })
        {
            output.ShouldContain(row);
            File.ReadAllText(report).ShouldContain(row);
        }

        string[] lines = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        string[] header = lines[0].Split(',');
        int outcome = Array.IndexOf(header, "outcome"), week = Array.IndexOf(header, "outcomeWeek"), collapsed = Array.IndexOf(header, "collapsed");
        outcome.ShouldBeGreaterThan(0);
        week.ShouldBe(outcome + 1);
        string[] names = ["survived", "removedByHighCommand", "collapseByDefection", "split"];
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            cells[outcome].ShouldBeOneOf(names);
            (cells[collapsed] == "1").ShouldBe(cells[outcome] is "removedByHighCommand" or "collapseByDefection");
            (cells[week].Length == 0).ShouldBe(cells[outcome] == "survived");
        }

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        summary["outcomes"]!.AsObject().Count.ShouldBe(4);
    }

    [Test]
    public async Task Trace_OfARemoval_SaysTheHighCommandRemovedTheRuler()
    {
        string path = Zimbabwe();
        var model = new SanctionsModel(ScenarioJson.ReadFile(path));
        long replication = Enumerable.Range(0, 500).First(r => model.RunSingle(4, r).Outcome == OutcomeType.RemovedByHighCommand);
        var trace = model.Trace(4, replication);
        trace.Outcome.ShouldBe(OutcomeType.RemovedByHighCommand);
        trace.OutcomeWeek.ShouldBe(trace.CollapseWeek);
        trace.Weeks.Count(w => w.HighCommandMove?.Contains("decided to move", StringComparison.Ordinal) == true).ShouldBeGreaterThanOrEqualTo(1);
        string dir = Path.Combine(Folder, "trace");
        var (code, output, error) = await Run("trace", path, "--seed", "4", "--replication", replication.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir, "--structure", "medians"); // the replication was found with SanctionsModel, at the medians (#27 item 1)
        code.ShouldBe(0, error);
        output.ShouldContain("the high command removed the ruler in week " + trace.OutcomeWeek);
        output.ShouldContain("RULER REMOVED");
        string csv = File.ReadAllText(Path.Combine(dir, "trace.csv"));
        csv.ShouldContain("highCommandWillingWeight,highCommandMove");
        csv.ShouldContain("the high command removed the ruler");
    }
}
