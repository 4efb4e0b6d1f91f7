namespace SanctionsSim.RareEvents;

/// <summary>
/// Adaptive multilevel splitting (Cérou &amp; Guyader 2007) for the probability that a path's score reaches a target
/// level, in the generalized form that stays unbiased when scores tie (Bréhier, Gazeau, Goudenège, Lelièvre &amp; Rousset 2016; as the
/// defected share does: it moves in steps). docs/rare-events.md gives the algorithm.
/// </summary>
/// <remarks>
/// <para>
/// One run: n paths are simulated; at each iteration the level Z is the lowest of their maximum scores; every path
/// whose maximum is at most Z (K of them, K ≥ 1 with ties) is killed and replaced by a clone of a survivor drawn
/// uniformly, branched at the first step at which the survivor exceeded Z: the clone shares the survivor's
/// randomness up to that step and draws fresh randomness after it. The run ends when the level reaches the target;
/// its estimate is Π (1 − K_j / n) times the share of paths at the target, unbiased for every n. When all n paths tie
/// at a level below the target the run is extinct and its estimate is 0, which keeps it unbiased.
/// </para>
/// <para>
/// R independent runs are averaged, and their spread gives the standard error and a skew-corrected Student interval (<see cref="SplittingResult.Interval"/>). Run r depends
/// only on (seed, r): its paths start as replications r·n … r·n + n − 1, and its choices and branch keys come from
/// streams keyed by (seed, r, iteration), so the result is the same whatever the threads. A clone is replayed from
/// its origin (the model's draws are counter-based, so replaying is exact); <see cref="SplittingResult.Paths"/>
/// counts those replays in full.
/// </para>
/// </remarks>
internal static class AdaptiveMultilevelSplitting
{
    /// <summary>Estimates the probability that a path reaches <see cref="ISplittingModel.Target"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Particles, runs, seed, confidence; null for the defaults.</param>
    /// <param name="completed">Runs already done (from an interrupted estimate with the same options): reused, not rerun.</param>
    /// <param name="onRun">Called with each run as it finishes (to save it), from worker threads.</param>
    /// <param name="cancellationToken">Stops the estimate; the runs passed to <paramref name="onRun"/> stand.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentException">The options are invalid, the model has no steps or a non-finite target, or a completed run's index is out of range.</exception>
    /// <exception cref="InvalidOperationException">A run exceeded <see cref="SplittingOptions.MaxIterations"/>.</exception>
    public static SplittingResult Estimate(ISplittingModel model, SplittingOptions? options = null, IEnumerable<SplittingRun>? completed = null, Action<SplittingRun>? onRun = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = (options ?? new SplittingOptions()).Clone();
        options.Validate();
        if (model.Steps < 1 || !double.IsFinite(model.Target))
        {
            throw new ArgumentException($"The model must have at least one step and a finite target; got {model.Steps} steps and target {model.Target}.", nameof(model));
        }

        var runs = new SplittingRun?[options.Runs];
        foreach (var run in completed ?? [])
        {
            if (run.Index < 0 || run.Index >= options.Runs)
            {
                throw new ArgumentException($"A completed run has index {run.Index}; this estimate has runs 0 … {options.Runs - 1}.", nameof(completed));
            }

            runs[run.Index] = run;
        }

        var todo = Enumerable.Range(0, options.Runs).Where(r => runs[r] is null).ToArray();
        Parallel.For(
            0,
            todo.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            () => new Worker(model, options.Particles),
            (k, _, worker) =>
            {
                var run = worker.Run(options.Seed, todo[k], options.MaxIterations, cancellationToken);
                runs[todo[k]] = run;
                onRun?.Invoke(run);
                return worker;
            },
            _ => { });
        return new SplittingResult(runs.Select(r => r!).ToArray(), options.Particles, options.Seed, options.Confidence);
    }

    /// <summary>One thread's buffers: n paths' scores, maxima, origins and branches.</summary>
    private sealed class Worker(ISplittingModel model, int n)
    {
        private readonly ISplittingPath _path = model.CreatePath();
        private readonly int _steps = model.Steps;
        private readonly double[] _scores = new double[n * model.Steps];
        private readonly double[] _max = new double[n];
        private readonly long[] _origin = new long[n];
        private readonly PathBranch[][] _branches = new PathBranch[n][];
        private readonly int[] _survivors = new int[n];
        private readonly List<PathBranch> _scratch = [];

        public SplittingRun Run(ulong seed, int r, int maxIterations, CancellationToken ct)
        {
            double target = model.Target;
            for (int i = 0; i < n; i++)
            {
                _origin[i] = ((long)r * n) + i;
                _branches[i] = [];
                Simulate(seed, i);
            }

            long paths = n, iteration = 0;
            double logWeight = 0;
            while (true)
            {
                double level = _max.Min();
                if (level >= target)
                {
                    break;
                }

                int survivors = 0;
                for (int i = 0; i < n; i++)
                {
                    if (_max[i] > level)
                    {
                        _survivors[survivors++] = i;
                    }
                }

                if (survivors == 0)
                {
                    return new SplittingRun { Index = r, Estimate = 0.0, Iterations = iteration, Paths = paths, Extinct = true };
                }

                if (iteration >= maxIterations)
                {
                    throw new InvalidOperationException($"Splitting run {r} did not reach the target {target} within {maxIterations} iterations (level {level}); raise MaxIterations or check that the score can reach the target.");
                }

                ct.ThrowIfCancellationRequested();
                int killed = n - survivors;
                logWeight += Math.Log(1.0 - ((double)killed / n));
                var random = SplittingOptions.Stream(seed, r, iteration, 0);

                // survivors keep their paths this iteration; the killed (in index order) clone one of them
                for (int i = 0; i < n; i++)
                {
                    if (_max[i] > level)
                    {
                        continue;
                    }

                    int parent = _survivors[random.NextInt32(survivors)];
                    ReadOnlySpan<double> parentScores = _scores.AsSpan(parent * _steps, _steps);
                    int branch = 0;
                    while (parentScores[branch] <= level)
                    {
                        branch++; // the survivor's maximum exceeds the level, so this stops
                    }

                    ulong key = random.NextUInt64();
                    _scratch.Clear();
                    foreach (var b in _branches[parent])
                    {
                        if (b.Step <= branch)
                        {
                            _scratch.Add(b);
                        }
                    }

                    if (branch + 1 < _steps)
                    {
                        _scratch.Add(new PathBranch(branch + 1, key));
                    }

                    _branches[i] = [.. _scratch];
                    _origin[i] = _origin[parent];
                    Simulate(seed, i);
                    paths++;
                }

                iteration++;
            }

            int reached = 0;
            for (int i = 0; i < n; i++)
            {
                reached += _max[i] >= target ? 1 : 0;
            }

            return new SplittingRun { Index = r, Estimate = Math.Exp(logWeight) * reached / n, Iterations = iteration, Paths = paths, Extinct = false };
        }

        private void Simulate(ulong seed, int i)
        {
            Span<double> scores = _scores.AsSpan(i * _steps, _steps);
            _path.Simulate(seed, _origin[i], _branches[i], scores);
            double max = double.NegativeInfinity;
            foreach (double s in scores)
            {
                max = Math.Max(max, double.IsNaN(s) ? double.NegativeInfinity : s);
            }

            _max[i] = max;
        }
    }
}
