using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.Tests.Simulation;

/// <summary>
/// The senders' costs over the whole horizon (docs/model.md, Eq. 1f–1g): instruments in force when the ruler goes are
/// paid for their lift lag, guarantees are paid weekly to the horizon, contact campaigns pay per officer reached and
/// revenue instruments per unit of bite. Each test computes a run's cost from what the run recorded.
/// </summary>
public class HorizonCostsTests
{
    private const double OilCost = 0.01;

    /// <summary>The quiet force facing a public amnesty, an oil embargo (the only instrument with a cost) and a contact campaign; it collapses in some runs and not in others.</summary>
    private static Scenario Pressure(int lag, int lagAfterRemoval, bool highCommand = false)
    {
        Scenario s = AgentScenarios.Pressure(credibility: 0.6);
        return s with
        {
            HighCommand = s.HighCommand with { Enabled = highCommand },
            Coalition =
            [
                s.Coalition[0] with
                {
                    LiftLagWeeks = lag,
                    LiftLagWeeksAfterRemoval = lagAfterRemoval,
                    Instruments = [.. s.Coalition[0].Instruments.Select(i => i with { SenderCostPerWeek = i.Kind == InstrumentKind.OilEmbargo ? OilCost : 0 })],
                },
                s.Coalition[1],
            ],
        };
    }

    private static IReadOnlyList<RunRecord> Runs(Scenario s, long runs = 200, ulong seed = 11)
        => new SanctionsModel(s, recordRuns: true).Simulate(new MonteCarloOptions { Replications = runs, Seed = seed }).Summary.Runs;

    [Test]
    public void InstrumentsInForce_ArePaidForTheirLiftLag_AfterTheRulerGoes_AndTheRunIsOtherwiseUnchanged()
    {
        Scenario s = Pressure(lag: 6, lagAfterRemoval: 30);
        int weeks = s.Weeks;
        IReadOnlyList<RunRecord> lagged = Runs(s);
        IReadOnlyList<RunRecord> none = Runs(Pressure(lag: 0, lagAfterRemoval: 0));
        lagged.Count(r => r.Collapsed).ShouldBeGreaterThan(10);
        lagged.Count(r => !r.Collapsed).ShouldBeGreaterThan(10);
        for (int i = 0; i < lagged.Count; i++)
        {
            RunRecord a = lagged[i], b = none[i];
            a.Outcome.ShouldBe(b.Outcome);
            a.OutcomeWeek.ShouldBe(b.OutcomeWeek);
            a.FinalDefectedShare.ShouldBe(b.FinalDefectedShare);
            int weeksRun = a.Collapsed ? a.CollapseWeek!.Value + 1 : weeks;
            b.SenderCosts[0].ShouldBe(OilCost * weeksRun, 1e-12); // in force every week it ran, at strength 1
            double extra = a.Collapsed ? OilCost * Math.Min(6, weeks - weeksRun) : 0;
            a.SenderCosts[0].ShouldBe(b.SenderCosts[0] + extra, 1e-12, $"run {i}: {a.Outcome} in week {a.OutcomeWeek}");
            a.SenderCosts[1].ShouldBe(0);
        }
    }

    [Test]
    public void AfterARemovalByTheHighCommand_TheLongerLagApplies()
    {
        IReadOnlyList<RunRecord> runs = Runs(Pressure(lag: 2, lagAfterRemoval: 30, highCommand: true), 300, 5);
        int weeks = Pressure(0, 0).Weeks;
        runs.Count(r => r.Outcome == OutcomeType.RemovedByHighCommand).ShouldBeGreaterThan(0);
        runs.Count(r => r.Outcome == OutcomeType.CollapseByDefection).ShouldBeGreaterThan(0);
        foreach (RunRecord r in runs)
        {
            int weeksRun = r.Collapsed ? r.CollapseWeek!.Value + 1 : weeks;
            int lag = r.Outcome switch
            {
                OutcomeType.RemovedByHighCommand => Math.Min(30, weeks - weeksRun),
                OutcomeType.CollapseByDefection => Math.Min(2, weeks - weeksRun),
                _ => 0,
            };
            r.SenderCosts[0].ShouldBe(OilCost * (weeksRun + lag), 1e-12, r.Outcome.ToString());
        }
    }

