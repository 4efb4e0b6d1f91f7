using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>Progress of a sweep.</summary>
/// <param name="PointsDone">Points finished (including points read back on resume).</param>
/// <param name="Points">Points in the design.</param>
/// <remarks>The command line's progress lines take it; the public methods report a <see cref="MonteCarloProgress"/> of points.</remarks>
internal readonly record struct SweepProgress(long PointsDone, long Points)
{
    /// <summary>Relays a sweep's progress to a public progress sink, points as <see cref="MonteCarloProgress.Completed"/> of <see cref="MonteCarloProgress.Total"/>.</summary>
    /// <param name="progress">The user's sink, or null.</param>
    /// <returns>A sink of sweep progress, or null.</returns>
    internal static IProgress<SweepProgress>? From(IProgress<MonteCarloProgress>? progress) => progress is null ? null : new Relay(progress);

    private sealed class Relay(IProgress<MonteCarloProgress> target) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => target.Report(new MonteCarloProgress(value.PointsDone, value.Points));
    }
}
