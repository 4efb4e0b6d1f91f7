namespace SanctionsSim.Experiments;

/// <summary>
/// An experiment design: a fixed, seeded list of points in the unit cube [0, 1]^d. Any point can be
/// recomputed from its index alone, so a sweep streams points without holding the design in memory and a
/// resumed sweep regenerates exactly the points it has not yet run.
/// </summary>
/// <threadsafety>Implementations are immutable; <c>Point</c> may be called from any thread.</threadsafety>
public abstract class ExperimentDesign
{
    /// <summary>The number of coordinates of each point (the number of parameters).</summary>
    public abstract int Dimensions { get; }

    /// <summary>The number of points.</summary>
    public abstract long Count { get; }

    /// <summary>A canonical description (kind, sizes and seed), recorded in sweep manifests and compared on resume.</summary>
    public abstract string Description { get; }

    /// <summary>Writes point <paramref name="index"/>'s coordinates, each in [0, 1].</summary>
    /// <param name="index">The point's index, 0 to <see cref="Count"/> − 1.</param>
    /// <param name="unit">Receives <see cref="Dimensions"/> coordinates.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    /// <exception cref="ArgumentException">The span is shorter than <see cref="Dimensions"/>.</exception>
    public void Point(long index, Span<double> unit)
    {
        if ((ulong)index >= (ulong)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count - 1}]; got {index}.");
        }

        if (unit.Length < Dimensions)
        {
            throw new ArgumentException($"The span holds {unit.Length} values; the design has {Dimensions} dimensions.", nameof(unit));
        }

        Fill(index, unit[..Dimensions]);
    }

    /// <summary>Point <paramref name="index"/> as a new array (convenience for small designs).</summary>
    /// <param name="index">The point's index.</param>
    /// <returns>Its coordinates.</returns>
    public double[] Point(long index)
    {
        var x = new double[Dimensions];
        Point(index, x);
        return x;
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    /// <summary>Writes the coordinates of a valid index into a span of exactly <see cref="Dimensions"/> values.</summary>
    /// <param name="index">A valid index.</param>
    /// <param name="unit">The coordinates.</param>
    protected abstract void Fill(long index, Span<double> unit);
}