    [Test]
    public void Guarantees_ArePaidEveryWeekFromTheDefectionToTheHorizon_WhetherTheRulerFallsOrNot()
    {
        const double g = 0.001;
        Scenario baseScenario = Pressure(lag: 0, lagAfterRemoval: 0);
        Scenario s = baseScenario with
        {
            Coalition =
            [
                baseScenario.Coalition[0] with
                {
                    Instruments = [.. baseScenario.Coalition[0].Instruments.Select(i => i with { SenderCostPerWeek = 0, GuaranteeCostPerWeek = i.Kind == InstrumentKind.Amnesty ? g : 0 })],
                },
                baseScenario.Coalition[1],
            ],
        };
        const ulong seed = 3;
        var model = new SanctionsModel(s, recordRuns: true);
        IReadOnlyList<RunRecord> runs = model.Simulate(new MonteCarloOptions { Replications = 40, Seed = seed }).Summary.Runs;
        runs.Count(r => r.Collapsed).ShouldBeGreaterThan(0);
        runs.Count(r => !r.Collapsed).ShouldBeGreaterThan(0);
        for (int rep = 0; rep < runs.Count; rep++)
        {
            ReplicationTrace trace = model.Trace(seed, rep);
            double expected = 0;
            foreach (TraceWeek w in trace.Weeks)
            {
                expected += g * w.DefectionsByFaction.Sum() * (s.Weeks - w.Week); // the trace counts weeks from 1; the public amnesty covers every officer who defects
            }

            runs[rep].SenderCosts[0].ShouldBe(expected, 1e-12 * Math.Max(1, expected), $"run {rep}");
        }
    }

    [Test]
    public void ContactCampaigns_PayPerOfficerReached_AndRevenueInstruments_PerUnitOfBite()
    {
        Scenario baseScenario = Pressure(lag: 0, lagAfterRemoval: 0);
        Scenario s = baseScenario with
        {
            Coalition =
            [
                baseScenario.Coalition[0] with
                {
                    Instruments =
                    [
                        .. baseScenario.Coalition[0].Instruments.Select(i => i.Kind switch
                        {
                            InstrumentKind.ContactCampaign => i with { SenderCostPerWeek = 0, CostPerOfficerReached = 0.0002 },
                            InstrumentKind.OilEmbargo => i with { SenderCostPerWeek = 0, CostPerUnitBitePerWeek = 0.04 },
                            _ => i,
                        }),
                    ],
                },
                baseScenario.Coalition[1],
            ],
        };
        double bite = s.Coalition[0].Instruments.Single(i => i.Kind == InstrumentKind.OilEmbargo).Bite;
        foreach (RunRecord r in Runs(s, 100))
        {
            int weeksRun = r.Collapsed ? r.CollapseWeek!.Value + 1 : s.Weeks;
            r.SenderCosts[0].ShouldBe((0.0002 * r.OfficersReached) + (0.04 * bite * weeksRun), 1e-12);
        }
    }

    [Test]
    public void Defaults_LiftAfterFourWeeks_OrAYearAfterARemoval_AndCostNothingElse()
    {
        var sender = new Sender { Name = "us" };
        sender.LiftLagWeeks.ShouldBe(4);
        sender.LiftLagWeeksAfterRemoval.ShouldBe(52);
        var ins = new Instrument { Kind = InstrumentKind.OilEmbargo };
        ins.CostPerUnitBitePerWeek.ShouldBe(0);
        ins.CostPerOfficerReached.ShouldBe(0);
        ins.GuaranteeCostPerWeek.ShouldBe(0);
    }

    [TestCase("liftLagWeeks", -1)]
    [TestCase("liftLagWeeksAfterRemoval", 10_001)]
    public void BadLag_IsRefused_WithItsPath(string field, int value)
    {
        Scenario s = Pressure(4, 52);
        Sender us = field == "liftLagWeeks" ? s.Coalition[0] with { LiftLagWeeks = value } : s.Coalition[0] with { LiftLagWeeksAfterRemoval = value };
        s = s with { Coalition = [us, s.Coalition[1]] };
        ScenarioError e = ScenarioValidator.Validate(s).Single();
        e.Path.ShouldBe("$.coalition[0]." + field);
        Should.Throw<ScenarioValidationException>(s.Validate);
    }

    [TestCase("costPerUnitBitePerWeek", double.NaN)]
    [TestCase("costPerOfficerReached", -0.1)]
    [TestCase("guaranteeCostPerWeek", 11.0)]
    public void BadInstrumentCost_IsRefused_WithItsPath(string field, double value)
    {
        Scenario s = Pressure(4, 52);
        Instrument first = s.Coalition[0].Instruments[0];
        Instrument bad = field switch
        {
            "costPerUnitBitePerWeek" => first with { CostPerUnitBitePerWeek = value },
            "costPerOfficerReached" => first with { CostPerOfficerReached = value },
            _ => first with { GuaranteeCostPerWeek = value },
        };
        s = s with { Coalition = [s.Coalition[0] with { Instruments = [bad, .. s.Coalition[0].Instruments.Skip(1)] }, s.Coalition[1]] };
        ScenarioValidator.Validate(s).Single().Path.ShouldBe("$.coalition[0].instruments[0]." + field);
    }
}
