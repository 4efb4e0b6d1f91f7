using MathNet.Numerics.Distributions;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Calibration;

/// <summary>
/// Simulation-based calibration of the case calibration (Talts, Betancourt, Simpson, Vehtari &amp; Gelman 2018):
/// draw a structure θ* from the prior, simulate one history of every case at θ* (a synthetic case base, each case
/// observed in the same fields as the real one), calibrate on it with <see cref="AbcSmc"/>, and record where θ*
/// falls among draws from the posterior. If the calibration is right, the ranks are uniform and the 50 % and 90 %
/// central credible intervals cover θ* in 50 % and 90 % of the synthetic bases. docs/validation.md, §Does the
/// calibration cover the truth.
/// </summary>
/// <remarks>
/// Synthetic base i draws θ*, the histories and the calibration's seed from streams keyed by (seed, i) alone, and
/// each calibration runs on one thread, so the result is the same whatever <see cref="CoverageCheckOptions.MaxDegreeOfParallelism"/>.
/// The synthetic bases do not depend on <see cref="CoverageCheckOptions.Distance"/>: two checks with the same seed
/// compare the distances on the same truths and histories.
/// </remarks>
internal static class CoverageCheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="cases">The cases whose scenarios, fact ranges and observed fields the synthetic cases copy (at least one).</param>
    /// <param name="parameters">The structural parameters drawn and calibrated (at least one).</param>
    /// <param name="options">The settings (default: <see cref="CoverageCheckOptions"/>'s defaults).</param>
    /// <param name="priors">Priors replacing the parameters' own (matched by name), as in <see cref="CaseCalibration"/>; the truths are drawn from the same priors.</param>
    /// <param name="progress">Receives the number of synthetic bases finished.</param>
    /// <param name="cancellationToken">Stops between calibrations.</param>
    /// <returns>The ranks, histograms, uniformity tests and coverages, per parameter.</returns>
    /// <exception cref="ArgumentException">Invalid options, cases or priors.</exception>
    public static CoverageCheckResult Run(IReadOnlyList<HistoricalCase> cases, IReadOnlyList<StructuralParameter> parameters, CoverageCheckOptions? options = null, IReadOnlyList<ExperimentParameter>? priors = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(parameters);
        options = (options ?? new CoverageCheckOptions()).Clone();
        options.Validate();
        var templates = new CaseCalibration(cases, parameters, priors, 1);
        var prior = templates.Parameters;
        int n = options.SyntheticBases, dim = prior.Count, draws = options.PosteriorDraws;
        var truths = new double[n, dim];
        var ranks = new int[n, dim];
        var means = new double[n, dim];
        var covered50 = new bool[n, dim];
        var covered90 = new bool[n, dim];
        var simulations = new long[n];
        int done = 0;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, i =>
        {
            ulong key = RandomStream.CounterBits(KeyRegistry.Salted(options.Seed, SeedSalt.CoverageBases), i, 0);
            var theta = new double[dim];
            for (int j = 0; j < dim; j++)
            {
                theta[j] = prior[j].FromUnit(RandomStream.ToUniform(RandomStream.CounterBits(key, 1, j)));
                truths[i, j] = theta[j];
            }

            var synthetic = Synthetic(templates, theta, RandomStream.CounterBits(key, 2, 0), i);
            var calibration = new CaseCalibration(synthetic, parameters, priors, options.ReplicationsPerCase, options.Distance);
            var abc = options.Abc.Clone();
            abc.Seed = RandomStream.CounterBits(key, 3, 0);
            abc.MaxDegreeOfParallelism = 1;
            var result = AbcSmc.Run(calibration, abc, cancellationToken: cancellationToken);
            var population = result.Posterior;
            simulations[i] = result.Simulations;
            var s50 = population.Summarize(0.25, 0.75);
            var s90 = population.Summarize(0.05, 0.95);
            var picks = Draws(population.Weights, draws, RandomStream.CounterBits(key, 4, 0));
            for (int j = 0; j < dim; j++)
            {
                int below = 0;
                foreach (int p in picks)
                {
                    below += population[p, j] < theta[j] ? 1 : 0;
                }

                ranks[i, j] = below;
                means[i, j] = Mean(population, j, prior[j].Distribution == ParameterDistribution.LogUniform);
                covered50[i, j] = s50[j].Lower <= theta[j] && theta[j] <= s50[j].Upper;
                covered90[i, j] = s90[j].Lower <= theta[j] && theta[j] <= s90[j].Upper;
            }

            progress?.Report(Interlocked.Increment(ref done));
        });

        var results = new CoverageParameterResult[dim];
        for (int j = 0; j < dim; j++)
        {
            results[j] = new CoverageParameterResult(prior[j], options, Column(truths, j), Column(means, j), Column(ranks, j), Column(covered50, j), Column(covered90, j));
        }

        return new CoverageCheckResult(options, results, simulations.Sum());
    }

    /// <summary>The chi-square statistic of counts against equal expected counts, and its p-value (MathNet's χ² distribution with bins − 1 degrees of freedom).</summary>
    internal static (double ChiSquare, double PValue) Uniformity(IReadOnlyList<int> histogram)
    {
        double total = histogram.Sum(), expected = total / histogram.Count, chi = 0;
        foreach (int o in histogram)
        {
            chi += (o - expected) * (o - expected) / expected;
        }

        return (chi, 1 - ChiSquared.CDF(histogram.Count - 1, chi));
    }

    /// <summary>Synthetic cases: one history of each case at θ, observed in the fields the real case observes (as points: no ranges).</summary>
    private static HistoricalCase[] Synthetic(CaseCalibration templates, double[] theta, ulong seed, int index)
    {
        var result = new HistoricalCase[templates.Cases.Count];
        for (int c = 0; c < result.Length; c++)
        {
            var x = templates.Simulate(c, theta, seed, 0);
            var real = templates.Cases[c].Observation;
            var observation = new CaseObservation
            {
                Outcome = x.Outcome,
                OutcomeWeek = x.Outcome == OutcomeType.Survived ? null : x.OutcomeWeek,
                Collapsed = x.Collapsed,
                CollapseWeek = x.Collapsed ? x.CollapseWeek : null,
                EarlyGeneralDefections = real.EarlyGeneralDefections is null ? null : x.EarlyGeneralDefections,
                GeneralsDefected = real.GeneralsDefected is null ? null : x.GeneralsDefected,
                DefectedShare = real.DefectedShare is null ? null : x.DefectedShare,
                EarlyLowRankCrossings = real.EarlyLowRankCrossings is null ? null : x.EarlyLowRankCrossings,
                LowRankCrossings = real.LowRankCrossings is null ? null : x.LowRankCrossings,
                Source = $"synthetic: one history at a structure drawn from the prior (coverage check, base {index})",
            };
            result[c] = templates.Cases[c].WithObservation($"{templates.Cases[c].Name}~{index}", observation);
        }

        return result;
    }

    /// <summary>The weighted posterior mean of parameter j, on the prior's scale: geometric (the mean of log θ) for a log-uniform prior.</summary>
    private static double Mean(AbcPopulation population, int j, bool log)
    {
        double sum = 0;
        for (int i = 0; i < population.Count; i++)
        {
            sum += population.Weights[i] * (log ? Math.Log(population[i, j]) : population[i, j]);
        }

        return log ? Math.Exp(sum) : sum;
    }

    /// <summary>Draws by weight (multinomial, inverse CDF of keyed uniforms).</summary>
    private static int[] Draws(IReadOnlyList<double> weights, int count, ulong key)
    {
        var cumulative = new double[weights.Count];
        double total = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }

        var picks = new int[count];
        for (int l = 0; l < count; l++)
        {
            double u = RandomStream.ToUniform(RandomStream.CounterBits(key, l, 0)) * total;
            int k = Array.BinarySearch(cumulative, u);
            picks[l] = Math.Min(k < 0 ? ~k : k, weights.Count - 1);
        }

        return picks;
    }

    private static T[] Column<T>(T[,] values, int j)
    {
        var column = new T[values.GetLength(0)];
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = values[i, j];
        }

        return column;
    }
}
