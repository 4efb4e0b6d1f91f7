using MathNet.Numerics.Distributions;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Design;

/// <summary>
/// The trade-off between a package's probability of the goal event and its costs: a Pareto front by NSGA-II (Deb,
/// Pratap, Agarwal &amp; Meyarivan 2002: non-dominated sorting, crowding distance, simulated binary crossover and
/// polynomial mutation) on common random numbers, the final packages confirmed on fresh random numbers, and a package
/// marked dominated only when another beats it beyond Monte Carlo error. docs/policy-design.md.
/// </summary>
/// <remarks>
/// Objectives: maximise the probability, minimise every output. Deterministic for a seed whatever the threads: the first
/// generation is a scrambled Sobol design, variation draws from streams keyed by (seed, generation), and every package is
/// evaluated on replications 0 … R − 1 of the seed. No maintained .NET NSGA-II exists; this follows the paper's
/// algorithm and its usual parameters (crossover probability 0.9 with η = 15, mutation probability 1/d with η = 20).
/// </remarks>
public static class ParetoSearch
{
    /// <summary>Searches the trade-off.</summary>
    /// <param name="problem">The scenario, its levers, goal event and costs.</param>
    /// <param name="options">Population, generations, replications, seed; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the search (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The final packages with their confirmed estimates.</returns>
    /// <exception cref="ArgumentException">Invalid options, or a problem without levers or outputs.</exception>
    public static ParetoResult Run(ScenarioPackageProblem problem, ParetoOptions? options = null, CancellationToken cancellationToken = default)
        => Run((IPackageProblem)problem, options, cancellationToken);

    /// <summary>Searches the trade-off of any problem (the command line's cached problem, the tests' toy problems).</summary>
    /// <param name="problem">Levers, goal event and costs.</param>
    /// <param name="options">Population, generations, replications, seed; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the search (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The final packages with their confirmed estimates.</returns>
    /// <exception cref="ArgumentException">Invalid options, or a problem without levers or outputs.</exception>
    internal static ParetoResult Run(IPackageProblem problem, ParetoOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options = (options ?? new ParetoOptions()).Clone();
        options.Validate();
        var levers = problem.Levers;
        int d = levers.Count, m = problem.Outputs.Count + 1, n = options.Population;
        if (d == 0 || problem.Outputs.Count == 0)
        {
            throw new ArgumentException($"The problem needs at least one lever and one output; got {d} and {problem.Outputs.Count}.", nameof(problem));
        }

        ExperimentParameter.ValidateAll(levers, nameof(problem) + ".Levers");
        var sobol = new SobolSequence(d, options.Seed);
        var population = new List<Member>();
        for (int i = 0; i < n; i++)
        {
            var u = new double[d];
            sobol.Point(i, u);
            population.Add(new Member(u));
        }

        long replications = Evaluate(problem, population, options, cancellationToken);
        Rank(population, m);
        for (int g = 0; g < options.Generations; g++)
        {
            var random = new RandomStream(options.Seed, g, KeyRegistry.Design(DesignUse.ParetoVariation));
            var offspring = new List<Member>();
            while (offspring.Count < n)
            {
                var a = Tournament(population, random);
                var b = Tournament(population, random);
                var (c1, c2) = Crossover(a.Unit, b.Unit, random);
                Mutate(c1, random);
                Mutate(c2, random);
                offspring.Add(new Member(c1));
                offspring.Add(new Member(c2));
            }

            replications += Evaluate(problem, offspring, options, cancellationToken);
            // environmental selection over distinct packages (a copy of a package would take a place on the front
            // from a different one); copies fill the population only if there are too few distinct packages
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var distinct = new List<Member>();
            var copies = new List<Member>();
            foreach (var x in population.Concat(offspring))
            {
                (seen.Add(string.Join(",", x.Unit.Select(v => BitConverter.DoubleToInt64Bits(v)))) ? distinct : copies).Add(x);
            }

            Rank(distinct, m);
            population = [.. distinct.OrderBy(x => x.Front).ThenByDescending(x => x.Crowding).Take(n), .. copies.Take(Math.Max(0, n - distinct.Count))];
            Rank(population, m);
        }

        // confirmation on fresh common random numbers
        ulong fresh = RandomStream.Mix(KeyRegistry.Salted(options.Seed, SeedSalt.ParetoFresh));
        var confirmed = new PackageSample[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            confirmed[i] = problem.Evaluate(Levers(levers, population[i].Unit), fresh, 0, options.ConfirmationReplications));
        replications += (long)n * options.ConfirmationReplications;
        double z = Normal.InvCDF(0, 1, 0.5 + (options.Confidence / 2));
        var points = new List<ParetoPoint>();
        for (int i = 0; i < n; i++)
        {
            bool byEstimate = false, significant = false;
            for (int j = 0; j < n && !significant; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var (dominates, significantly) = Dominates(confirmed[j], confirmed[i], z);
                byEstimate |= dominates;
                significant |= significantly;
            }

            points.Add(new ParetoPoint { Estimate = PackageEstimate.Of(Levers(levers, population[i].Unit), confirmed[i], options.Confidence), DominatedByEstimate = byEstimate, SignificantlyDominated = significant });
        }

        return new ParetoResult(problem, points.OrderByDescending(p => p.Estimate.Probability).ThenBy(p => p.Estimate.Outputs[0]).ToArray(), replications, options.Confidence);
    }

