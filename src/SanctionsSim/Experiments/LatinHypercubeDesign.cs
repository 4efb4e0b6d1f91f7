using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>
/// A Latin hypercube of n points (McKay, Beckman &amp; Conover 1979): in every dimension each of the n equal
/// strata [i/n, (i+1)/n) holds exactly one point, placed uniformly at random inside it. Strata are matched
/// across dimensions by independent random permutations drawn from the seed.
/// </summary>
public sealed class LatinHypercubeDesign : ExperimentDesign
{
    /// <summary>The largest number of points (the permutations take 4 bytes per point and dimension).</summary>
    public const int MaxPoints = 10_000_000;

    private readonly int[][] _strata;
    private readonly ulong _seed;

    /// <summary>Creates a Latin hypercube.</summary>
    /// <param name="points">n, 1 to <see cref="MaxPoints"/>.</param>
    /// <param name="dimensions">Dimensions, 1 to 64.</param>
    /// <param name="seed">The seed of the permutations and the positions inside strata.</param>
    public LatinHypercubeDesign(int points, int dimensions, ulong seed = 1)
    {
        Guard.InRange(points, 1, MaxPoints);
        Guard.InRange(dimensions, 1, 64);
        _seed = seed;
        _strata = new int[dimensions][];
        for (int j = 0; j < dimensions; j++)
        {
            var random = new RandomStream(seed, j, StreamKeys.Design);
            var permutation = new int[points];
            for (int i = 0; i < points; i++)
            {
                permutation[i] = i;
            }

            for (int i = points - 1; i > 0; i--)
            {
                int k = random.NextInt32(i + 1);
                (permutation[i], permutation[k]) = (permutation[k], permutation[i]);
            }

            _strata[j] = permutation;
        }
    }

    /// <inheritdoc />
    public override int Dimensions => _strata.Length;

    /// <inheritdoc />
    public override long Count => _strata[0].Length;

    /// <inheritdoc />
    public override string Description => $"latinHypercube(points={Count}, dimensions={Dimensions}, seed={_seed})";

    /// <inheritdoc />
    protected override void Fill(long index, Span<double> unit)
    {
        double n = _strata[0].Length;
        for (int j = 0; j < unit.Length; j++)
        {
            // position inside the stratum from a counter-based draw, so any point is recomputed alone
            double inside = RandomStream.CounterUniform(_seed, j, index, (long)StreamKeys.Design);
            unit[j] = (_strata[j][index] + inside) / n;
        }
    }
}
