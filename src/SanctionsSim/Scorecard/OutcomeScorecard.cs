using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Scorecard;

/// <summary>
/// Cross-validation of the model's forecasts of the outcome type over the case base, against three baselines
/// computed on the same folds: the base rate, "the regime survives", and a multinomial logistic regression on the
/// coded facts alone (docs/validation.md, §The scorecard). The model earns its complexity only where it beats them.
/// </summary>
public static class OutcomeScorecard
{
    /// <summary>The reliability diagram's bin edges.</summary>
    private static readonly double[] Edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0000001];

    /// <summary>Runs the scorecard.</summary>
    /// <param name="cases">The cases (each with a recorded outcome type; the logistic baseline needs their case files).</param>
    /// <param name="options">Folds, the model's calibration and forecast settings; defaults when null.</param>
    /// <param name="progress">Reports each fold as it finishes, or null.</param>
    /// <param name="cancellationToken">Cancels between folds.</param>
    /// <returns>The forecasts and scores.</returns>
    /// <exception cref="ArgumentException">Too few cases, a setting out of range, or a case without an outcome type or case file.</exception>
    public static ScorecardResult Run(IReadOnlyList<HistoricalCase> cases, ScorecardOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        options ??= new ScorecardOptions();
        options.Validate(cases.Count);
        foreach (var c in cases)
        {
            if (c.Observation.Outcome is null || c.File is null)
            {
                throw new ArgumentException($"case '{c.Name}': a scorecard needs a case of the case base or a case file with an outcome type and facts.", nameof(cases));
            }
        }

        int folds = options.Folds == 0 ? cases.Count : options.Folds;
        int[] foldOf = AssignFolds(cases.Count, folds, options.Seed);
        OutcomeForecaster[] forecasters = [new ModelForecaster(options), new BaseRateForecaster(), new SurvivesForecaster(), new LogisticForecaster()];
        var forecasts = new OutcomeForecast?[forecasters.Length, cases.Count];
        for (int fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var training = cases.Where((_, i) => foldOf[i] != fold).ToList();
            var held = Enumerable.Range(0, cases.Count).Where(i => foldOf[i] == fold).ToList();
            for (int f = 0; f < forecasters.Length; f++)
            {
                var forecast = forecasters[f].Fit(training, fold);
                foreach (int i in held)
                {
                    forecasts[f, i] = new OutcomeForecast
                    {
                        Case = cases[i].Name, Forecaster = forecasters[f].Name, Fold = fold,
                        Probabilities = forecast(cases[i]), Observed = cases[i].Observation.Outcome!.Value,
                    };
                }
            }

            progress?.Report(fold + 1);
        }

        var all = new List<OutcomeForecast>();
        for (int f = 0; f < forecasters.Length; f++)
        {
            for (int i = 0; i < cases.Count; i++)
            {
                all.Add(forecasts[f, i]!);
            }
        }

        var model = Enumerable.Range(0, cases.Count).Select(i => forecasts[0, i]!).ToArray();
        var scores = new List<ForecasterScore>();
        for (int f = 0; f < forecasters.Length; f++)
        {
            var mine = Enumerable.Range(0, cases.Count).Select(i => forecasts[f, i]!).ToArray();
            var (brier, brierSe) = Mean(mine.Select(x => x.Brier));
            var (log, logSe) = Mean(mine.Select(x => x.LogScore));
            var (gain, gainSe) = Mean(mine.Select((x, i) => x.Brier - model[i].Brier));
            scores.Add(new ForecasterScore
            {
                Name = forecasters[f].Name, Brier = brier, BrierStandardError = brierSe, LogScore = log, LogScoreStandardError = logSe,
                Accuracy = new ProportionEstimate(mine.Count(x => x.Hit), mine.Length), BrierGainOfModel = gain, BrierGainOfModelStandardError = gainSe,
            });
        }

        return new ScorecardResult
        {
            Cases = [.. cases.Select(c => c.Name)], Folds = folds, Forecasts = all, Scores = scores,
            Reliability = Reliability(model, options.Confidence), Confidence = options.Confidence,
        };
    }

    /// <summary>Folds of near-equal size, assigned by a permutation drawn from the seed (one case per fold when folds = cases).</summary>
    internal static int[] AssignFolds(int cases, int folds, ulong seed)
    {
        var order = Enumerable.Range(0, cases).ToArray();
        if (folds < cases)
        {
            for (int i = cases - 1; i > 0; i--)
            {
                int j = (int)(RandomStream.ToUniform(RandomStream.CounterBits(KeyRegistry.Salted(seed, SeedSalt.ScorecardFolds), i, 0)) * (i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        var fold = new int[cases];
        for (int position = 0; position < cases; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    private static List<ReliabilityBin> Reliability(OutcomeForecast[] model, double confidence)
    {
        var bins = new List<ReliabilityBin>();
        foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
        {
            for (int b = 0; b + 1 < Edges.Length; b++)
            {
                var inBin = model.Where(x => x.Probabilities[(int)t] >= Edges[b] && x.Probabilities[(int)t] < Edges[b + 1]).ToArray();
                if (inBin.Length == 0)
                {
                    continue;
                }

                var observed = new ProportionEstimate(inBin.Count(x => x.Observed == t), inBin.Length);
                double mean = inBin.Average(x => x.Probabilities[(int)t]);
                bins.Add(new ReliabilityBin
                {
                    Type = t, Lower = Edges[b], Upper = Math.Min(1, Edges[b + 1]), MeanForecast = mean, Observed = observed,
                    Reliable = observed.Wilson(confidence).Contains(mean),
                });
            }
        }

        return bins;
    }

    private static (double Mean, double StandardError) Mean(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double variance = v.Length > 1 ? v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) : 0;
        return (mean, Math.Sqrt(variance / v.Length));
    }
}
