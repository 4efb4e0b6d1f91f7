namespace SanctionsSim.Experiments;

/// <summary>
/// Where a <see cref="Sweep"/> commits its finished points, and reads them back when resumed. The core library
/// keeps no files; <c>SanctionsSim.IO.SweepDirectory</c> is the store that writes a resumable folder (CSV, Parquet
/// and a manifest). A store is the seam for others (a database, object storage).
/// </summary>
public interface ISweepStore
{
    /// <summary>Where the store keeps the sweep (a folder, a URL), for reports; null if nowhere nameable.</summary>
    string? Location { get; }

    /// <summary>Starts a new sweep.</summary>
    /// <param name="sweep">The sweep (its <see cref="Sweep.Identity"/> identifies it).</param>
    /// <returns>0: no point is done.</returns>
    /// <exception cref="InvalidOperationException">The store already holds a sweep.</exception>
    long Start(Sweep sweep);

    /// <summary>Resumes the sweep the store holds: checks it is <paramref name="sweep"/>, drops anything uncommitted, and replays the committed points in index order.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="onPoint">Called with each committed point, in index order.</param>
    /// <returns>How many points are committed (the next index to run).</returns>
    /// <exception cref="InvalidOperationException">The store holds no sweep, or another one (the message names the field that differs).</exception>
    long Resume(Sweep sweep, Action<SweepPoint>? onPoint);

    /// <summary>Commits the next point (points arrive in index order): once this returns, the point survives a crash.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="point">The point.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A task that completes when the point is committed.</returns>
    Task CommitAsync(Sweep sweep, SweepPoint point, CancellationToken cancellationToken);
}
