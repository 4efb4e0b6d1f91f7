using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Scorecard;

/// <summary>
/// Do the fixed payoff-scale constants matter for what the model predicts? A Saltelli design over each constant's
/// factor (log-uniform, ½ to 2 by default; <see cref="PayoffConstants"/>), multiplied into every case's value; at each
/// point every case is run with its structure drawn from the posterior and its facts within their ranges, its
/// forecast of the outcome type is scored against what happened, and the mean Brier and log scores over the cases
/// are the outputs of a Sobol analysis (Saltelli 2002; Jansen 1999) (docs/model.md, §Constants).
/// </summary>
/// <remarks>
/// The runs use the same seed at every point (common random numbers), so differences between points are the
/// constants' doing, not noise; the remaining Monte Carlo variance of a point's score is estimated by the delta
/// method on the multinomial shares and reported beside the output's variance. Forecasts are made as the
/// scorecard's model makes them: each type's share of the runs with half a run added, floored at
/// <see cref="OutcomeForecast.Floor"/>. The structure is not recalibrated at each point: the question is whether
/// the scores move with the constants at the posterior, not what a calibration conditional on them would find.
/// </remarks>
internal static class ConstantSensitivity
{
    private static readonly int TypeCount = Enum.GetValues<OutcomeType>().Length;

    /// <summary>Runs the analysis.</summary>
    /// <param name="cases">The cases scored (at least two, each with a coded outcome type).</param>
    /// <param name="constants">The constants varied (default <see cref="PayoffConstants.All"/>; at least one, names unique).</param>
    /// <param name="options">Samples, runs, posterior, seed, threads; defaults when null.</param>
    /// <param name="progress">Reports design points done, or null.</param>
    /// <param name="cancellationToken">Cancels between points.</param>
    /// <returns>The indices of each score.</returns>
    /// <exception cref="ArgumentException">Invalid options, too few cases, a case without an outcome type, or a constant whose path names no field.</exception>
    public static ConstantSensitivityResult Run(IReadOnlyList<HistoricalCase> cases, IReadOnlyList<PayoffConstant>? constants = null, ConstantSensitivityOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        options ??= new ConstantSensitivityOptions();
        options.Validate();
        var varied = (constants ?? PayoffConstants.All).ToArray();
        if (varied.Length == 0 || varied.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != varied.Length)
        {
            throw new ArgumentException("At least one constant is needed, each named once.", nameof(constants));
        }

        if (cases.Count < 2)
        {
            throw new ArgumentException("At least two cases are needed.", nameof(cases));
        }

        if (cases.FirstOrDefault(c => c.Observation.Outcome is null) is { } uncoded)
        {
            throw new ArgumentException($"case '{uncoded.Name}' has no coded outcome type to score.", nameof(cases));
        }

        var posterior = options.Posterior ?? Posterior.Default;
        var factors = varied.Select(c => c.Factor).ToArray();
        ExperimentParameter.ValidateAll(factors, nameof(constants));
        var templates = cases.Select(c => new ScenarioTemplate(c.Scenario, varied.Select(v => v.Path).ToArray())).ToArray();
        var baseValues = templates.Select(t => t.BaseValues.ToArray()).ToArray();
        var design = new SaltelliDesign(options.Samples, varied.Length, options.Seed);
        long points = design.Count;
        int n = cases.Count;

        // point −1 (stored last) is every factor at 1
        var brier = new double[(points + 1) * n];
        var logScore = new double[(points + 1) * n];
        var noise = new double[(points + 1) * n];
        long done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        Parallel.For(0L, (points + 1) * n, parallel, job =>
        {
            long point = job / n;
            int c = (int)(job % n);
            Span<double> x = stackalloc double[varied.Length];
            if (point < points)
            {
                design.Point(point, x);
                for (int j = 0; j < x.Length; j++)
                {
                    x[j] = factors[j].FromUnit(x[j]);
                }
            }
            else
            {
                x.Fill(1.0);
            }

            Span<double> values = stackalloc double[varied.Length];
            for (int j = 0; j < values.Length; j++)
            {
                values[j] = baseValues[c][j] * x[j];
            }

            var scenario = templates[c].Apply(values);
            var model = new FactRangeModel(scenario, cases[c].Ranges, posterior);
            var summary = model.Simulate(new MonteCarloOptions { Replications = options.Runs, Seed = CaseCalibration.CaseSeed(options.Seed, c), MaxDegreeOfParallelism = 1 }).Summary;
            var counts = new double[TypeCount];
            foreach (OutcomeType t in Enum.GetValues<OutcomeType>())
            {
                counts[(int)t] = summary.OutcomeProbability(t).Successes + 0.5;
            }

            var forecast = new OutcomeForecast { Case = cases[c].Name, Forecaster = "model", Fold = 0, Probabilities = OutcomeForecast.Normalise(counts), Observed = cases[c].Observation.Outcome!.Value };
            brier[job] = forecast.Brier;
            logScore[job] = forecast.LogScore;
            noise[job] = BrierVariance(forecast, options.Runs);
            if (progress is not null && Interlocked.Increment(ref done) % n == 0)
            {
                progress.Report(Interlocked.Read(ref done) / n);
            }
        });

        var meanBrier = new double[points];
        var meanLog = new double[points];
        double noiseSum = 0;
        for (long p = 0; p < points; p++)
        {
            for (int c = 0; c < n; c++)
            {
                meanBrier[p] += brier[(p * n) + c] / n;
                meanLog[p] += logScore[(p * n) + c] / n;
                noiseSum += noise[(p * n) + c] / ((double)n * n);
            }
        }

        double atDefaults = 0, atDefaultsLog = 0, atDefaultsVariance = 0;
        for (int c = 0; c < n; c++)
        {
            atDefaults += brier[(points * n) + c] / n;
            atDefaultsLog += logScore[(points * n) + c] / n;
            atDefaultsVariance += noise[(points * n) + c] / ((double)n * n);
        }

        string[] names = varied.Select(v => v.Name).ToArray();
        return new ConstantSensitivityResult
        {
            Constants = varied,
            Cases = cases.Select(c => c.Name).ToArray(),
            Brier = SobolAnalysis.FromOutputs(design, meanBrier, names, options.Seed, options.Bootstrap),
            LogScore = SobolAnalysis.FromOutputs(design, meanLog, names, options.Seed, options.Bootstrap),
            BrierAtDefaults = atDefaults,
            BrierAtDefaultsStandardError = Math.Sqrt(atDefaultsVariance),
            LogScoreAtDefaults = atDefaultsLog,
            BrierRange = (meanBrier.Min(), meanBrier.Max()),
            BrierVariance = MathNet.Numerics.Statistics.Statistics.Variance(meanBrier),
            BrierNoiseVariance = noiseSum / points,
            Points = points,
            Runs = options.Runs,
            Seed = options.Seed,
            PosteriorHash = posterior.Hash,
        };
    }

    /// <summary>
    /// The Monte Carlo variance of a forecast's Brier score by the delta method: B = Σ (p_k − y_k)², ∇B = 2 (p − y),
    /// and the shares of R runs have covariance (diag p − p pᵀ) / R.
    /// </summary>
    private static double BrierVariance(OutcomeForecast f, int runs)
    {
        var p = f.Probabilities;
        double quadratic = 0, linear = 0;
        for (int k = 0; k < p.Count; k++)
        {
            double g = 2 * (p[k] - (k == (int)f.Observed ? 1 : 0));
            quadratic += g * g * p[k];
            linear += g * p[k];
        }

        return Math.Max(0, (quadratic - (linear * linear)) / runs);
    }
}
