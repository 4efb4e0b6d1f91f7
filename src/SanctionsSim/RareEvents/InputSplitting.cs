using System.Runtime.CompilerServices;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>
/// Adaptive multilevel splitting for rare events decided by a replication's random inputs: sequential Monte Carlo
/// with Markov moves on the inputs (Cérou, Del Moral, Furon &amp; Guyader 2012), for models whose outcome is settled
/// by what is drawn at the start (officers, cohesion, ties) rather than built up along the path.
/// docs/rare-events.md gives the algorithm.
/// </summary>
/// <remarks>
/// <para>
/// A <b>pilot run</b> (adaptive) fixes the levels: N₀ particles are drawn from the prior; each level is the score that
/// a share p₀ of them reach (or the next score above the last level when they tie), the particles at or above it are
/// resampled to N₀ and each is moved by <see cref="InputSplittingOptions.MoveSteps"/> Metropolis steps: the proposal
/// is the preconditioned Crank–Nicolson move of its inputs (<see cref="RandomInputs.Perturb"/>, reversible with
/// respect to the prior), accepted exactly when its score stays at or above the level, so each step leaves the prior
/// conditioned on the level invariant. The correlation ρ is adapted level by level towards an acceptance of 0.2–0.5.
/// </para>
/// <para>
/// Then <b>R independent runs</b> use the pilot's levels and moves, fixed: a run's estimate Π_k (share of particles at
/// or above L_k) is then an unbiased estimate of the probability (the normalising constant of a Feynman–Kac flow with
/// invariant kernels; Del Moral 2004), extinction giving 0. The runs' mean, its standard error and a skew-corrected Student interval
/// are reported. Run r depends only on (seed, r): its particles' prior draws, resampling and move keys are keyed by
/// it, so the result is the same whatever the threads. Every proposal is a full replication and is counted in
/// <see cref="SplittingResult.Paths"/>, with the pilot's.
/// </para>
/// </remarks>
public static class InputSplitting
{
    /// <summary>The pilot run of a scenario: adaptive levels and move correlations for the estimate.</summary>
    /// <param name="model">The scenario's collapse as a rare event.</param>
    /// <param name="options">The options (particles of the pilot, level proportion, moves, seed); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the pilot.</param>
    /// <returns>The levels, correlations and the pilot's cost.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">Every particle's score is stuck at one level below the target, or more than <see cref="InputSplittingOptions.MaxLevels"/> levels were needed.</exception>
    public static SplittingLevels Pilot(ScenarioSplitting model, InputSplittingOptions? options = null, CancellationToken cancellationToken = default)
        => Pilot((IInputSplittingModel)model, options, cancellationToken);

    /// <summary>The pilot run of any model on the random inputs (the coverage study's events, the tests' toy models).</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The options (particles of the pilot, level proportion, moves, seed); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the pilot.</param>
    /// <returns>The levels, correlations and the pilot's cost.</returns>
    /// <exception cref="ArgumentException">The options are invalid or the model's target is not finite.</exception>
    /// <exception cref="InvalidOperationException">Every particle's score is stuck at one level below the target, or more than <see cref="InputSplittingOptions.MaxLevels"/> levels were needed.</exception>
    internal static SplittingLevels Pilot(IInputSplittingModel model, InputSplittingOptions? options = null, CancellationToken cancellationToken = default)
    {
        (model, options) = Check(model, options);
        var population = new Population(model, options, options.PilotParticles, -1);
        population.Start(cancellationToken);
        int hits = population.Count(model.Target); // of the N₀ independent prior draws: for the bound when the pilot gets stuck
        var influential = population.Influential();
        var levels = new List<double>();
        var correlations = new List<double>();
        var acceptance = new List<double>();
        double estimate = 1;
        double rho = options.InitialCorrelation;
        double previous = double.NegativeInfinity;
        while (true)
        {
            double level = population.NextLevel(options.LevelProportion, previous, model.Target);
            if (double.IsNaN(level))
            {
                throw new UnresolvedRareEventException(previous, model.Target, levels.Count, options.PilotParticles, hits, estimate, population.Paths);
            }

            levels.Add(level);
            estimate *= population.Share(level);
            if (level >= model.Target)
            {
                break;
            }

            if (levels.Count >= options.MaxLevels)
            {
                throw new InvalidOperationException($"The pilot needed more than MaxLevels = {options.MaxLevels} levels (last level {level:G4}, target {model.Target}); the event is rarer than p0^MaxLevels, or raise MaxLevels.");
            }

            population.Resample(levels.Count, level);
            double accepted = population.Move(levels.Count, level, rho, cancellationToken);
            acceptance.Add(accepted);
            rho = Adapt(rho, accepted);
            correlations.Add(rho);
            previous = level;
        }

        return new SplittingLevels { Levels = levels, Correlations = correlations, Acceptance = acceptance, PilotEstimate = estimate, Paths = population.Paths, Shift = population.Shift(influential, model.Target) };
    }

