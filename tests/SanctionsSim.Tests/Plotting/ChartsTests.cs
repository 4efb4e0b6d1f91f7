using SanctionsSim.Analysis;
using SanctionsSim.Cascades;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Plotting;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using ScottPlot;

namespace SanctionsSim.Tests.Plotting;

public class ChartsTests
{
    private static SanctionsSummary Summary() =>
        new SanctionsModel(Presets.Get("venezuela-2019-amnesty")).Simulate(new MonteCarloOptions { Replications = 60, Seed = 1 }).Summary;

    private static IEnumerable<TestCaseData> AllCharts()
    {
        var summary = Summary();
        var comparison = new PolicyComparison([Presets.Get(Presets.Default), Presets.Get("venezuela-2019-amnesty")]).Run(new MonteCarloOptions { Replications = 30, Seed = 1 }).Summary;
        var watts = new WattsModel { NodeCount = 2000 }.Simulate(new MonteCarloOptions { Replications = 50, Seed = 1 }).Summary;
        yield return new TestCaseData(Charts.FanChart(summary)).SetName("FanChart");
        yield return new TestCaseData(Charts.Commitments(summary)).SetName("Commitments");
        yield return new TestCaseData(Charts.RegimeActions(summary)).SetName("RegimeActions");
        yield return new TestCaseData(Charts.PatronOffsets(summary)).SetName("PatronOffsets");
        yield return new TestCaseData(Charts.SurvivalCurve(summary)).SetName("SurvivalCurve");
        yield return new TestCaseData(Charts.FinalShareHistogram(summary)).SetName("FinalShareHistogram");
        yield return new TestCaseData(Charts.CascadeSizeCcdf(summary)).SetName("CascadeSizeCcdf");
        yield return new TestCaseData(Charts.DefectionsByFaction(summary)).SetName("DefectionsByFaction");
        yield return new TestCaseData(Charts.PolicyComparison(comparison)).SetName("PolicyComparison");
        yield return new TestCaseData(Charts.SurvivalCurves(comparison)).SetName("SurvivalCurves");
        yield return new TestCaseData(Charts.FanCharts(comparison)).SetName("FanCharts");
        yield return new TestCaseData(Charts.Trace(new SanctionsModel(Presets.Get("venezuela-2019-amnesty")).Trace(1, 2), 1.0 / 3)).SetName("Trace");
        yield return new TestCaseData(Charts.CascadeSizeCcdf(watts, 2000)).SetName("WattsCascadeSizeCcdf");
        ExperimentParameter[] cube = [.. Enumerable.Range(1, 3).Select(i => ExperimentParameter.Uniform("x" + i, -Math.PI, Math.PI))];
        yield return new TestCaseData(Charts.Tornado(SobolAnalysis.Analyze(x => SobolAnalysis.Ishigami(x), cube, 256), "Ishigami")).SetName("SobolTornado");
        yield return new TestCaseData(Charts.Tornado(MorrisAnalysis.Analyze(x => SobolAnalysis.Ishigami(x), cube, 20), "Ishigami")).SetName("MorrisTornado");
        var tipping = new TippingScan(Presets.Get("venezuela-2019-amnesty"), ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1), new TippingOptions { Points = 5, Bootstrap = 50, MonteCarlo = new MonteCarloOptions { Replications = 30 } }).RunAsync().GetAwaiter().GetResult();
        yield return new TestCaseData(Charts.TippingCurve(tipping)).SetName("TippingCurve");
    }

    [TestCaseSource(nameof(AllCharts))]
    public void EveryChart_HasTitleAxisLabelsAndRendersWithText(Plot plot)
    {
        plot.Axes.Title.Label.Text.ShouldNotBeNullOrWhiteSpace();
        plot.Axes.Bottom.Label.Text.ShouldNotBeNullOrWhiteSpace();
        plot.Axes.Left.Label.Text.ShouldNotBeNullOrWhiteSpace();
        string svg = plot.GetSvgXml(800, 500);
        svg.ShouldContain("<text"); // text is drawn (SkiaSharp 4.x under ScottPlot 5.1 silently drops it)
        byte[] png = plot.GetImageBytes(800, 500, ImageFormat.Png);
        png[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        png.Length.ShouldBeGreaterThan(10_000); // an axis-only image is far smaller
    }

    [Test]
    public void SaveAll_WritesEveryChart_AsPngAndSvg_Atomically()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sanctionssim-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            // the preset has adaptive agents: six charts of the cascade and its outcomes and three of the agents, each PNG and SVG
            var files = Charts.SaveAll(Summary(), folder);
            files.Count.ShouldBe(18);
            files.Select(Path.GetFileNameWithoutExtension).Distinct().ShouldBe(["fan-chart", "survival", "outcomes", "final-share", "cascade-ccdf", "factions", "commitments", "regime-actions", "patron-offsets"], ignoreOrder: true);
            files.ShouldAllBe(f => File.Exists(f) && new FileInfo(f).Length > 1000);
            Directory.GetFiles(folder, "*.tmp").ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void AgentCharts_OfAScenarioWithoutAgents_SayWhy_AndSaveAllSkipsThem()
    {
        var quiet = new SanctionsModel(Simulation.TestScenarios.Quiet()).Simulate(new MonteCarloOptions { Replications = 10, Seed = 1 }).Summary;
        Should.Throw<ArgumentException>(() => Charts.Commitments(quiet)).Message.ShouldContain("no adaptive sender or patron");
        Should.Throw<ArgumentException>(() => Charts.RegimeActions(quiet)).Message.ShouldContain("no coup-proofing budget");
        Should.Throw<ArgumentException>(() => Charts.PatronOffsets(quiet)).Message.ShouldContain("no patron");
        string folder = Path.Combine(Path.GetTempPath(), "sanctionssim-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            Charts.SaveAll(quiet, folder, ChartFormat.Svg).Count.ShouldBe(6); // the cascade and the outcomes, no agents
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Save_BadSize_Throws()
        => Should.Throw<ArgumentOutOfRangeException>(() => Charts.Save(new Plot(), "x", ChartFormat.Png, width: 10));

    [Test]
    public void ShareCharts_DrawTheCollapseThreshold_AndSurvivalStopsAt100Percent()
    {
        var summary = Summary();
        summary.CriticalShare.ShouldBe(1.0 / 3);
        foreach (Plot plot in new[] { Charts.FanChart(summary), Charts.FinalShareHistogram(summary), Charts.DefectionsByFaction(summary) })
        {
            plot.GetPlottables().OfType<ScottPlot.Plottables.AxisLine>().ShouldContain(l => l.LegendText == "collapse at 33 %");
        }

        Charts.SurvivalCurve(summary).Axes.GetLimits().Top.ShouldBe(100);
    }

    [TestCase("coalition.us.amnesty.credibility", "US amnesty: credibility")]
    [TestCase("coalition.eu.recognition.senderCostPerWeek", "EU recognition: sender cost per week")]
    [TestCase("regime.detectionProbability", "regime: detection probability")]
    [TestCase("x1", "x1")]
    [TestCase("$.coalition[0].instruments[6].credibility", "$.coalition[0].instruments[6].credibility")]
    public void TornadoLevers_AreLabelledInWords(string path, string label)
        => Charts.LeverLabel(path).ShouldBe(label);
}
