using System.Globalization;
using System.Text;
using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// The Venezuela 2019 preset and its counterfactuals stay within the bands stated in docs/model.md, and a golden
/// summary at a fixed seed guards against unintended model changes (update it only deliberately, with a line in
/// CHANGELOG.md: set SANCTIONSSIM_UPDATE_GOLDEN=1 and run this test).
/// </summary>
public class VenezuelaPresetTests
{
    private static SanctionsSummary Run(string preset, long runs) =>
        new SanctionsModel(Presets.Get(preset)).Simulate(new MonteCarloOptions { Replications = runs, Seed = 2019 }).Summary;

    [Test]
    public void Baseline_DoesNotTip_AndShowsThePebblesOfEarly2019()
    {
        var s = Run(Presets.Default, 400);
        s.CollapseProbability.Wilson().Upper.ShouldBeLessThan(0.05);

        // "a handful of senior officers, hundreds of low-ranking members" in January–March 2019
        double seniorOfficers = s.EarlyGeneralDefections.Mean + s.EarlySeniorDefections.Mean;
        seniorOfficers.ShouldBeInRange(0.5, 8.0);
        s.EarlyLowRankCrossings.Mean.ShouldBeInRange(300, 5000);
        s.FinalDefectedShare.Mean.ShouldBeLessThan(0.05);
    }

    [TestCase("venezuela-2019-amnesty", 0.35, 0.85)]
    [TestCase("venezuela-2019-amnesty-contact", 0.9, 1.0)]
    [TestCase("venezuela-2019-all", 0.9, 1.0)]
    [TestCase("venezuela-2019-eu-oil", 0.0, 0.05)]
    [TestCase("venezuela-2019-low-reprisal", 0.0, 0.05)]
    public void Counterfactuals_StayWithinStatedBands(string preset, double lower, double upper)
    {
        var p = Run(preset, 300).CollapseProbability;
        double slack = 3 * Math.Max(p.StandardError, 0.01);
        p.Estimate.ShouldBeInRange(lower - slack, upper + slack);
    }

    [Test]
    public void Comparisons_OnCommonRandomNumbers_EstimateEffectsAndReduceVariance()
    {
        var comparison = new PolicyComparison([Presets.Get(Presets.Default), Presets.Get("venezuela-2019-amnesty"), Presets.Get("venezuela-2019-amnesty-low-reprisal")]);
        var summary = comparison.Run(new MonteCarloOptions { Replications = 300, Seed = 2019 }).Summary;
        var amnesty = summary.Effect(1);
        amnesty.CollapseProbabilityDifferenceInterval.Lower.ShouldBeGreaterThan(0.2);
        amnesty.WeeksSurvivedDifference.ShouldBeLessThan(0);

        // Between two arms that both vary, pairing removes most of the noise (baseline never collapses, so
        // against it the reduction is exactly 1).
        var pair = new PolicyComparison([Presets.Get("venezuela-2019-amnesty"), Presets.Get("venezuela-2019-amnesty-low-reprisal")])
            .Run(new MonteCarloOptions { Replications = 300, Seed = 2019 }).Summary.Effect(1);
        pair.WeeksVarianceReduction.ShouldBeGreaterThan(2.0);
        pair.CollapseVarianceReduction.ShouldBeGreaterThan(2.0);
    }

    [Test]
    public void Presets_AllValidate_AndAreListed()
    {
        Presets.Names.ShouldContain(Presets.Default);
        foreach (string name in Presets.Names)
        {
            var scenario = Presets.Get(name);
            scenario.Name.ShouldBe(name);
            Should.NotThrow(scenario.Validate);
            Presets.Describe(name).ShouldNotBeNullOrWhiteSpace();
        }

        Should.Throw<KeyNotFoundException>(() => Presets.Get("venezuela-2020")).Message.ShouldContain("venezuela-2019-amnesty");
    }

    [Test]
    public void GoldenSummary_AtFixedSeed_IsUnchanged()
    {
        var text = new StringBuilder();
        foreach (string preset in new[] { Presets.Default, "venezuela-2019-amnesty" })
        {
            var s = Run(preset, 200);
            text.Append(CultureInfo.InvariantCulture, $"{preset}: collapses={s.Collapses}/{s.Replications}");
            text.Append(CultureInfo.InvariantCulture, $" finalShare={s.FinalDefectedShare.Mean:R} weeksSurvived={s.WeeksSurvived.Mean:R}");
            text.Append(CultureInfo.InvariantCulture, $" earlyGenerals={s.EarlyGeneralDefections.Mean:R} earlyLowRank={s.EarlyLowRankCrossings.Mean:R}");
            text.Append(CultureInfo.InvariantCulture, $" purges={s.Purges.Mean:R} humanitarian={s.HumanitarianBurden.Mean:R}\n");
        }

        string path = Path.Combine(RepositoryRoot(), "tests", "SanctionsSim.Tests", "Simulation", "venezuela-2019.golden.txt");
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, text.ToString());
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(text.ToString());
    }

    internal static string RepositoryRoot()
    {
        string root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "SanctionsSim.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        return root;
    }
}
