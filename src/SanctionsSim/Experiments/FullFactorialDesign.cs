using SanctionsSim.Internal;

namespace SanctionsSim.Experiments;

/// <summary>
/// A full factorial grid: every combination of evenly spaced levels, level l of L at coordinate l/(L − 1).
/// The last dimension varies fastest. One dimension with L levels is the grid of a one-lever scan.
/// </summary>
public sealed class FullFactorialDesign : ExperimentDesign
{
    /// <summary>The largest number of points a grid may have.</summary>
    public const long MaxPoints = 100_000_000;

    private readonly int[] _levels;
    private readonly long _count;

    /// <summary>Creates a grid.</summary>
    /// <param name="levels">Levels per dimension, each 2 to 100,000; at least one dimension.</param>
    /// <exception cref="ArgumentException">No dimension, a level count out of range, or more than <see cref="MaxPoints"/> points.</exception>
    public FullFactorialDesign(IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("A grid needs at least one dimension.", nameof(levels));
        }

        _levels = levels.ToArray();
        long count = 1;
        for (int j = 0; j < _levels.Length; j++)
        {
            if (_levels[j] is < 2 or > 100_000)
            {
                throw new ArgumentException($"levels[{j}] must be in [2, 100000]; got {_levels[j]}.", nameof(levels));
            }

            count *= _levels[j];
            if (count > MaxPoints)
            {
                throw new ArgumentException($"The grid has more than {MaxPoints:N0} points ({string.Join(" × ", _levels)}); use a Latin hypercube or Sobol design.", nameof(levels));
            }
        }

        _count = count;
    }

    /// <summary>Creates a grid with the same number of levels in every dimension.</summary>
    /// <param name="dimensions">Dimensions, 1 to 64.</param>
    /// <param name="levels">Levels per dimension.</param>
    /// <returns>The grid.</returns>
    public static FullFactorialDesign Uniform(int dimensions, int levels) => new(Enumerable.Repeat(levels, Guard.InRange(dimensions, 1, 64)).ToArray());

    /// <summary>Levels per dimension.</summary>
    public IReadOnlyList<int> Levels => _levels;

    /// <inheritdoc />
    public override int Dimensions => _levels.Length;

    /// <inheritdoc />
    public override long Count => _count;

    /// <inheritdoc />
    public override string Description => $"factorial(levels={string.Join("x", _levels)})";

    /// <inheritdoc />
    protected override void Fill(long index, Span<double> unit)
    {
        for (int j = _levels.Length - 1; j >= 0; j--)
        {
            long level = index % _levels[j];
            index /= _levels[j];
            unit[j] = (double)level / (_levels[j] - 1);
        }
    }
}
