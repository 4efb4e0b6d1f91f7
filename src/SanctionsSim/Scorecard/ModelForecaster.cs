using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Scorecard;

/// <summary>
/// The model's forecast of a held-out case: the structure calibrated on the training folds (or a given posterior),
/// then the case simulated with its structure drawn from that posterior and its facts drawn within their ranges;
/// the forecast is each outcome type's share of the runs, with half a run added to each type (so that no type a
/// finite batch missed gets probability 0) and the floor of <see cref="OutcomeForecast.Floor"/>.
/// </summary>
internal sealed class ModelForecaster(ScorecardOptions options) : OutcomeForecaster
{
    public override string Name => options.HighCommand ? "model (with the high command)" : "model";

    /// <summary>What the fold's calibration found (null with a given posterior).</summary>
    public List<(int Fold, AbcResult Result)> Calibrations { get; } = [];

    public override Func<HistoricalCase, double[]> Fit(IReadOnlyList<HistoricalCase> training, int fold)
    {
        var cases = training.Select(Switch).ToList();
        Posterior posterior;
        if (options.Structure == ScorecardStructure.Calibrated)
        {
            var calibration = new CaseCalibration(cases, replicationsPerCase: options.ReplicationsPerCase, distance: options.Distance);
            var result = AbcSmc.Run(calibration, new AbcOptions
            {
                Particles = options.Particles,
                Generations = options.Generations,
                Seed = RandomStream.CounterBits(options.Seed, fold, CounterTags.ScorecardCalibration),
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            });
            lock (Calibrations)
            {
                Calibrations.Add((fold, result));
            }

            posterior = new Posterior(result.Posterior);
        }
        else
        {
            posterior = options.Posterior ?? Posterior.Default;
        }

        return c =>
        {
            var held = Switch(c);
            var model = new FactRangeModel(held.Scenario, held.Ranges, posterior);
            var summary = model.Simulate(new MonteCarloOptions { Replications = options.Runs, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }).Summary;
            var counts = new double[Types];
            foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
            {
                counts[(int)t] = summary.OutcomeProbability(t).Successes + 0.5;
            }

            return OutcomeForecast.Normalise(counts);
        };
    }

    private HistoricalCase Switch(HistoricalCase c)
        => options.HighCommand ? c.WithScenario(s => s with { HighCommand = s.HighCommand with { Enabled = true } }) : c;
}