    /// <summary>Whether b dominates a by point estimates, and whether significantly (better on some objective beyond z standard errors of the difference).</summary>
    private static (bool Dominates, bool Significantly) Dominates(PackageSample b, PackageSample a, double z)
    {
        double pa = a.Probability.Estimate, pb = b.Probability.Estimate;
        if (pb < pa)
        {
            return (false, false);
        }

        bool strictly = pb > pa;
        double sep = Math.Sqrt((pa * (1 - pa) / a.Replications) + (pb * (1 - pb) / b.Replications));
        bool significantly = pb - pa > z * sep;
        for (int k = 0; k < a.OutputCount; k++)
        {
            if (b.Mean(k) > a.Mean(k))
            {
                return (false, false);
            }

            strictly |= b.Mean(k) < a.Mean(k);
            double se = Math.Sqrt(Sq(a.StandardError(k)) + Sq(b.StandardError(k)));
            significantly |= a.Mean(k) - b.Mean(k) > z * se;
        }

        return (strictly, strictly && significantly);
    }

    private static double Sq(double x) => double.IsNaN(x) ? 0 : x * x;

    private static double[] Levers(IReadOnlyList<ExperimentParameter> levers, double[] unit) => levers.Select((l, j) => l.FromUnit(unit[j])).ToArray();