    /// <summary>Estimates the probability that a scenario's regime collapses within its horizon, a rare event.</summary>
    /// <param name="model">The scenario's collapse as a rare event.</param>
    /// <param name="options">Particles, runs, pilot, moves, seed, confidence; null for the defaults.</param>
    /// <param name="levels">The pilot's levels (from <see cref="Pilot(ScenarioSplitting, InputSplittingOptions?, CancellationToken)"/> with the same options, or another estimate's <see cref="SplittingResult.Levels"/>); null to run the pilot.</param>
    /// <param name="cancellationToken">Stops the estimate.</param>
    /// <returns>The estimate with its interval; <see cref="SplittingResult.Levels"/> holds the levels.</returns>
    /// <exception cref="ArgumentException">The options or the levels are invalid.</exception>
    /// <exception cref="InvalidOperationException">The pilot needed more than <see cref="InputSplittingOptions.MaxLevels"/> levels. A pilot whose particles all get stuck below the target is not an error here: the result then holds no estimate but an upper bound (<see cref="SplittingResult.UpperBound"/>).</exception>
    /// <remarks>The command line's resumable runs (<c>run --rare-event --out DIR --resume</c>) save each run as it finishes and reuse the saved ones.</remarks>
    public static SplittingResult Estimate(ScenarioSplitting model, InputSplittingOptions? options = null, SplittingLevels? levels = null, CancellationToken cancellationToken = default)
        => Estimate((IInputSplittingModel)model, options, levels, cancellationToken: cancellationToken);

    /// <summary>Estimates the probability that a replication's score reaches <see cref="IInputSplittingModel.Target"/>, for any model on the random inputs.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Particles, runs, pilot, moves, seed, confidence; null for the defaults.</param>
    /// <param name="levels">The pilot's levels (from <see cref="Pilot(IInputSplittingModel, InputSplittingOptions?, CancellationToken)"/> with the same options, for example read back when resuming); null to run the pilot.</param>
    /// <param name="completed">Runs already done with the same options and levels: reused, not rerun.</param>
    /// <param name="onRun">Called with each run as it finishes (to save it).</param>
    /// <param name="cancellationToken">Stops the estimate; the runs passed to <paramref name="onRun"/> stand.</param>
    /// <returns>The estimate with its interval; <see cref="SplittingResult.Levels"/> holds the levels.</returns>
    /// <exception cref="ArgumentException">The options or the levels are invalid, the model's target is not finite, or a completed run's index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The pilot needed more than <see cref="InputSplittingOptions.MaxLevels"/> levels (a pilot stuck below the target gives a result with <see cref="SplittingResult.UpperBound"/> instead).</exception>
    internal static SplittingResult Estimate(IInputSplittingModel model, InputSplittingOptions? options = null, SplittingLevels? levels = null, IEnumerable<SplittingRun>? completed = null, Action<SplittingRun>? onRun = null, CancellationToken cancellationToken = default)
    {
        (model, options) = Check(model, options);
        if (levels is null)
        {
            try
            {
                levels = Pilot(model, options, cancellationToken);
            }
            catch (UnresolvedRareEventException e)
            {
                return SplittingResult.Unresolved(e, options.Particles, options.Seed, options.Confidence);
            }
        }

        levels.Validate(model.Target);
        var runs = new SplittingRun?[options.Runs];
        foreach (var run in completed ?? [])
        {
            if (run.Index < 0 || run.Index >= options.Runs)
            {
                throw new ArgumentException($"A completed run has index {run.Index}; this estimate has runs 0 … {options.Runs - 1}.", nameof(completed));
            }

            runs[run.Index] = run;
        }

        for (int r = 0; r < options.Runs; r++)
        {
            if (runs[r] is not null)
            {
                continue;
            }

            var run = levels.Shift.Count > 0 && options.Method == InputSplittingMethod.ImportanceSampling
                ? Importance(model, options, new InputShift(levels.Shift), r, cancellationToken)
                : Run(model, options, levels, r, cancellationToken);
            runs[r] = run;
            onRun?.Invoke(run);
        }

        return new SplittingResult(runs.Select(r => r!).ToArray(), options.Particles, options.Seed, options.Confidence, levels);
    }

