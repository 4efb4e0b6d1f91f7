using SanctionsSim.Internal;
using SanctionsSim.Validation;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// Runs Monte Carlo batches in parallel, deterministically: replication i draws only from streams keyed by
/// (seed, i), summaries hold exact sums and counts, and partial summaries are merged in replication order,
/// so a batch's result is bit-identical whatever the number of threads or how the work was scheduled.
/// </summary>
/// <remarks>
/// <para>
/// Work is cut into blocks of consecutive replications handed to worker threads on demand. Each worker thread
/// owns one <see cref="IReplicationWorker{TSummary}"/> (its state arrays are reused: nothing is allocated per
/// replication) and fills a pooled block summary; finished blocks are merged into the batch summary as soon
/// as every earlier block has been merged, so memory stays flat however many replications run.
/// </para>
/// <para>
/// Cancellation stops promptly: the result holds the contiguous prefix of replications merged so far, marked
/// <see cref="StopReason.Cancelled"/>, so a later batch starting at <c>FirstReplication + Replications</c>
/// completes it exactly. Sequential stopping checks the target half-width every
/// <see cref="MonteCarloOptions.CheckInterval"/> replications.
/// </para>
/// </remarks>
/// <threadsafety>A runner is immutable and may run several batches at once.</threadsafety>
internal sealed class MonteCarloRunner
{
    private readonly long _replications;
    private readonly long _first;
    private readonly ulong _seed;
    private readonly int _parallelism;
    private readonly double _confidence;
    private readonly double _targetHalfWidth;
    private readonly long _checkInterval;
    private readonly long _minimum;

    /// <summary>Creates a runner from options (copied and validated).</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="InvalidInputException">An option is out of range; the message lists every problem.</exception>
    public MonteCarloRunner(MonteCarloOptions? options = null)
    {
        options ??= new MonteCarloOptions();
        Validate(options);
        _replications = options.Replications;
        _first = options.FirstReplication;
        _seed = options.Seed;
        _parallelism = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
        _confidence = options.Confidence;
        _targetHalfWidth = options.TargetHalfWidth;
        _checkInterval = options.CheckInterval;
        _minimum = options.MinimumReplications;
    }

    /// <summary>The experiment seed.</summary>
    public ulong Seed => _seed;

    /// <summary>Replications requested (the maximum with sequential stopping).</summary>
    public long Replications => _replications;

    /// <summary>The worker threads used at most.</summary>
    public int DegreeOfParallelism => _parallelism;

    /// <summary>The confidence level of intervals.</summary>
    public double Confidence => _confidence;

