using System.Text.Json;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.IO.Batches;

/// <summary>The design points a shard of a sweep ran: a summary that combines by taking the union (points are kept in index order).</summary>
internal sealed class SweepPointSet : ICombinableSummary<SweepPointSet>
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly SortedList<long, SweepPoint> _points = [];

    /// <summary>An empty set.</summary>
    public SweepPointSet()
    {
    }

    /// <summary>A set of points.</summary>
    /// <param name="points">Points with distinct indices.</param>
    /// <exception cref="InvalidDataException">Two points have the same index.</exception>
    public SweepPointSet(IEnumerable<SweepPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (SweepPoint point in points)
        {
            Add(point);
        }
    }

    /// <summary>The points, in index order.</summary>
    public IEnumerable<SweepPoint> Points => _points.Values;

    /// <summary>The number of points (a sweep's items are its design points).</summary>
    public long Replications => _points.Count;

    /// <summary>Reads points written by <see cref="WriteTo"/>: exact (doubles round-trip, NaN kept).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The points.</returns>
    /// <exception cref="InvalidDataException">The data is not a list of points.</exception>
    public static SweepPointSet ReadFrom(Stream stream)
    {
        try
        {
            return new SweepPointSet(JsonSerializer.Deserialize<SweepPoint[]>(stream, Exact) ?? []);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("Not a list of sweep points: " + e.Message, e);
        }
    }

    /// <summary>Writes the points, exact (doubles round-trip, NaN kept).</summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream) => stream.Write(JsonSerializer.SerializeToUtf8Bytes(_points.Values.ToArray(), Exact));

    /// <summary>Adds a point.</summary>
    /// <param name="point">A point whose index is not in the set.</param>
    /// <exception cref="InvalidDataException">The set already holds a point of that index.</exception>
    public void Add(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!_points.TryAdd(point.Index, point))
        {
            throw new InvalidDataException($"Design point {point.Index} is given twice.");
        }
    }

    /// <summary>Adds the points of <paramref name="other"/>.</summary>
    /// <param name="other">A set of other points.</param>
    /// <exception cref="InvalidDataException">Both sets hold a point of the same index.</exception>
    public void Merge(SweepPointSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (SweepPoint point in other.Points)
        {
            Add(point);
        }
    }

    /// <inheritdoc />
    public SweepPointSet Combine(SweepPointSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var union = new SweepPointSet(Points);
        union.Merge(other);
        return union;
    }

    /// <summary>Commits the points, in index order, to a fresh sweep folder, as <c>Sweep.RunAsync</c> would have (a folder already there is replaced).</summary>
    /// <param name="sweep">The sweep the points belong to.</param>
    /// <param name="folder">The folder.</param>
    /// <returns>A task.</returns>
    public async Task WriteFolderAsync(Sweep sweep, string folder)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        using var store = new SweepDirectory(folder);
        store.Start(sweep);
        foreach (SweepPoint point in Points)
        {
            await store.CommitAsync(sweep, point, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
