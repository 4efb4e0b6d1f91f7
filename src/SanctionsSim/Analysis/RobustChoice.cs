using MathNet.Numerics.Statistics;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>
/// Robust choice among policies across a calibration posterior (Lempert, Popper &amp; Bankes 2003; Savage 1951 for
/// regret): each candidate arm is run at each of a sample of posterior particles on common random numbers, and the
/// arms are ranked by how often they reach the goal (satisficing share) and by how much they fall short of the best
/// arm at each particle (regret), not only by their outcome at a point estimate. docs/policy-design.md.
/// </summary>
/// <remarks>
/// Particles are drawn by weight with systematic resampling; particle k's replications are replications
/// k·R … k·R + R − 1 of the seed in every arm, so the arms differ only by policy. Deterministic for a seed whatever
/// the threads. Intervals are over particles (the posterior sample); each particle's own estimate carries binomial
/// noise of at most 0.5/√R, which inflates the spread (and the regrets) slightly: report R with the result.
/// </remarks>
public static class RobustChoice
{
    /// <summary>Runs the arms across the posterior.</summary>
    /// <param name="arms">Two or more scenarios (the candidate policies), with distinct names.</param>
    /// <param name="posterior">The posterior (for example <see cref="Posterior.Default"/>).</param>
    /// <param name="options">Particles, replications, target, seed; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the evaluation (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>Each particle's estimates and each arm's summary.</returns>
    /// <exception cref="ArgumentException">Fewer than two arms, duplicate names or invalid options.</exception>
    public static RobustChoiceResult Evaluate(IReadOnlyList<Scenario> arms, Posterior posterior, RobustChoiceOptions? options = null, CancellationToken cancellationToken = default)
        => Evaluate(arms, posterior, options, null, null, cancellationToken);

    /// <summary>Runs the arms across the posterior, resuming an interrupted run (the command line's checkpoints).</summary>
    /// <param name="arms">Two or more scenarios (the candidate policies), with distinct names.</param>
    /// <param name="posterior">The posterior (for example <see cref="Posterior.Default"/>).</param>
    /// <param name="options">Particles, replications, target, seed; null for the defaults.</param>
    /// <param name="completed">Particles already evaluated by an interrupted run with the same arms, posterior and options: reused, not rerun.</param>
    /// <param name="onParticle">Called with each particle as it finishes (to save it), from worker threads.</param>
    /// <param name="cancellationToken">Stops the evaluation (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>Each particle's estimates and each arm's summary.</returns>
    /// <exception cref="ArgumentException">Fewer than two arms, duplicate names, invalid options, or a completed particle out of range or with the wrong number of arms.</exception>
    internal static RobustChoiceResult Evaluate(IReadOnlyList<Scenario> arms, Posterior posterior, RobustChoiceOptions? options, IEnumerable<RobustParticle>? completed, Action<RobustParticle>? onParticle = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(posterior);
        options = (options ?? new RobustChoiceOptions()).Clone();
        options.Validate();
        if (arms.Count < 2 || arms.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != arms.Count)
        {
            throw new ArgumentException($"Robust choice needs two or more arms with distinct names; got {string.Join(", ", arms.Select(a => a.Name))}.", nameof(arms));
        }

        int k = options.Particles, a = arms.Count, r = options.ReplicationsPerParticle;
        int[] particles = posterior.Resample(k, KeyRegistry.Salted(options.Seed, SeedSalt.RobustResample));
        var estimates = new double[k, a];
        var done = new bool[k];
        foreach (var p in completed ?? [])
        {
            if (p.Row < 0 || p.Row >= k || p.Estimates.Count != a)
            {
                throw new ArgumentException($"A completed particle has row {p.Row} and {p.Estimates.Count} estimates; this evaluation has rows 0 … {k - 1} and {a} arms.", nameof(completed));
            }

            for (int j = 0; j < a; j++)
            {
                estimates[p.Row, j] = p.Estimates[j];
            }

            done[p.Row] = true;
        }

        int[] todo = Enumerable.Range(0, k).Where(i => !done[i]).ToArray();
        Parallel.For(
            0,
            todo.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
            t =>
            {
                int i = todo[t];
                var row = new double[a];
                for (int j = 0; j < a; j++)
                {
                    var model = new SanctionsModel(posterior.Apply(arms[j], particles[i]));
                    var run = model.Simulate(new MonteCarloOptions { Replications = r, Seed = options.Seed, FirstReplication = (long)i * r, MaxDegreeOfParallelism = 1 }, null, cancellationToken);
                    cancellationToken.ThrowIfCancellationRequested();
                    row[j] = run.Summary.CollapseProbability.Estimate;
                    estimates[i, j] = row[j];
                }

                onParticle?.Invoke(new RobustParticle { Row = i, Estimates = row });
            });
        return new RobustChoiceResult(arms.Select(x => x.Name).ToArray(), posterior, particles, estimates, Summaries(arms, estimates, options), options);
    }

    private static RobustArm[] Summaries(IReadOnlyList<Scenario> arms, double[,] estimates, RobustChoiceOptions options)
    {
        int k = estimates.GetLength(0), a = estimates.GetLength(1);
        var regret = new double[a][];
        for (int j = 0; j < a; j++)
        {
            regret[j] = new double[k];
        }

        for (int i = 0; i < k; i++)
        {
            double best = double.NegativeInfinity;
            for (int j = 0; j < a; j++)
            {
                best = Math.Max(best, estimates[i, j]);
            }

            for (int j = 0; j < a; j++)
            {
                regret[j][i] = best - estimates[i, j];
            }
        }

        var rows = new (string Name, double Mean, double MeanSe, int Satisfied, double Regret, double RegretSe, double Regret90, double MaxRegret)[a];
        for (int j = 0; j < a; j++)
        {
            var p = Enumerable.Range(0, k).Select(i => estimates[i, j]).ToArray();
            rows[j] = (arms[j].Name, p.Mean(), p.StandardDeviation() / Math.Sqrt(k), p.Count(x => x >= options.Target), regret[j].Mean(), regret[j].StandardDeviation() / Math.Sqrt(k), regret[j].Quantile(0.9), regret[j].Maximum());
        }

        var order = Enumerable.Range(0, a).OrderByDescending(j => rows[j].Satisfied).ThenBy(j => rows[j].Regret).ThenBy(j => j).ToArray();
        return Enumerable.Range(0, a).Select(j => new RobustArm
        {
            Name = rows[j].Name,
            Rank = Array.IndexOf(order, j) + 1,
            MeanProbability = rows[j].Mean,
            MeanStandardError = rows[j].MeanSe,
            SatisficingShare = (double)rows[j].Satisfied / k,
            SatisficingInterval = new ProportionEstimate(rows[j].Satisfied, k).Wilson(options.Confidence),
            MeanRegret = rows[j].Regret,
            MeanRegretStandardError = rows[j].RegretSe,
            Regret90 = rows[j].Regret90,
            MaxRegret = rows[j].MaxRegret,
        }).ToArray();
    }
}