    /// <summary>Validates options, reporting every problem in one exception.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public static void Validate(MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = new OptionsCollector("Monte Carlo options");
        Check(c, string.Empty, options);
        c.ThrowIfAny();
    }

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="c"/>, each naming its option (after <paramref name="prefix"/>), its value and the allowed range.</summary>
    internal static void Check(InputCollector<OptionError> c, string prefix, MonteCarloOptions options)
    {
        c.In(prefix + nameof(options.Replications), options.Replications, ValueRange.Closed(1, 1L << 40));
        c.In(prefix + nameof(options.FirstReplication), options.FirstReplication, ValueRange.AtLeast(0));
        c.Threads(prefix + nameof(options.MaxDegreeOfParallelism), options.MaxDegreeOfParallelism);
        c.In(prefix + nameof(options.Confidence), options.Confidence, ValueRange.OpenUnit);
        c.In(prefix + nameof(options.TargetHalfWidth), options.TargetHalfWidth, ValueRange.AtLeast(0));
        c.In(prefix + nameof(options.CheckInterval), options.CheckInterval, ValueRange.Closed(1, 1L << 30));
        c.In(prefix + nameof(options.MinimumReplications), options.MinimumReplications, ValueRange.AtLeast(1));
    }

    /// <summary>Runs the batch.</summary>
    /// <typeparam name="TSummary">The experiment's summary type.</typeparam>
    /// <param name="experiment">The experiment.</param>
    /// <param name="progress">Optional progress sink, called from worker threads after each block.</param>
    /// <param name="cancellationToken">Stops the batch promptly; the result is then partial.</param>
    /// <returns>The merged result.</returns>
    public MonteCarloResult<TSummary> Run<TSummary>(
        IMonteCarloExperiment<TSummary> experiment,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TSummary : class, IMergeableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var batch = new Batch<TSummary>(this, experiment, progress, cancellationToken);
        return batch.Execute();
    }

    /// <summary>Runs the batch into accumulators and freezes the merged one into the experiment's immutable summary.</summary>
    /// <typeparam name="TAccumulator">What the worker threads fill and the runner merges.</typeparam>
    /// <typeparam name="TSummary">The immutable summary.</typeparam>
    /// <param name="experiment">The experiment.</param>
    /// <param name="progress">Optional progress sink, called from worker threads after each block.</param>
    /// <param name="cancellationToken">Stops the batch promptly; the result is then partial.</param>
    /// <returns>The merged, frozen result.</returns>
    public MonteCarloResult<TSummary> Run<TAccumulator, TSummary>(
        IMonteCarloExperiment<TAccumulator, TSummary> experiment,
        IProgress<MonteCarloProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TAccumulator : class, IMergeableSummary<TAccumulator>
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(experiment);
        MonteCarloResult<TAccumulator> r = Run((IMonteCarloExperiment<TAccumulator>)experiment, progress, cancellationToken);
        return new MonteCarloResult<TSummary>(experiment.Freeze(r.Summary), r.Seed, r.FirstReplication, r.Replications, r.StopReason, r.Confidence);
    }

    private sealed class Batch<TSummary>
        where TSummary : class, IMergeableSummary<TSummary>
    {
        private readonly MonteCarloRunner _runner;
        private readonly IMonteCarloExperiment<TSummary> _experiment;
        private readonly IProgress<MonteCarloProgress>? _progress;
        private readonly CancellationToken _token;
        private readonly IReplicationWorker<TSummary>?[] _workers;
        private readonly Stack<TSummary> _pool = new();
        private readonly Dictionary<long, TSummary> _pending = [];
        private readonly TSummary _total;
        private readonly object _gate = new();
        private long _merged; // replications merged into _total (a contiguous prefix)
        private long _nextBlock;
        private long _frontierBlock;
        private long _segmentStart;
        private long _segmentEnd;
        private long _blockSize;
        private long _blockCount;
        private bool _cancelled;

        public Batch(MonteCarloRunner runner, IMonteCarloExperiment<TSummary> experiment, IProgress<MonteCarloProgress>? progress, CancellationToken token)
        {
            _runner = runner;
            _experiment = experiment;
            _progress = progress;
            _token = token;
            _workers = new IReplicationWorker<TSummary>?[runner._parallelism];
            _total = experiment.CreateSummary();
        }

        public MonteCarloResult<TSummary> Execute()
        {
            long n = _runner._replications;
            bool sequential = _runner._targetHalfWidth > 0;
            long step = sequential ? _runner._checkInterval : n;
            var reason = StopReason.Completed;
            for (long start = 0; start < n; start += step)
            {
                long end = Math.Min(n, start + step);
                RunSegment(start, end);
                if (_cancelled)
                {
                    reason = StopReason.Cancelled;
                    break;
                }

                if (sequential && _merged >= _runner._minimum && end < n
                    && _total.StoppingHalfWidth(_runner._confidence) <= _runner._targetHalfWidth)
                {
                    reason = StopReason.TargetPrecisionReached;
                    break;
                }
            }

            return new MonteCarloResult<TSummary>(_total, _runner._seed, _runner._first, _merged, reason, _runner._confidence);
        }

        private void RunSegment(long start, long end)
        {
            if (_token.IsCancellationRequested)
            {
                _cancelled = true;
                return;
            }

            long size = end - start;
            int threads = (int)Math.Min(_runner._parallelism, size);
            _blockSize = Math.Clamp(size / (threads * 16L), 1, 256);
            _blockCount = (size + _blockSize - 1) / _blockSize;
            _segmentStart = start;
            _segmentEnd = end;
            _nextBlock = -1;
            _frontierBlock = 0;
            _pending.Clear();
            if (threads == 1)
            {
                WorkerLoop(0);
            }
            else
            {
                try
                {
                    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, WorkerLoop);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count > 0)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }

            if (_token.IsCancellationRequested && _merged < _segmentEnd)
            {
                _cancelled = true;
            }
        }

        private void WorkerLoop(int slot)
        {
            IReplicationWorker<TSummary> worker = _workers[slot] ??= _experiment.CreateWorker();
            ulong seed = _runner._seed;
            long firstIndex = _runner._first;
            while (true)
            {
                long block = Interlocked.Increment(ref _nextBlock);
                if (block >= _blockCount || _token.IsCancellationRequested)
                {
                    return;
                }

                long from = _segmentStart + (block * _blockSize);
                long to = Math.Min(_segmentEnd, from + _blockSize);
                TSummary summary = Rent();
                for (long i = from; i < to; i++)
                {
                    if (_token.IsCancellationRequested)
                    {
                        Return(summary);
                        return;
                    }

                    worker.Run(seed, firstIndex + i, summary);
                }

                Complete(block, summary);
            }
        }

        private TSummary Rent()
        {
            lock (_gate)
            {
                if (_pool.Count > 0)
                {
                    return _pool.Pop();
                }
            }

            return _experiment.CreateSummary();
        }

        private void Return(TSummary summary)
        {
            summary.Clear();
            lock (_gate)
            {
                _pool.Push(summary);
            }
        }

        private void Complete(long block, TSummary summary)
        {
            long merged;
            lock (_gate)
            {
                _pending[block] = summary;
                while (_pending.Remove(_frontierBlock, out TSummary? next))
                {
                    _total.Merge(next);
                    _merged += next.Replications;
                    next.Clear();
                    _pool.Push(next);
                    _frontierBlock++;
                }

                merged = _merged;
            }

            _progress?.Report(new MonteCarloProgress(merged, _runner._replications));
        }
    }
}