    /// <summary>
    /// One batch of importance sampling: N samples from the defensive mixture α·N(0, I) + (1 − α)·N(μ, I), each hit
    /// weighted by the prior over the mixture density, 1 / (α + (1 − α)·exp(Σ μ·g − μ²/2)) ≤ 1/α; the estimate is the
    /// mean weight of the hits (unbiased).
    /// </summary>
    private static SplittingRun Importance(IInputSplittingModel model, InputSplittingOptions options, InputShift shift, int index, CancellationToken cancellationToken)
    {
        ulong runKey = RandomStream.CounterKey(KeyRegistry.Salted(options.Seed, SeedSalt.Splitting), index);
        ulong seed = RandomStream.Mix(KeyRegistry.Salted(runKey, SeedSalt.InputSplittingPrior));
        var noShift = new InputShift([]);
        double alpha = options.DefensiveShare;
        var weights = new double[options.Particles];
        Parallel.For(
            0,
            options.Particles,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            () => (Path: model.CreateInputPath(), Spare: (RandomInputs?)null),
            (i, _, local) =>
            {
                bool fromPrior = RandomStream.ToUniform(RandomStream.CounterBits(runKey, i, -1)) < alpha;
                var inputs = RandomInputs.FromShiftedPrior(seed, i, fromPrior ? noShift : shift, local.Spare);
                double score = local.Path.Score(inputs);
                weights[i] = CheckScore(score) >= model.Target ? 1 / (alpha + ((1 - alpha) * Math.Exp(-shift.LogLikelihoodRatio(inputs)))) : 0;
                return (local.Path, inputs);
            },
            _ => { });
        double sum = 0;
        foreach (double w in weights)
        {
            sum += w;
        }

        return new SplittingRun { Index = index, Estimate = sum / options.Particles, Iterations = 1, Paths = options.Particles, Extinct = sum == 0 };
    }

    /// <summary>One run with fixed levels and moves: Π_k (share at or above L_k).</summary>
    private static SplittingRun Run(IInputSplittingModel model, InputSplittingOptions options, SplittingLevels levels, int index, CancellationToken cancellationToken)
    {
        var population = new Population(model, options, options.Particles, index);
        population.Start(cancellationToken);
        double estimate = 1;
        bool extinct = false;
        int k = 0;
        for (; k < levels.Levels.Count; k++)
        {
            double share = population.Share(levels.Levels[k]);
            estimate *= share;
            if (share == 0)
            {
                extinct = true;
                break;
            }

            if (k == levels.Levels.Count - 1)
            {
                break;
            }

            population.Resample(k + 1, levels.Levels[k]);
            population.Move(k + 1, levels.Levels[k], levels.Correlations[k], cancellationToken);
        }

        return new SplittingRun { Index = index, Estimate = estimate, Iterations = Math.Min(k + 1, levels.Levels.Count), Paths = population.Paths, Extinct = extinct };
    }

    /// <summary>The most coordinates an importance-sampling shift moves.</summary>
    internal const int MaxShifted = 16;

    /// <summary>Towards an acceptance of 0.2–0.5: smaller moves (ρ closer to 1, at most 0.999) when too few are accepted, larger when too many.</summary>
    internal static double Adapt(double rho, double acceptance)
    {
        if (acceptance < 0.2)
        {
            return Math.Min(0.999, 1 - ((1 - rho) / 2)); // ρ = 1 would stop moving
        }

        if (acceptance > 0.5)
        {
            return Math.Max(0, 1 - (Math.Min(1, (1 - rho) * 2)));
        }

        return rho;
    }

