using MathNet.Numerics.Distributions;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Calibration;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo ABC (Beaumont, Cornuet,
/// Marin &amp; Robert 2009) with tolerances adapted as a quantile of the previous generation's distances
/// (Del Moral, Doucet &amp; Jasra 2012; Drovandi &amp; Pettitt 2011) and a Gaussian perturbation kernel with
/// twice the previous generation's weighted covariance (on log θ for log-uniform priors). docs/calibration.md
/// gives the algorithm.
/// </summary>
/// <remarks>
/// <para>
/// Generation 0 draws every particle from the prior. Generation t sets ε_t to the α-quantile of generation
/// t − 1's distances; each particle slot then draws an ancestor by weight, perturbs it, and simulates until a
/// proposal inside the prior's support lands within ε_t. Its weight is π(θ) / Σ_j w_j K(θ | θ_j).
/// </para>
/// <para>
/// Determinism: slot i of generation t draws only from streams keyed by (seed, t, i), and passes the simulator
/// that key and the attempt number, so the populations are the same for a seed whatever the threads. A run can
/// resume from any saved population: generation t depends only on population t − 1 and the seed. Memory stays
/// flat: two populations at a time.
/// </para>
/// <para>No maintained .NET ABC package exists; the linear algebra (weighted covariance, Cholesky factor) and the
/// distributions come from MathNet.Numerics.</para>
/// </remarks>
public static class AbcSmc
{
    /// <summary>Runs a calibration on the historical cases.</summary>
    /// <param name="model">The calibration: cases, structural parameters and their priors, the distance.</param>
    /// <param name="options">Particles, generations, seed; null for the defaults.</param>
    /// <param name="resumeFrom">A saved population of this calibration to continue from (its generation is not rerun).</param>
    /// <param name="onGeneration">Called with each completed population, in order (to save it).</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the calibration; the populations already passed to <paramref name="onGeneration"/> stand.</param>
    /// <returns>The posterior sample and each generation's record.</returns>
    /// <exception cref="ArgumentException">The options or priors are invalid, or <paramref name="resumeFrom"/> belongs to another calibration (other parameters, particles or seed).</exception>
    public static AbcResult Run(CaseCalibration model, AbcOptions? options = null, AbcPopulation? resumeFrom = null, Action<AbcPopulation>? onGeneration = null, IProgress<AbcProgress>? progress = null, CancellationToken cancellationToken = default)
        => Run((IAbcModel)model, options, resumeFrom, onGeneration, progress, cancellationToken);

    /// <summary>Runs a calibration of any model (the tests' toy models, the coverage check's synthetic bases).</summary>
    /// <param name="model">The model, its priors and its distance.</param>
    /// <param name="options">Particles, generations, seed; null for the defaults.</param>
    /// <param name="resumeFrom">A saved population of this calibration to continue from (its generation is not rerun).</param>
    /// <param name="onGeneration">Called with each completed population, in order (to save it).</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the calibration; the populations already passed to <paramref name="onGeneration"/> stand.</param>
    /// <returns>The posterior sample and each generation's record.</returns>
    /// <exception cref="ArgumentException">The options or priors are invalid, or <paramref name="resumeFrom"/> belongs to another calibration (other parameters, particles or seed).</exception>
    internal static AbcResult Run(IAbcModel model, AbcOptions? options = null, AbcPopulation? resumeFrom = null, Action<AbcPopulation>? onGeneration = null, IProgress<AbcProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = (options ?? new AbcOptions()).Clone();
        options.Validate();
        var priors = model.Parameters ?? throw new ArgumentException("The model has no parameters.", nameof(model));
        ExperimentParameter.ValidateAll(priors, nameof(model) + ".Parameters");
        if (resumeFrom is not null)
        {
            CheckResume(resumeFrom, priors, options);
        }

        var history = new List<AbcGenerationSummary>();
        AbcPopulation? current = resumeFrom;
        if (current is not null)
        {
            history.Add(Summary(current));
        }

        var stop = AbcStopReason.Generations;
        int first = current is null ? 0 : current.Generation + 1;
        for (int t = first; t < options.Generations; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = Generation(model, priors, options, current, progress, cancellationToken);
            if (next is null)
            {
                stop = AbcStopReason.Exhausted;
                break;
            }

            current = next;
            history.Add(Summary(current));
            onGeneration?.Invoke(current);
            if (t > 0 && current.AcceptanceRate < options.MinAcceptanceRate)
            {
                stop = AbcStopReason.AcceptanceRate;
                break;
            }
        }

        if (current is null)
        {
            throw new InvalidOperationException("The prior generation could not be filled: a simulator returned no acceptable proposal.");
        }

        return new AbcResult(current, history, stop);
    }

    /// <summary>The log prior density of a value (−∞ outside the range).</summary>
    /// <param name="p">The parameter and its prior.</param>
    /// <param name="x">The value.</param>
    /// <returns>log π(x).</returns>
    public static double LogPriorDensity(ExperimentParameter p, double x)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!(x >= p.Lower && x <= p.Upper))
        {
            return double.NegativeInfinity;
        }

        return p.Distribution switch
        {
            ParameterDistribution.LogUniform => -Math.Log(x) - Math.Log(Math.Log(p.Upper / p.Lower)),
            ParameterDistribution.Triangular => Math.Log(Triangular.PDF(p.Lower, p.Upper, p.Mode ?? ((p.Lower + p.Upper) / 2), x)),
            ParameterDistribution.TruncatedNormal => Normal.PDFLn(p.Mean ?? 0, p.StandardDeviation ?? 1, x)
                - Math.Log(Normal.CDF(p.Mean ?? 0, p.StandardDeviation ?? 1, p.Upper) - Normal.CDF(p.Mean ?? 0, p.StandardDeviation ?? 1, p.Lower)),
            _ => -Math.Log(p.Upper - p.Lower),
        };
    }

    private static void CheckResume(AbcPopulation population, IReadOnlyList<ExperimentParameter> priors, AbcOptions options)
    {
        if (!population.ParameterNames.SequenceEqual(priors.Select(p => p.Name)))
        {
            throw new ArgumentException($"The saved population is over [{string.Join(", ", population.ParameterNames)}], this calibration over [{string.Join(", ", priors.Select(p => p.Name))}].", nameof(priors));
        }

        if (population.Count != options.Particles || population.Seed != options.Seed)
        {
            throw new ArgumentException($"The saved population has {population.Count} particles and seed {population.Seed}; this calibration asks for {options.Particles} and seed {options.Seed}.", nameof(options));
        }
    }

    private static AbcGenerationSummary Summary(AbcPopulation p) => AbcGenerationSummary.Of(p);

    /// <summary>
    /// Fills particle slots [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the
    /// generation after <paramref name="previous"/> (generation 0 when it is null): the unit of work a shard computes.
    /// Slots depend only on the seed, the generation and their index, so any split of a generation's slots, assembled by
    /// <see cref="Assemble"/>, gives the population <see cref="Run(IAbcModel, AbcOptions?, AbcPopulation?, Action{AbcPopulation}?, IProgress{AbcProgress}?, CancellationToken)"/> computes, bit for bit.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The calibration's options (particles, seed, quantile, kernel scale).</param>
    /// <param name="previous">The previous generation, or null for the prior generation.</param>
    /// <param name="first">The first slot.</param>
    /// <param name="count">How many slots.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the work (an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The slots' particles, distances and simulation counts.</returns>
    /// <exception cref="ArgumentException">The options or priors are invalid, the range is outside [0, particles), or <paramref name="previous"/> belongs to another calibration.</exception>
    internal static AbcSlots RunSlots(IAbcModel model, AbcOptions? options, AbcPopulation? previous, int first, int count, IProgress<AbcProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (priors, o) = Check(model, options, previous);
        if (first < 0 || count < 1 || first + (long)count > o.Particles)
        {
            throw new ArgumentException($"Slots [{first}, {first + (long)count}) are outside [0, {o.Particles}).", nameof(count));
        }

        return Slots(model, priors, o, Prepare(priors, o, previous), previous, first, count, progress, cancellationToken);
    }

    /// <summary>Assembles a generation from slots that cover [0, particles) exactly once (in any order), computing the weights.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The calibration's options.</param>
    /// <param name="previous">The previous generation, or null for the prior generation.</param>
    /// <param name="parts">The slots (<see cref="RunSlots"/>).</param>
    /// <returns>The population; null when some slot found no acceptable proposal (<see cref="AbcStopReason.Exhausted"/>).</returns>
    /// <exception cref="ArgumentException">The parts leave a gap, overlap, or belong to another generation.</exception>
    internal static AbcPopulation? Assemble(IAbcModel model, AbcOptions? options, AbcPopulation? previous, IEnumerable<AbcSlots> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var (priors, o) = Check(model, options, previous);
        int t = previous is null ? 0 : previous.Generation + 1;
        var ordered = parts.OrderBy(p => p.First).ToArray();
        int next = 0;
        foreach (var part in ordered)
        {
            if (part.Generation != t || part.Dimension != priors.Count)
            {
                throw new ArgumentException($"Slots [{part.First}, {part.First + part.Count}) are of generation {part.Generation} over {part.Dimension} parameters; generation {t} over {priors.Count} was expected.", nameof(parts));
            }

            if (part.First != next)
            {
                throw new ArgumentException(part.First > next ? $"Slots [{next}, {part.First}) are missing." : $"Slots from {part.First} overlap slots before {next}.", nameof(parts));
            }

            next = part.First + part.Count;
        }

        if (next != o.Particles)
        {
            throw new ArgumentException($"Slots [{next}, {o.Particles}) are missing.", nameof(parts));
        }

        return Weigh(priors, o, Prepare(priors, o, previous), previous, ordered);
    }

    private static (IReadOnlyList<ExperimentParameter> Priors, AbcOptions Options) Check(IAbcModel model, AbcOptions? options, AbcPopulation? previous)
    {
        ArgumentNullException.ThrowIfNull(model);
        var o = (options ?? new AbcOptions()).Clone();
        o.Validate();
        var priors = model.Parameters ?? throw new ArgumentException("The model has no parameters.", nameof(model));
        ExperimentParameter.ValidateAll(priors, nameof(model) + ".Parameters");
        if (previous is not null)
        {
            CheckResume(previous, priors, o);
        }

        return (priors, o);
    }

    private static AbcPopulation? Generation(IAbcModel model, IReadOnlyList<ExperimentParameter> priors, AbcOptions options, AbcPopulation? previous, IProgress<AbcProgress>? progress, CancellationToken ct)
    {
        var step = Prepare(priors, options, previous);
        return Weigh(priors, options, step, previous, [Slots(model, priors, options, step, previous, 0, options.Particles, progress, ct)]);
    }

    /// <summary>What every slot of the generation after <paramref name="previous"/> shares: its index, its tolerance and the kernel.</summary>
    private static (int T, double Epsilon, AbcKernel? Kernel) Prepare(IReadOnlyList<ExperimentParameter> priors, AbcOptions options, AbcPopulation? previous)
    {
        if (previous is null)
        {
            return (0, double.PositiveInfinity, null);
        }

        var sorted = previous.Distances.Select(x => double.IsNaN(x) ? double.PositiveInfinity : x).Order().ToArray();
        double epsilon = sorted[Math.Clamp((int)Math.Ceiling(options.Quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (previous.Generation + 1, epsilon, new AbcKernel(previous, priors, options.KernelScale));
    }

    private static AbcSlots Slots(IAbcModel model, IReadOnlyList<ExperimentParameter> priors, AbcOptions options, (int T, double Epsilon, AbcKernel? Kernel) step, AbcPopulation? previous, int first, int count, IProgress<AbcProgress>? progress, CancellationToken ct)
    {
        int d = priors.Count;
        var (t, epsilon, kernel) = step;
        var values = new double[count * d];
        var distances = new double[count];
        var simulations = new long[count];
        var failed = 0;
        int accepted = 0;
        long simulated = 0;
        int reportEvery = Math.Max(1, count / 200);
        int maxAttempts = options.MaxAttemptsPerParticle;
        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct },
            () => (Simulator: model.CreateSimulator(), Theta: new double[d], Z: new double[d]),
            (k, loop, local) =>
            {
                int i = first + k;
                ulong key = AbcOptions.GenerationKey(options.Seed, t, i);
                var random = new RandomStream(key, 0, StreamKeys.Design);
                long sims = 0;
                for (int attempt = 0; attempt < maxAttempts; attempt++)
                {
                    if (!Propose(priors, previous, kernel, random, local.Theta, local.Z))
                    {
                        continue;
                    }

                    double distance = local.Simulator.Distance(local.Theta, key, attempt, epsilon);
                    sims++;
                    if (double.IsNaN(distance))
                    {
                        distance = double.PositiveInfinity;
                    }

                    if (previous is null || distance <= epsilon)
                    {
                        local.Theta.CopyTo(values, k * d);
                        distances[k] = distance;
                        simulations[k] = sims;
                        long total = Interlocked.Add(ref simulated, sims);
                        int done = Interlocked.Increment(ref accepted);
                        if (progress is not null && (done % reportEvery == 0 || done == count))
                        {
                            progress.Report(new AbcProgress(t, done, count, total, epsilon));
                        }

                        return local;
                    }
                }

                Interlocked.Exchange(ref failed, 1);
                loop.Stop();
                return local;
            },
            _ => { });
        return new AbcSlots(priors.Select(p => p.Name).ToArray(), t, first, epsilon, values, distances, simulations, failed != 0);
    }

    private static AbcPopulation? Weigh(IReadOnlyList<ExperimentParameter> priors, AbcOptions options, (int T, double Epsilon, AbcKernel? Kernel) step, AbcPopulation? previous, IReadOnlyList<AbcSlots> parts)
    {
        var (t, epsilon, kernel) = step;
        if (parts.Any(p => p.Exhausted))
        {
            return null;
        }

        int n = options.Particles, d = priors.Count;
        var values = new double[n * d];
        var distances = new double[n];
        long simulations = 0;
        foreach (var part in parts)
        {
            part.CopyTo(values, distances);
            simulations += part.Simulations;
        }

        var weights = new double[n];
        if (previous is null)
        {
            Array.Fill(weights, 1.0);
        }
        else
        {
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
            {
                double logPrior = 0;
                Span<double> work = stackalloc double[d];
                for (int j = 0; j < d; j++)
                {
                    logPrior += AbcKernel.LogWorkingPriorDensity(priors[j], values[(i * d) + j]);
                    work[j] = AbcKernel.ToWorking(priors[j], values[(i * d) + j]);
                }

                weights[i] = Math.Exp(logPrior - kernel!.LogMixtureDensity(work));
            });
            double max = weights.Max();
            if (!(max > 0) || !double.IsFinite(max))
            {
                throw new InvalidOperationException($"Generation {t}: the importance weights are degenerate (largest {max}).");
            }
        }

        return new AbcPopulation(priors.Select(p => p.Name).ToArray(), t, epsilon, values, weights, distances, simulations, options.Seed);
    }

    private static bool Propose(IReadOnlyList<ExperimentParameter> priors, AbcPopulation? previous, AbcKernel? kernel, RandomStream random, double[] theta, double[] z)
    {
        int d = priors.Count;
        if (previous is null)
        {
            for (int j = 0; j < d; j++)
            {
                theta[j] = priors[j].FromUnit(random.NextDoubleNonZero() * (1 - 1e-16));
            }

            return true;
        }

        int ancestor = kernel!.Ancestor(random.NextDouble());
        for (int j = 0; j < d; j++)
        {
            z[j] = random.NextStandardNormal();
        }

        kernel.Perturb(ancestor, z, theta);
        for (int j = 0; j < d; j++)
        {
            theta[j] = AbcKernel.FromWorking(priors[j], theta[j]);
            if (double.IsNegativeInfinity(LogPriorDensity(priors[j], theta[j])))
            {
                return false;
            }
        }

        return true;
    }
}
