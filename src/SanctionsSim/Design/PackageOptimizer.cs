using MathNet.Numerics.Distributions;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Design;

/// <summary>
/// Finds a policy package: the cheapest reaching a probability target, or the most effective within a budget, by
/// successive halving on common random numbers (Jamieson &amp; Talwalkar 2016 for the halving; Law &amp; Kelton for common
/// random numbers in simulation optimisation), with local refinement around the incumbent and a confirmation run on
/// fresh random numbers. docs/policy-design.md gives the method.
/// </summary>
/// <remarks>
/// <para>
/// Round 0 evaluates a scrambled Sobol design over the levers' box and its two corners on R₀ replications. Each round
/// ranks the packages (feasible ones by cost, or by probability within the budget; infeasible ones after them, by how
/// far they miss), keeps the better half, adds packages drawn around the incumbent with a step that halves each round,
/// and doubles the replications: survivors are re-evaluated on the same replications extended (common random numbers,
/// so differences between packages are not drowned by noise), which protects against an incumbent that was lucky.
/// The chosen package is then run again on a fresh seed: that confirmation is the estimate to report.
/// </para>
/// <para>
/// Deterministic for a seed whatever the threads: packages come from the Sobol design and from streams keyed by (seed,
/// round); every evaluation is a pure function of (package, seed, replication range). No maintained .NET library offers
/// noise-aware simulation optimisation; the Sobol design is <see cref="SobolSequence"/> and the normal quantiles come from
/// MathNet.Numerics.
/// </para>
/// </remarks>
public static class PackageOptimizer
{
    /// <summary>Searches for the package.</summary>
    /// <param name="problem">The scenario, its levers, the goal event and the costs.</param>
    /// <param name="options">Goal, target or budget, budget of replications, seed; null for the defaults.</param>
    /// <param name="progress">Receives each round as it ends.</param>
    /// <param name="cancellationToken">Stops the search (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The package with its confirmation.</returns>
    /// <exception cref="ArgumentException">The options are invalid or the problem has no levers or outputs.</exception>
    /// <exception cref="PackageInfeasibleException">Round 0 shows that no package in the box can meet the goal (the best probability's upper limit is below the target, or the cheapest cost's lower limit is above the budget).</exception>
    public static OptimizationResult Optimize(ScenarioPackageProblem problem, OptimizerOptions? options = null, IProgress<OptimizationRound>? progress = null, CancellationToken cancellationToken = default)
        => Optimize((IPackageProblem)problem, options, progress, cancellationToken);

    /// <summary>Searches for the package of any problem (the command line's cached problem, the tests' toy problems).</summary>
    /// <param name="problem">The levers, the goal event and the costs.</param>
    /// <param name="options">Goal, target or budget, budget of replications, seed; null for the defaults.</param>
    /// <param name="progress">Receives each round as it ends.</param>
    /// <param name="cancellationToken">Stops the search (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The package with its confirmation.</returns>
    /// <exception cref="ArgumentException">The options are invalid or the problem has no levers or outputs.</exception>
    /// <exception cref="PackageInfeasibleException">Round 0 shows that no package in the box can meet the goal (the best probability's upper limit is below the target, or the cheapest cost's lower limit is above the budget).</exception>
    internal static OptimizationResult Optimize(IPackageProblem problem, OptimizerOptions? options = null, IProgress<OptimizationRound>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options = (options ?? new OptimizerOptions()).Clone();
        options.Validate();
        var levers = problem.Levers;
        int d = levers.Count;
        if (d == 0 || problem.Outputs.Count == 0)
        {
            throw new ArgumentException($"The problem needs at least one lever and one output; got {d} and {problem.Outputs.Count}.", nameof(problem));
        }

        ExperimentParameter.ValidateAll(levers, nameof(problem) + ".Levers");
        double z = Normal.InvCDF(0, 1, 0.5 + (options.Confidence / 2));
        var pool = new List<Candidate>();
        var sobol = new SobolSequence(d, options.Seed);
        var unit = new double[d];
        for (int i = 0; i < options.Candidates; i++)
        {
            sobol.Point(i, unit);
            pool.Add(new Candidate(levers, unit, pool.Count));
        }

        long order = pool.Count;
        pool.Add(new Candidate(levers, Enumerable.Repeat(1.0, d).ToArray(), order++));
        pool.Add(new Candidate(levers, new double[d], order++));
        var rounds = new List<OptimizationRound>();
        long replications = 0;
        for (int t = 0; t < options.Rounds; t++)
        {
            long r = (long)options.InitialReplications << t;
            replications += Evaluate(problem, pool, r, options, cancellationToken);
            if (t == 0)
            {
                CheckFeasible(pool, options, z);
            }

            pool.Sort((a, b) => Compare(a, b, options));
            var incumbent = pool[0];
            var round = new OptimizationRound { Round = t, ReplicationsPerPackage = r, Packages = pool.Count, Incumbent = PackageEstimate.Of(incumbent.Levers, incumbent.Sample!, options.Confidence) };
            rounds.Add(round);
            progress?.Report(round);
            if (t == options.Rounds - 1)
            {
                break;
            }

            pool.RemoveRange(Math.Max(2, (pool.Count + 1) / 2), pool.Count - Math.Max(2, (pool.Count + 1) / 2));
            var random = new RandomStream(options.Seed, t, KeyRegistry.Design(DesignUse.OptimizerRound));
            double step = 0.2 * Math.Pow(0.5, t);
            for (int k = 0; k < options.LocalCandidates; k++)
            {
                var u = new double[d];
                for (int j = 0; j < d; j++)
                {
                    u[j] = Math.Clamp(incumbent.Unit[j] + (step * Normal.InvCDF(0, 1, random.NextDoubleNonZero() * (1 - 1e-12))), 0, 1);
                }

                pool.Add(new Candidate(levers, u, order++));
            }
        }

        var best = pool[0];
        var confirmation = problem.Evaluate(best.Levers, RandomStream.Mix(KeyRegistry.Salted(options.Seed, SeedSalt.PackageConfirmation)), 0, options.ConfirmationReplications);
        replications += options.ConfirmationReplications;
        return new OptimizationResult(
            problem,
            options,
            PackageEstimate.Of(best.Levers, best.Sample!, options.Confidence),
            PackageEstimate.Of(best.Levers, confirmation, options.Confidence),
            rounds,
            pool.Take(10).Select(c => PackageEstimate.Of(c.Levers, c.Sample!, options.Confidence)).ToArray(),
            replications);
    }