    private static double CheckScore(double score)
        => double.IsNaN(score) ? throw new InvalidOperationException("The model returned a score that is not a number.") : score;

    private static (IInputSplittingModel Model, InputSplittingOptions Options) Check(IInputSplittingModel model, InputSplittingOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = (options ?? new InputSplittingOptions()).Clone();
        options.Validate();
        if (!double.IsFinite(model.Target))
        {
            throw new ArgumentException($"The model's target must be finite; got {model.Target}.", nameof(model));
        }

        return (model, options);
    }

    /// <summary>The particles of one run (or of the pilot, run −1) and their scores.</summary>
    private sealed class Population
    {
        private readonly IInputSplittingModel _model;
        private readonly InputSplittingOptions _options;
        private readonly int _n;
        private readonly int _run;
        private readonly ulong _runKey;
        private RandomInputs[] _particles;
        private double[] _scores;
        private RandomInputs[] _next;
        private double[] _nextScores;

        public Population(IInputSplittingModel model, InputSplittingOptions options, int n, int run)
        {
            _model = model;
            _options = options;
            _n = n;
            _run = run;
            _runKey = RandomStream.CounterKey(KeyRegistry.Salted(options.Seed, SeedSalt.Splitting), run);
            _particles = new RandomInputs[n];
            _scores = new double[n];
            _next = new RandomInputs[n];
            _nextScores = new double[n];
        }

        public long Paths { get; private set; }

        /// <summary>N particles from the prior, scored.</summary>
        public void Start(CancellationToken cancellationToken)
        {
            ulong seed = RandomStream.Mix(KeyRegistry.Salted(_runKey, SeedSalt.InputSplittingLevels));
            ForEach((i, path, _) =>
            {
                var inputs = RandomInputs.FromPrior(seed, i);
                _particles[i] = inputs;
                _scores[i] = CheckScore(path.Score(inputs));
            }, cancellationToken);
            Paths += _n;
        }

        /// <summary>
        /// The coordinates that drive the score: those every particle read whose rank correlation with the score
        /// over the prior sample is beyond 5/√N in size (a false alarm on a coordinate without influence has
        /// probability below 10⁻⁶), the strongest <see cref="MaxShifted"/>.
        /// </summary>
        public List<(int Block, int Coordinate)> Influential()
        {
            var found = new List<(int Block, int Coordinate, double Strength)>();
            double threshold = 5 / Math.Sqrt(_n);
            var values = new double[_n];
            for (int b = 0; b < RandomInputs.BlockCount; b++)
            {
                int count = int.MaxValue;
                foreach (var p in _particles)
                {
                    count = Math.Min(count, p.Materialized(b));
                }

                for (int d = 0; d < count; d++)
                {
                    for (int i = 0; i < _n; i++)
                    {
                        values[i] = _particles[i].Normal(b, d);
                    }

                    double rho = MathNet.Numerics.Statistics.Correlation.Spearman(values, _scores);
                    if (Math.Abs(rho) > threshold)
                    {
                        found.Add((b, d, Math.Abs(rho)));
                    }
                }
            }

            return found.OrderByDescending(f => f.Strength).Take(MaxShifted).Select(f => (f.Block, f.Coordinate)).ToList();
        }

        /// <summary>The importance-sampling shift: each influential coordinate's mean over the particles at the target.</summary>
        public List<MonteCarlo.ShiftedCoordinate> Shift(List<(int Block, int Coordinate)> influential, double target)
        {
            var elite = new HashSet<RandomInputs>(ReferenceEqualityComparer.Instance); // resampled copies share one instance
            for (int i = 0; i < _n; i++)
            {
                if (_scores[i] >= target)
                {
                    elite.Add(_particles[i]);
                }
            }

            if (elite.Count == 0)
            {
                return [];
            }

            return influential.Select(c => new MonteCarlo.ShiftedCoordinate { Block = c.Block, Coordinate = c.Coordinate, Mean = elite.Average(e => e.Normal(c.Block, c.Coordinate)) }).ToList();
        }

