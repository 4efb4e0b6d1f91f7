using SanctionsSim.Cli;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.Tests.Simulation;

/// <summary>A traced replication is the batch's replication, told week by week.</summary>
public class TraceTests
{
    [TestCase("venezuela-2019", 0L)]
    [TestCase("venezuela-2019-amnesty", 2L)]
    [TestCase("venezuela-2019-all", 5L)]
    public void Trace_IsTheSameReplicationAsInABatch(string preset, long replication)
    {
        var model = new SanctionsModel(Presets.Get(preset));
        ReplicationTrace trace = model.Trace(11, replication);
        RunResult run = model.RunSingle(11, replication);
        trace.Weeks.Count.ShouldBe(run.NewDefectorsPath.Count);
        trace.Weeks.Select(w => w.DefectedShare).ShouldBe(run.DefectedSharePath.Take(run.NewDefectorsPath.Count));
        trace.Weeks.Select(w => w.GeneralDefections + w.SeniorDefections).ShouldBe(run.NewDefectorsPath);
        trace.Weeks.Sum(w => w.Purges).ShouldBe(run.Purges);
        trace.Weeks.Select(w => w.DefectionsByFaction.Sum()).ShouldBe(run.NewDefectorsPath);
        trace.CollapseWeek.ShouldBe(run.CollapseWeek is int c ? c + 1 : null);
        trace.Weeks[0].InstrumentsInForce.ShouldNotBeEmpty(); // the 2019 sanctions are in force from week 1
    }

    [Test]
    public async Task TraceCommand_WritesTheWeeklyCsvAndTheChart()
    {
        string folder = Directory.CreateTempSubdirectory("sanctionssim-trace-").FullName;
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await CliApp.RunAsync(["trace", "--preset", "venezuela-2019-amnesty", "--replication", "2", "--out", folder, "--structure", "medians"], output, error); // compared with SanctionsModel below, at the medians (#27 item 1)
            code.ShouldBe(0, error.ToString());
            output.ToString().ShouldContain("Replication 2 of 'venezuela-2019-amnesty' (seed 1)");
            string[] csv = File.ReadAllLines(Path.Combine(folder, "trace.csv"));
            csv[0].ShouldStartWith("week,defectedShare,generalDefections,seniorDefections,defections_army,");
            csv.Length.ShouldBe(1 + new SanctionsModel(Presets.Get("venezuela-2019-amnesty")).Trace(1, 2).Weeks.Count);
            File.Exists(Path.Combine(folder, "trace.png")).ShouldBeTrue();
            File.Exists(Path.Combine(folder, "trace.svg")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Trace_OfAScenarioWithAgents_HoldsTheirWeeklyState_AsTheRunResultDoes()
    {
        var model = new SanctionsModel(Presets.Get("venezuela-2019"));
        var trace = model.Trace(2019, 3);
        var run = model.RunSingle(2019, 3);
        trace.Weeks.Count.ShouldBe(run.RevenuePath.Count);
        foreach (var (series, path) in run.AgentPaths)
        {
            trace.Weeks.Select(w => w.Agents[series]).ShouldBe(path);
        }

        trace.Weeks.Sum(w => w.Agents["regime/arrests"]).ShouldBe(run.AgentTotals["regime/arrests"]);
        new SanctionsModel(TestScenarios.Quiet()).Trace(1, 0).Weeks[0].Agents.ShouldBeEmpty();
    }
}