    /// <summary>Brings every package to <paramref name="target"/> replications (extending, on common random numbers); returns the replications run.</summary>
    private static long Evaluate(IPackageProblem problem, List<Candidate> pool, long target, OptimizerOptions options, CancellationToken ct)
    {
        long run = 0;
        Parallel.For(
            0,
            pool.Count,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct },
            i =>
            {
                var c = pool[i];
                long have = c.Sample?.Replications ?? 0;
                if (have >= target)
                {
                    return;
                }

                var more = problem.Evaluate(c.Levers, options.Seed, have, (int)(target - have));
                c.Sample = c.Sample is null ? more : c.Sample.Merge(more);
                Interlocked.Add(ref run, target - have);
            });
        return run;
    }

    private static void CheckFeasible(List<Candidate> pool, OptimizerOptions options, double z)
    {
        if (options.Goal == PackageGoal.CheapestReachingTarget)
        {
            var best = pool.MaxBy(c => c.Sample!.Probability.Estimate)!;
            var interval = best.Sample!.Probability.Wilson(options.Confidence);
            if (pool.All(c => c.Sample!.Probability.Wilson(options.Confidence).Upper < options.Target))
            {
                throw new PackageInfeasibleException($"No package within the levers' bounds reaches P = {options.Target}: the best of {pool.Count} reached {best.Sample.Probability.Estimate:F3} [{interval.Lower:F3}, {interval.Upper:F3}] on {best.Sample.Replications} replications (levers {Format(best.Levers)}). Widen the bounds, add a lever or lower the target.");
            }
        }
        else
        {
            var cheapest = pool.MinBy(c => c.Sample!.Mean(0))!;
            if (pool.All(c => c.Sample!.Mean(0) - (z * Nz(c.Sample.StandardError(0))) > options.Budget))
            {
                throw new PackageInfeasibleException($"Every package costs more than the budget {options.Budget}: the cheapest of {pool.Count} costs {cheapest.Sample!.Mean(0):G4} ± {Nz(cheapest.Sample.StandardError(0)):G3} (levers {Format(cheapest.Levers)}). Raise the budget or widen the bounds.");
            }
        }
    }

    private static double Nz(double x) => double.IsNaN(x) ? 0 : x;

    private static string Format(double[] levers) => string.Join(", ", levers.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Feasible packages first (by cost, or by probability within the budget), then infeasible ones by how far they miss; ties by design order.</summary>
    private static int Compare(Candidate a, Candidate b, OptimizerOptions options)
    {
        var (fa, ka) = Key(a.Sample!, options);
        var (fb, kb) = Key(b.Sample!, options);
        int c = fa.CompareTo(fb);
        return c != 0 ? c : ka != kb ? ka.CompareTo(kb) : a.Order.CompareTo(b.Order);
    }

    private static (int Infeasible, double Key) Key(PackageSample s, OptimizerOptions options)
    {
        double p = s.Probability.Estimate, cost = s.Mean(0);
        return options.Goal == PackageGoal.CheapestReachingTarget
            ? (p >= options.Target ? (0, cost) : (1, options.Target - p))
            : (cost <= options.Budget ? (0, -p) : (1, cost - options.Budget));
    }

    private sealed class Candidate
    {
        public Candidate(IReadOnlyList<ExperimentParameter> levers, double[] unit, long order)
        {
            Unit = (double[])unit.Clone();
            Levers = levers.Select((l, j) => l.FromUnit(Unit[j])).ToArray();
            Order = order;
        }

        public double[] Unit { get; }

        public double[] Levers { get; }

        public long Order { get; }

        public PackageSample? Sample { get; set; }
    }
}