    private static long Evaluate(IPackageProblem problem, List<Member> members, ParetoOptions options, CancellationToken ct)
    {
        var levers = problem.Levers;
        Parallel.For(0, members.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct }, i =>
        {
            var s = problem.Evaluate(Levers(levers, members[i].Unit), options.Seed, 0, options.Replications);
            members[i].Objectives = [-s.Probability.Estimate, .. Enumerable.Range(0, s.OutputCount).Select(s.Mean)];
        });
        return (long)members.Count * options.Replications;
    }

    /// <summary>Non-dominated sorting and crowding distance (Deb et al. 2002).</summary>
    private static void Rank(List<Member> members, int m)
    {
        int count = members.Count;
        var dominatedBy = new int[count];
        var dominates = new List<int>[count];
        var front = new List<int>();
        for (int i = 0; i < count; i++)
        {
            dominates[i] = [];
            for (int j = 0; j < count; j++)
            {
                if (Better(members[i].Objectives, members[j].Objectives))
                {
                    dominates[i].Add(j);
                }
                else if (Better(members[j].Objectives, members[i].Objectives))
                {
                    dominatedBy[i]++;
                }
            }

            if (dominatedBy[i] == 0)
            {
                front.Add(i);
            }
        }

        int level = 0;
        while (front.Count > 0)
        {
            foreach (int i in front)
            {
                members[i].Front = level;
            }

            Crowding(members, front, m);
            var next = new List<int>();
            foreach (int i in front)
            {
                foreach (int j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                    {
                        next.Add(j);
                    }
                }
            }

            front = next;
            level++;
        }
    }

    private static bool Better(double[] a, double[] b)
    {
        bool strictly = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            strictly |= a[k] < b[k];
        }

        return strictly;
    }

    private static void Crowding(List<Member> members, List<int> front, int m)
    {
        foreach (int i in front)
        {
            members[i].Crowding = 0;
        }

        for (int k = 0; k < m; k++)
        {
            var sorted = front.OrderBy(i => members[i].Objectives[k]).ThenBy(i => i).ToArray();
            double span = members[sorted[^1]].Objectives[k] - members[sorted[0]].Objectives[k];
            members[sorted[0]].Crowding = double.PositiveInfinity;
            members[sorted[^1]].Crowding = double.PositiveInfinity;
            if (span <= 0)
            {
                continue;
            }

            for (int q = 1; q < sorted.Length - 1; q++)
            {
                members[sorted[q]].Crowding += (members[sorted[q + 1]].Objectives[k] - members[sorted[q - 1]].Objectives[k]) / span;
            }
        }
    }

    private static Member Tournament(List<Member> population, RandomStream random)
    {
        var a = population[random.NextInt32(population.Count)];
        var b = population[random.NextInt32(population.Count)];
        return a.Front != b.Front ? (a.Front < b.Front ? a : b) : (a.Crowding >= b.Crowding ? a : b);
    }

    /// <summary>Simulated binary crossover (Deb &amp; Agrawal 1995), η = 15, probability 0.9, per variable with probability 1/2, in [0, 1].</summary>
    private static (double[], double[]) Crossover(double[] a, double[] b, RandomStream random)
    {
        var c1 = (double[])a.Clone();
        var c2 = (double[])b.Clone();
        if (random.NextDouble() > 0.9)
        {
            return (c1, c2);
        }

        const double eta = 15;
        for (int j = 0; j < a.Length; j++)
        {
            if (random.NextDouble() > 0.5)
            {
                continue;
            }

            double u = random.NextDouble();
            double beta = u <= 0.5 ? Math.Pow(2 * u, 1 / (eta + 1)) : Math.Pow(1 / (2 * (1 - u)), 1 / (eta + 1));
            c1[j] = Math.Clamp(0.5 * (((1 + beta) * a[j]) + ((1 - beta) * b[j])), 0, 1);
            c2[j] = Math.Clamp(0.5 * (((1 - beta) * a[j]) + ((1 + beta) * b[j])), 0, 1);
        }

        return (c1, c2);
    }

    /// <summary>Polynomial mutation (Deb 2001), η = 20, probability 1/d per variable, in [0, 1].</summary>
    private static void Mutate(double[] x, RandomStream random)
    {
        const double eta = 20;
        for (int j = 0; j < x.Length; j++)
        {
            if (random.NextDouble() >= 1.0 / x.Length)
            {
                continue;
            }

            double u = random.NextDouble();
            double delta = u < 0.5 ? Math.Pow(2 * u, 1 / (eta + 1)) - 1 : 1 - Math.Pow(2 * (1 - u), 1 / (eta + 1));
            x[j] = Math.Clamp(x[j] + delta, 0, 1);
        }
    }

    private sealed class Member(double[] unit)
    {
        public double[] Unit { get; } = unit;

        public double[] Objectives { get; set; } = [];

        public int Front { get; set; }

        public double Crowding { get; set; }
    }
}