        /// <summary>The share of particles whose score is at least <paramref name="level"/>.</summary>
        public double Share(double level)
        {
            int alive = 0;
            foreach (double s in _scores)
            {
                alive += s >= level ? 1 : 0;
            }

            return (double)alive / _n;
        }

        /// <summary>How many particles' scores are at least <paramref name="level"/>.</summary>
        public int Count(double level)
        {
            int alive = 0;
            foreach (double s in _scores)
            {
                alive += s >= level ? 1 : 0;
            }

            return alive;
        }

        /// <summary>The pilot's next level: the score a share p₀ reach, above the last level, at most the target; NaN when every particle's score is stuck at the last level.</summary>
        public double NextLevel(double proportion, double previous, double target)
        {
            var sorted = (double[])_scores.Clone();
            Array.Sort(sorted);
            int keep = Math.Max(1, (int)Math.Ceiling(proportion * _n));
            double level = sorted[_n - keep];
            if (!(level > previous))
            {
                // ties at the last level: the next score above it (the survivors are all at or above the last level)
                int above = Array.FindIndex(sorted, s => s > previous);
                if (above < 0)
                {
                    return double.NaN; // every particle is stuck at the last level: the pilot reports it (UnresolvedRareEventException)
                }

                level = sorted[above];
            }

            return Math.Min(level, target);
        }

        /// <summary>
        /// Resamples the particles at or above the threshold to N: stratified over the
        /// survivors in index order, so each survivor has ⌊N/m⌋ or ⌈N/m⌉ copies (unbiased for the product of shares).
        /// </summary>
        public void Resample(int level, double threshold)
        {
            var alive = new List<int>(_n);
            for (int i = 0; i < _n; i++)
            {
                if (_scores[i] >= threshold)
                {
                    alive.Add(i);
                }
            }

            var random = new RandomStream(KeyRegistry.Salted(_options.Seed, SeedSalt.Splitting), ((long)_run << 20) ^ level, StreamKeys.Splitting);
            double u = random.NextDouble();
            int m = alive.Count;
            for (int j = 0; j < _n; j++)
            {
                int pick = Math.Min(m - 1, (int)((j + u) * m / _n));
                _next[j] = _particles[alive[pick]];
                _nextScores[j] = _scores[alive[pick]];
            }

            (_particles, _next) = (_next, _particles);
            (_scores, _nextScores) = (_nextScores, _scores);
        }

        /// <summary>T Metropolis steps per particle at the level; returns the acceptance rate.</summary>
        public double Move(int level, double threshold, double rho, CancellationToken cancellationToken)
        {
            int steps = _options.MoveSteps;
            long accepted = 0;
            var counts = new int[_n];
            ForEach((i, path, spare) =>
            {
                RandomInputs x = _particles[i];
                double s = _scores[i];
                int ok = 0;
                for (int t = 0; t < steps; t++)
                {
                    ulong key = RandomStream.CounterBits(_runKey ^ ((ulong)level * (ulong)SeedSalt.InputSplittingLevelStep), i, t);
                    RandomInputs y = x.Perturb(key, rho, spare.Value);
                    spare.Value = null;
                    double sy = CheckScore(path.Score(y));
                    if (sy >= threshold)
                    {
                        x = y;
                        s = sy;
                        ok++;
                    }
                    else
                    {
                        spare.Value = y;
                    }
                }

                _particles[i] = x;
                _scores[i] = s;
                counts[i] = ok;
            }, cancellationToken);
            foreach (int c in counts)
            {
                accepted += c;
            }

            Paths += (long)_n * steps;
            return (double)accepted / ((long)_n * steps);
        }

        private void ForEach(Action<int, IInputSplittingPath, StrongBox<RandomInputs?>> body, CancellationToken cancellationToken)
        {
            Parallel.For(
                0,
                _n,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Threads, CancellationToken = cancellationToken },
                () => (_model.CreateInputPath(), new StrongBox<RandomInputs?>(null)),
                (i, _, local) =>
                {
                    body(i, local.Item1, local.Item2);
                    return local;
                },
                _ => { });
        }

    }
}
