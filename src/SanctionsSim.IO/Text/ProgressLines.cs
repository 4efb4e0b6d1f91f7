using System.Globalization;

namespace SanctionsSim.IO.Text;

/// <summary>
/// Progress for a long command whose error stream is not a terminal (a log file, CI, a pipe): a plain line at every
/// tenth of the work, "progress: calibrate: 30 % (150 of 500 particles)", instead of a progress bar that would not
/// draw. Counts only, no clock, so the lines are the same on every machine. Safe to report from worker threads.
/// </summary>
internal sealed class ProgressLines
{
    private readonly TextWriter _error;
    private readonly string _label;
    private readonly string _unit;
    private readonly Lock _gate = new();
    private int _lastTenth;
    private string? _lastStage;

    /// <summary>Lines for a piece of work of <paramref name="unit"/>s (e.g. "runs"), labelled.</summary>
    public ProgressLines(TextWriter error, string label, string unit)
    {
        _error = error;
        _label = label;
        _unit = unit;
    }

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/>; writes a line when a new tenth is reached (a new <paramref name="stage"/>, such as a generation, starts the count again).</summary>
    public void Report(long done, long total, string? stage = null)
    {
        if (total <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (stage != _lastStage)
            {
                _lastStage = stage;
                _lastTenth = 0;
            }

            int tenth = (int)Math.Clamp(done * 10 / total, 0, 10);
            if (tenth <= _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            string where = stage is null ? "" : stage + ", ";
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {_label}: {where}{tenth * 10} % ({done:N0} of {total:N0} {_unit})"));
            _error.Flush();
        }
    }

    /// <summary>As an <see cref="IProgress{T}"/> of a Monte Carlo batch.</summary>
    public IProgress<MonteCarlo.MonteCarloProgress> ForBatch() => new Sink<MonteCarlo.MonteCarloProgress>(p => Report(p.Completed, p.Total));

    /// <summary>As an <see cref="IProgress{T}"/> of a sweep's points.</summary>
    public IProgress<Experiments.SweepProgress> ForSweep() => new Sink<Experiments.SweepProgress>(p => Report(p.PointsDone, p.Points));

    /// <summary>As an <see cref="IProgress{T}"/> of an ABC-SMC calibration: the accepted particles of each generation.</summary>
    public IProgress<Calibration.AbcProgress> ForCalibration() => new Sink<Calibration.AbcProgress>(p => Report(p.Accepted, p.Particles, $"generation {p.Generation}"));

    /// <summary>Synchronous (Progress&lt;T&gt; would post to the thread pool and could print after the result).</summary>
    private sealed class Sink<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
