using SanctionsSim.Experiments;

namespace SanctionsSim.IO.Batches;

/// <summary>A sweep sharded by design points: a shard runs points [first, first + count).</summary>
/// <param name="build">Builds the sweep on a number of threads.</param>
internal sealed class SweepBatch(Func<int, Sweep> build) : IShardedBatch<SweepPointSet>
{
    /// <inheritdoc />
    public string Unit => "points";

    /// <summary>The sweep, built on <paramref name="threads"/> threads.</summary>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <returns>The sweep.</returns>
    public Sweep Build(int threads) => build(threads);

    /// <inheritdoc />
    public SweepPointSet CreateSummary() => new();

    /// <inheritdoc />
    public SweepPointSet? Run(long first, long count, int threads, CancellationToken cancellationToken)
    {
        Sweep sweep = build(threads);
        var points = new SweepPointSet();
        for (long i = first; i < first + count; i++)
        {
            if (sweep.RunPoint(i, cancellationToken) is not SweepPoint point)
            {
                return null;
            }

            points.Add(point);
        }

        return points;
    }

    /// <inheritdoc />
    public void Write(SweepPointSet summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.WriteTo(stream);
    }

    /// <inheritdoc />
    public SweepPointSet Read(Stream stream) => SweepPointSet.ReadFrom(stream);
}
