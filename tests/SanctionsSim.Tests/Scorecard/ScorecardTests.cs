using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scorecard;

namespace SanctionsSim.Tests.Scorecard;

/// <summary>The scorecard: folds, scores, the baselines and the model's held-out forecasts.</summary>
public class ScorecardTests
{
    private static readonly IReadOnlyList<HistoricalCase> All = HistoricalCases.All;

    [Test]
    public void Scores_FollowTheirDefinitions()
    {
        var f = new OutcomeForecast { Case = "c", Forecaster = "x", Fold = 0, Probabilities = [0.7, 0.1, 0.1, 0.1], Observed = OutcomeType.Survived };
        f.Brier.ShouldBe((0.3 * 0.3) + (3 * 0.01), 1e-12);
        f.LogScore.ShouldBe(-Math.Log(0.7), 1e-12);
        f.Hit.ShouldBeTrue();
        var miss = f with { Observed = OutcomeType.Split, Probabilities = [1, 0, 0, 0] };
        miss.LogScore.ShouldBe(-Math.Log(OutcomeForecast.Floor), 1e-12, "the floor keeps a confident miss finite");
        miss.Brier.ShouldBe(2);
        OutcomeForecast.Normalise([3, 0, 1, 0]).Sum().ShouldBe(1, 1e-12);
        OutcomeForecast.Normalise([3, 0, 1, 0]).Min().ShouldBeGreaterThanOrEqualTo(OutcomeForecast.Floor * 0.99);
    }

    [Test]
    public void Folds_AreBalanced_Deterministic_AndLeaveOneOutHoldsOneCaseEach()
    {
        var folds = OutcomeScorecard.AssignFolds(33, 5, 7);
        folds.GroupBy(f => f).Select(g => g.Count()).ShouldAllBe(n => n == 6 || n == 7);
        OutcomeScorecard.AssignFolds(33, 5, 7).ShouldBe(folds);
        OutcomeScorecard.AssignFolds(33, 5, 8).ShouldNotBe(folds);
        OutcomeScorecard.AssignFolds(10, 10, 7).ShouldBe(Enumerable.Range(0, 10).ToArray());
    }

    [Test]
    public void TheBaseRate_IsTheTrainingFrequency_WithOnePseudoCasePerType()
    {
        var training = All.Take(20).ToList();
        var p = new BaseRateForecaster().Fit(training, 0)(All[25]);
        int survived = training.Count(c => c.Observation.Outcome == OutcomeType.Survived);
        p[(int)OutcomeType.Survived].ShouldBe((survived + 1.0) / (20 + 4), 1e-9);
        new SurvivesForecaster().Fit(training, 0)(All[25])[0].ShouldBe(1 - (3 * OutcomeForecast.Floor / (1 + (3 * OutcomeForecast.Floor))), 1e-9);
    }

    [Test]
    public void TheLogisticBaseline_FitsInSample_AndWithAHugePenalty_IsTheTrainingFrequency()
    {
        var fit = new LogisticForecaster().Fit(All, 0);
        double logistic = All.Sum(c => -Math.Log(fit(c)[(int)c.Observation.Outcome!.Value]));
        var rate = new BaseRateForecaster().Fit(All, 0);
        double baseRate = All.Sum(c => -Math.Log(rate(c)[(int)c.Observation.Outcome!.Value]));
        logistic.ShouldBeLessThan(baseRate, "in sample, the regression on the facts fits better than the frequencies");
        var flat = new LogisticForecaster(penalty: 1e9).Fit(All, 0)(All[0]);
        foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
        {
            double frequency = All.Count(c => c.Observation.Outcome == t) / (double)All.Count;
            flat[(int)t].ShouldBe(Math.Max(OutcomeForecast.Floor, frequency), 0.01, t.ToString());
        }
    }

    [Test]
    public void TheScorecard_IsDeterministic_WhateverTheThreads_AndScoresEveryForecaster()
    {
        var cases = new[] { "mali-1991", "zimbabwe-2017", "georgia-2003", "panama-1988", "haiti-1991", "bahrain-2011" }.Select(HistoricalCases.Get).ToList();
        var options = new ScorecardOptions { Folds = 3, Structure = ScorecardStructure.Calibrated, Particles = 10, Generations = 1, ReplicationsPerCase = 1, Runs = 20, Seed = 3, MaxDegreeOfParallelism = 1 };
        var one = OutcomeScorecard.Run(cases, options);
        options.MaxDegreeOfParallelism = 2;
        var two = OutcomeScorecard.Run(cases, options);
        two.Forecasts.Select(f => f.Probabilities.ToArray()).ShouldBe(one.Forecasts.Select(f => f.Probabilities.ToArray()));
        one.Scores.Select(s => s.Name).ShouldBe(["model", "base rate", "the regime survives", "logistic regression on the facts"]);
        one.Forecasts.Count.ShouldBe(4 * cases.Count);
        one.Scores[0].BrierGainOfModel.ShouldBe(0);
        one.Scores.ShouldAllBe(s => s.Brier >= 0 && s.Brier <= 2 && s.Accuracy.Trials == cases.Count);
        one.Reliability.Sum(b => b.Observed.Trials).ShouldBe(4 * cases.Count, "every forecast of every type falls in one bin");
    }

    [Test]
    public void BadSettings_AreRefused_NamingThem()
    {
        Should.Throw<ArgumentException>(() => OutcomeScorecard.Run(All.Take(2).ToList())).Message.ShouldContain("cases must be at least 3; got 2.");
        Should.Throw<ArgumentException>(() => OutcomeScorecard.Run(All, new ScorecardOptions { Folds = 1 })).Message.ShouldContain("Folds must be 0");
        Should.Throw<ArgumentException>(() => OutcomeScorecard.Run(All, new ScorecardOptions { Runs = 3 })).Message.ShouldContain("Runs must be at least 10; got 3");
        var own = new HistoricalCase("own", "", () => All[0].Scenario, new SanctionsSim.Scenarios.Cases.CaseObservation { Collapsed = false });
        Should.Throw<ArgumentException>(() => OutcomeScorecard.Run([own, .. All.Take(3)])).Message.ShouldContain("case 'own'");
    }
}
