using System.Globalization;

namespace SanctionsSim.IO.Text;

/// <summary>
/// Where a long job reports its progress as counts (#28 item 3: one reporter for every job): <see cref="ProgressLines"/>
/// writes plain lines, a front end may draw a bar. Jobs take an <see cref="IProgress{T}"/> of their own kind, made from
/// a counter by <see cref="ProgressCounters"/>. Reported from worker threads.
/// </summary>
internal interface IProgressCounter
{
    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/>; a new <paramref name="stage"/> (a calibration's generation) starts the count again.</summary>
    /// <param name="done">The units done.</param>
    /// <param name="total">The units of the work (or of the stage).</param>
    /// <param name="stage">The stage, or null.</param>
    /// <param name="detail">What a bar may show beside the stage (a calibration's tolerance and simulations); lines leave it out: it is not a count.</param>
    void Report(long done, long total, string? stage = null, string? detail = null);
}

/// <summary>The <see cref="IProgress{T}"/> of each kind of job, reporting to an <see cref="IProgressCounter"/>.</summary>
internal static class ProgressCounters
{
    /// <summary>As an <see cref="IProgress{T}"/> of a Monte Carlo batch.</summary>
    public static IProgress<MonteCarlo.MonteCarloProgress> ForBatch(this IProgressCounter counter) => new Sink<MonteCarlo.MonteCarloProgress>(p => counter.Report(p.Completed, p.Total));

    /// <summary>As an <see cref="IProgress{T}"/> of a sweep's points.</summary>
    public static IProgress<Experiments.SweepProgress> ForSweep(this IProgressCounter counter) => new Sink<Experiments.SweepProgress>(p => counter.Report(p.PointsDone, p.Points));

    /// <summary>As an <see cref="IProgress{T}"/> of an ABC-SMC calibration: the accepted particles of each generation.</summary>
    public static IProgress<Calibration.AbcProgress> ForCalibration(this IProgressCounter counter)
        => new Sink<Calibration.AbcProgress>(p => counter.Report(p.Accepted, p.Particles, $"generation {p.Generation}", string.Create(CultureInfo.InvariantCulture, $"ε {Rounding.Significant(p.Tolerance, 3)}, {p.Simulations:N0} simulations")));

    /// <summary>Synchronous (Progress&lt;T&gt; would post to the thread pool and could print after the result).</summary>
    private sealed class Sink<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>
/// Progress for a long command whose error stream is not a terminal (a log file, CI, a pipe): a plain line at every
/// tenth of the work, "progress: calibrate: 30 % (150 of 500 particles)", instead of a progress bar that would not
/// draw. Counts only, no clock, so the lines are the same on every machine. Safe to report from worker threads.
/// </summary>
internal sealed class ProgressLines : IProgressCounter
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

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/>; writes a line when a new tenth is reached (a new <paramref name="stage"/>, such as a generation, starts the count again; <paramref name="detail"/> is not written).</summary>
    public void Report(long done, long total, string? stage = null, string? detail = null)
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
}
