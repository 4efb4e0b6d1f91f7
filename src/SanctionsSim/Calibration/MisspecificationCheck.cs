using SanctionsSim.Model;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Calibration;

/// <summary>
/// Misspecification diagnostics of a calibration at a posterior (docs/validation.md, misspecification): each case's
/// and each observation's share of the squared distance a particle drawn from the posterior has, and posterior
/// predictive p-values per observation (Gelman, Meng &amp; Stern 1996). An ABC posterior is shaped by whatever
/// misfit the model cannot remove (Frazier, Robert &amp; Rousseau 2020); this says where that misfit is.
/// </summary>
/// <remarks>
/// Particles are drawn by weight, one per group of <see cref="CaseCalibration.ReplicationsPerCase"/> replications,
/// the same particle for every case (as a calibration simulates a particle); each case's uncertain facts are drawn
/// within their ranges per replication. Draws are keyed by (seed, case, particle, replication): the result does not
/// depend on the number of threads.
/// </remarks>
internal static class MisspecificationCheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="calibration">The cases, their distance, outcome weight and replications per case.</param>
    /// <param name="posterior">The posterior whose particles are simulated (its parameters are applied to every case).</param>
    /// <param name="options">Particles, seed and threads; defaults when null.</param>
    /// <param name="cancellationToken">Cancels between replications.</param>
    /// <returns>Each case's and each observation's misfit.</returns>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static MisspecificationResult Run(CaseCalibration calibration, Posterior posterior, MisspecificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(posterior);
        options ??= new MisspecificationOptions();
        options.Validate();
        var cases = calibration.Cases;
        int n = cases.Count, particles = options.Particles, m = calibration.ReplicationsPerCase;
        ulong seed = options.Seed;
        var facts = cases.Select(c => c.Ranges.Count > 0 ? new FactRangeModel(c.Scenario, c.Ranges) : null).ToArray();
        var scenarios = cases.Select(c => c.Scenario).ToArray();
        var chosen = new int[particles];
        for (int g = 0; g < particles; g++)
        {
            chosen[g] = posterior.Particle(seed, g);
        }

        var statistics = new CaseStatistics[n][];
        var terms = new double[n][];
        for (int c = 0; c < n; c++)
        {
            statistics[c] = new CaseStatistics[particles * m];
            terms[c] = new double[particles * HistoricalCase.TermNames.Length];
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        Parallel.For(0, n * particles, parallel, job =>
        {
            int c = job / particles, g = job % particles;
            ulong caseSeed = CaseCalibration.CaseSeed(seed, c);
            var structured = facts[c] is null ? posterior.Apply(scenarios[c], chosen[g]) : null;
            for (int r = 0; r < m; r++)
            {
                long i = ((long)g * m) + r;
                var scenario = structured ?? posterior.Apply(facts[c]!.ScenarioFor(caseSeed, i), chosen[g]);
                var plan = new SimulationPlan(scenario);
                var run = new Replication(plan);
                run.Run(caseSeed, i);
                statistics[c][i] = CaseStatistics.From(run.Metrics, plan.FactionCount);
            }

            cases[c].DistanceTerms(statistics[c].AsSpan(g * m, m), calibration.Distance, terms[c].AsSpan(g * HistoricalCase.TermNames.Length, HistoricalCase.TermNames.Length));
        });

        var misfits = new CaseMisfit[n];
        double total = 0;
        for (int c = 0; c < n; c++)
        {
            misfits[c] = Case(cases[c], statistics[c], terms[c], particles, calibration.Distance);
            total += misfits[c].MeanSquaredDistance;
        }

        return new MisspecificationResult
        {
            Cases = misfits.Select(x => x with { ShareOfTotal = total > 0 ? x.MeanSquaredDistance / total : 0 }).ToArray(),
            MeanSquaredDistance = total,
            Distance = calibration.Distance,
            OutcomeWeight = calibration.OutcomeWeight,
            Particles = particles,
            ReplicationsPerCase = m,
            Seed = seed,
            PosteriorHash = posterior.Hash,
        };
    }

    private static CaseMisfit Case(HistoricalCase c, CaseStatistics[] draws, double[] terms, int particles, CaseDistance distance)
    {
        int k = HistoricalCase.TermNames.Length;
        var perParticle = new double[particles];
        var termMeans = new double[k];
        for (int g = 0; g < particles; g++)
        {
            for (int t = 0; t < k; t++)
            {
                perParticle[g] += terms[(g * k) + t];
                termMeans[t] += terms[(g * k) + t] / particles;
            }
        }

        double mean = MathNet.Numerics.Statistics.Statistics.Mean(perParticle);
        double se = MathNet.Numerics.Statistics.Statistics.StandardDeviation(perParticle) / Math.Sqrt(particles);
        var observations = new List<ObservationMisfit>();
        for (int t = 0; t < k; t++)
        {
            string name = HistoricalCase.TermNames[t];
            if (!c.Observes(name) || (distance == CaseDistance.OutcomeOnly && name != "outcome") || (name == "outcomeWeek" && (ByType(c, distance) ? c.Observation.OutcomeWeek : c.Observation.CollapseWeek) is null))
            {
                continue;
            }

            var fit = name == "outcome" ? Outcome(c, draws, distance) : Quantity(c, name, draws, distance);
            observations.Add(fit with { MeanSquaredTerm = termMeans[t], ShareOfCase = mean > 0 ? termMeans[t] / mean : 0 });
        }

        return new CaseMisfit { Case = c.Name, MeanSquaredDistance = mean, MeanSquaredDistanceStandardError = se, ShareOfTotal = 0, Observations = observations };
    }

    /// <summary>Whether the distance compares the outcome type (an outcome-probability distance on a case with a coded type) or only collapse.</summary>
    private static bool ByType(HistoricalCase c, CaseDistance distance) => distance != CaseDistance.Mean && c.Observation.Outcome is not null;

    private static ObservationMisfit Outcome(HistoricalCase c, CaseStatistics[] draws, CaseDistance distance)
    {
        var o = c.Observation;
        bool byType = ByType(c, distance);
        Func<CaseStatistics, int> category = byType ? x => (int)x.Outcome : x => x.Collapsed ? 1 : 0;
        int observed = byType ? (int)o.Outcome!.Value : o.Collapsed ? 1 : 0;
        var counts = draws.GroupBy(category).ToDictionary(g => g.Key, g => g.Count());
        double p = counts.GetValueOrDefault(observed) / (double)draws.Length;
        double twoSided = counts.Values.Select(v => v / (double)draws.Length).Where(q => q <= p + 1e-12).Sum();
        return new ObservationMisfit
        {
            Name = "outcome", Observed = observed, ObservedLow = observed, ObservedHigh = observed, MeanSquaredTerm = 0, ShareOfCase = 0,
            PredictiveMedian = double.NaN, PredictiveP = p, TwoSidedP = Math.Min(1, twoSided), Replications = draws.Length,
        };
    }

    private static ObservationMisfit Quantity(HistoricalCase c, string name, CaseStatistics[] draws, CaseDistance distance)
    {
        var o = c.Observation;
        double observed;
        double[] values;
        if (name == "outcomeWeek")
        {
            // the week as the distance compares it: of the observed type's ending, or of any collapse (the mean distance, or no type coded)
            bool byType = ByType(c, distance);
            observed = (byType ? o.OutcomeWeek : o.CollapseWeek)!.Value;
            values = byType
                ? draws.Where(x => x.Outcome == o.Outcome!.Value).Select(x => (double)x.OutcomeWeek).ToArray()
                : draws.Where(x => x.Collapsed).Select(x => (double)x.CollapseWeek).ToArray();
        }
        else
        {
            Func<CaseStatistics, double> value = name switch
            {
                "earlyGeneralDefections" => x => x.EarlyGeneralDefections,
                "generalsDefected" => x => x.GeneralsDefected,
                "earlyLowRankCrossings" => x => x.EarlyLowRankCrossings,
                "lowRankCrossings" => x => x.LowRankCrossings,
                _ => x => x.DefectedShare,
            };
            observed = name switch
            {
                "earlyGeneralDefections" => o.EarlyGeneralDefections!.Value,
                "generalsDefected" => o.GeneralsDefected!.Value,
                "earlyLowRankCrossings" => o.EarlyLowRankCrossings!.Value,
                "lowRankCrossings" => o.LowRankCrossings!.Value,
                _ => o.DefectedShare!.Value,
            };
            values = draws.Select(value).ToArray();
        }

        (double low, double high) = o.Ranges.TryGetValue(name, out var range) ? (range.Low, range.High) : (observed, observed);
        if (values.Length == 0)
        {
            return new ObservationMisfit
            {
                Name = name, Observed = observed, ObservedLow = low, ObservedHigh = high, MeanSquaredTerm = 0, ShareOfCase = 0,
                PredictiveMedian = double.NaN, PredictiveP = double.NaN, TwoSidedP = double.NaN, Replications = 0,
            };
        }

        double above = values.Count(v => v > high), below = values.Count(v => v < low), inside = values.Length - above - below;
        double upper = (above + (inside / 2)) / values.Length, lower = (below + (inside / 2)) / values.Length;
        return new ObservationMisfit
        {
            Name = name, Observed = observed, ObservedLow = low, ObservedHigh = high, MeanSquaredTerm = 0, ShareOfCase = 0,
            PredictiveMedian = MathNet.Numerics.Statistics.Statistics.Median(values), PredictiveP = upper, TwoSidedP = Math.Min(1, 2 * Math.Min(upper, lower)),
            Replications = values.Length,
        };
    }
}
