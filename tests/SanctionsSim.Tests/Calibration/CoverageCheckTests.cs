using SanctionsSim.Calibration;

namespace SanctionsSim.Tests.Calibration;

/// <summary>Simulation-based calibration (<see cref="CoverageCheck"/>): deterministic whatever the threads, the same synthetic bases for either distance, and its uniformity test.</summary>
public class CoverageCheckTests
{
    private static CoverageCheckResult Small(int threads, CaseDistance distance) => CoverageCheck.Run(
        [HistoricalCases.Get("mali-1991"), HistoricalCases.Get("haiti-1991")],
        [StructuralParameters.Get("generalLoyalty"), StructuralParameters.Get("lowRankDefectionRate")],
        new CoverageCheckOptions
        {
            SyntheticBases = 4, PosteriorDraws = 19, Bins = 4, Distance = distance, Seed = 3, MaxDegreeOfParallelism = threads,
            Abc = new AbcOptions { Particles = 16, Generations = 2 },
        });

    [Test]
    public void Check_IsDeterministic_WhateverTheThreads_AndUsesTheSameTruthsForEitherDistance()
    {
        var one = Small(1, CaseDistance.OutcomeProbability);
        var two = Small(2, CaseDistance.OutcomeProbability);
        var mean = Small(2, CaseDistance.Mean);
        one.Simulations.ShouldBe(two.Simulations);
        for (int j = 0; j < 2; j++)
        {
            var (a, b) = (one.Parameters[j], two.Parameters[j]);
            b.Truths.ShouldBe(a.Truths);
            b.Ranks.ShouldBe(a.Ranks);
            b.PosteriorMeans.ShouldBe(a.PosteriorMeans);
            b.Coverage90.ShouldBe(a.Coverage90);
            mean.Parameters[j].Truths.ShouldBe(a.Truths, "the synthetic bases do not depend on the distance");
            a.Ranks.ShouldAllBe(r => r >= 0 && r <= 19);
            a.Histogram.Sum().ShouldBe(4);
            a.Truths.Distinct().Count().ShouldBe(4, "each base draws its own truth");
        }

        one.Parameters[1].LogScale.ShouldBeTrue("lowRankDefectionRate has a log-uniform prior");
        mean.PosteriorMeansDiffer(one).ShouldBeTrue("the distance changes the posteriors");
    }

    [Test]
    public void WithThePriorAsThePosterior_TheRanksAreUniform_AndTheIntervalsCoverAtTheirLevel()
    {
        // one generation: the "posterior" is the prior's draws, which SBC must find calibrated whatever the cases
        var result = CoverageCheck.Run(
            [HistoricalCases.Get("haiti-1991")],
            [StructuralParameters.Get("generalLoyalty"), StructuralParameters.Get("lowRankDefectionRate")],
            new CoverageCheckOptions
            {
                SyntheticBases = 80, PosteriorDraws = 19, Bins = 4, ReplicationsPerCase = 1, Seed = 5,
                Abc = new AbcOptions { Particles = 100, Generations = 1 },
            });
        foreach (var p in result.Parameters)
        {
            p.PValue.ShouldBeGreaterThan(0.01, $"{p.Name}: ranks [{string.Join(" ", p.Histogram)}]");
            p.Coverage50.Wilson(0.99).Lower.ShouldBeLessThan(0.5, p.Name);
            p.Coverage50.Wilson(0.99).Upper.ShouldBeGreaterThan(0.5, p.Name);
            p.Coverage90.Wilson(0.99).Lower.ShouldBeLessThan(0.89, p.Name);
            p.Coverage90.Wilson(0.99).Upper.ShouldBeGreaterThan(0.89, p.Name);
            p.RootMeanSquareError.ShouldBe(1, 0.25, $"{p.Name}: the prior's mean errs by one prior standard deviation");
        }
    }

    [Test]
    public void Uniformity_IsThePearsonChiSquareTest()
    {
        var (flat, p1) = CoverageCheck.Uniformity([10, 10, 10, 10]);
        flat.ShouldBe(0);
        p1.ShouldBe(1, 1e-12);
        var (chi, p) = CoverageCheck.Uniformity([20, 0, 0, 0]);
        chi.ShouldBe(60, 1e-12); // (15² + 3 · 5²) / 5
        p.ShouldBeLessThan(1e-10);
        var (_, p3) = CoverageCheck.Uniformity([12, 8, 10, 10]); // χ² = 0.8 on 3 df: p = 0.8495
        p3.ShouldBe(0.8495, 1e-4);
    }

    [Test]
    public void Options_AreValidated_NamingEachSetting()
    {
        var bad = new CoverageCheckOptions { SyntheticBases = 1, PosteriorDraws = 99, Bins = 7, ReplicationsPerCase = 0 };
        var message = Should.Throw<ArgumentException>(bad.Validate).Message;
        message.ShouldContain("SyntheticBases must be in [2, 100000]; got 1.");
        message.ShouldContain("Bins must be in [2, PosteriorDraws + 1 = 100] and divide PosteriorDraws + 1");
        message.ShouldContain("ReplicationsPerCase must be in [1, 100]; got 0.");
        Should.Throw<ArgumentException>(new CoverageCheckOptions { Abc = new AbcOptions { Particles = 5 } }.Validate).Message.ShouldContain("Abc.Particles must be in [10, 10000000]; got 5.");
    }
}

internal static class CoverageCheckResultExtensions
{
    public static bool PosteriorMeansDiffer(this CoverageCheckResult a, CoverageCheckResult b)
        => a.Parameters.Zip(b.Parameters).Any(p => !p.First.PosteriorMeans.SequenceEqual(p.Second.PosteriorMeans));
}
