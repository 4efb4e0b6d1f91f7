using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>
/// The Sobol low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, with Joe &amp; Kuo's
/// direction numbers (S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
/// projections", SIAM J. Sci. Comput. 30:2635, 2008; table <c>new-joe-kuo-6.21201</c>), 32 bits of
/// precision (2^32 points), computed in Gray-code order for random access: point i is the XOR of the direction
/// numbers of the set bits of i ^ (i >> 1). An optional random digital shift (XOR with a seeded 32-bit word
/// per dimension) randomises the sequence while keeping every stratification property.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library because MathNet.Numerics has no low-discrepancy sequences;
/// the table is data (the primitive polynomials and initial direction numbers), tested against the published
/// first points and the (0, m, 1)-net property in every dimension.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class SobolSequence
{
    /// <summary>The largest number of dimensions supported.</summary>
    public const int MaxDimensions = 46;

    private const int Bits = 32;
    private const double Scale = 1.0 / 4294967296.0;

    // Joe & Kuo new-joe-kuo-6.21201, dimensions 2 to 46: "s a m_1 … m_s" (degree, polynomial coefficients, initial direction numbers).
    private static readonly string[] Table =
    [
        "1 0 1", "2 1 1 3", "3 1 1 3 1", "3 2 1 1 1", "4 1 1 1 3 3", "4 4 1 3 5 13", "5 2 1 1 5 5 17", "5 4 1 1 5 5 5",
        "5 7 1 1 7 11 19", "5 11 1 1 5 1 1", "5 13 1 1 1 3 11", "5 14 1 3 5 5 31", "6 1 1 3 3 9 7 49", "6 13 1 1 1 15 21 21",
        "6 16 1 3 1 13 27 49", "6 19 1 1 1 15 7 5", "6 22 1 3 1 15 13 25", "6 25 1 1 5 5 19 61", "7 1 1 3 7 11 23 15 103",
        "7 4 1 3 7 13 13 15 69", "7 7 1 1 3 13 7 35 63", "7 8 1 3 5 9 1 25 53", "7 14 1 3 1 13 9 35 107", "7 19 1 3 1 5 27 61 31",
        "7 21 1 1 5 11 19 41 61", "7 28 1 3 5 3 3 13 69", "7 31 1 1 7 13 1 19 1", "7 32 1 3 7 5 13 19 59", "7 37 1 1 3 9 25 29 41",
        "7 41 1 3 5 13 23 1 55", "7 42 1 3 7 3 13 59 17", "7 50 1 3 1 3 5 53 69", "7 55 1 1 5 5 23 33 13", "7 56 1 1 7 7 1 61 123",
        "7 59 1 1 7 9 13 61 49", "7 62 1 3 3 5 3 55 33", "8 14 1 3 1 15 31 13 49 245", "8 21 1 3 5 15 31 59 63 97",
        "8 22 1 3 1 11 11 11 77 249", "8 38 1 3 1 11 27 43 71 9", "8 47 1 1 7 15 21 11 81 45", "8 49 1 3 7 3 25 31 65 79",
        "8 50 1 3 1 1 19 11 3 205", "8 52 1 1 5 9 19 21 29 157", "8 56 1 3 7 11 1 33 89 185",
    ];

    private static readonly uint[][] Directions = BuildDirections();

    private readonly uint[] _shift;

    /// <summary>Creates the sequence.</summary>
    /// <param name="dimensions">Dimensions, 1 to <see cref="MaxDimensions"/>.</param>
    /// <param name="seed">The seed of the digital shift; ignored when <paramref name="shift"/> is false.</param>
    /// <param name="shift">Whether to apply a random digital shift (randomised quasi-Monte Carlo).</param>
    public SobolSequence(int dimensions, ulong seed = 1, bool shift = true)
    {
        Guard.InRange(dimensions, 1, MaxDimensions);
        Dimensions = dimensions;
        Shifted = shift;
        Seed = seed;
        _shift = new uint[dimensions];
        if (shift)
        {
            var random = new RandomStream(seed, 0, StreamKeys.Design);
            for (int j = 0; j < dimensions; j++)
            {
                _shift[j] = (uint)(random.NextUInt64() >> 32);
            }
        }
    }

    /// <summary>Dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Whether a digital shift is applied.</summary>
    public bool Shifted { get; }

    /// <summary>The seed of the digital shift.</summary>
    public ulong Seed { get; }

    /// <summary>Writes point <paramref name="index"/> (0-based; point 0 is the origin before any shift).</summary>
    /// <param name="index">0 to 2^32 − 1.</param>
    /// <param name="unit">Receives <see cref="Dimensions"/> coordinates in [0, 1).</param>
    public void Point(long index, Span<double> unit)
    {
        Guard.InRange(index, 0, uint.MaxValue);
        if (unit.Length < Dimensions)
        {
            throw new ArgumentException($"The span holds {unit.Length} values; the sequence has {Dimensions} dimensions.", nameof(unit));
        }

        uint gray = (uint)index ^ (uint)(index >> 1);
        for (int j = 0; j < Dimensions; j++)
        {
            uint x = _shift[j];
            uint[] v = Directions[j];
            for (uint g = gray; g != 0; g &= g - 1)
            {
                x ^= v[System.Numerics.BitOperations.TrailingZeroCount(g)];
            }

            unit[j] = x * Scale;
        }
    }

    private static uint[][] BuildDirections()
    {
        var directions = new uint[MaxDimensions][];
        directions[0] = new uint[Bits];
        for (int k = 0; k < Bits; k++)
        {
            directions[0][k] = 1u << (Bits - 1 - k); // van der Corput
        }

        for (int d = 1; d < MaxDimensions; d++)
        {
            int[] row = Table[d - 1].Split(' ').Select(int.Parse).ToArray();
            int s = row[0], a = row[1];
            var v = new uint[Bits];
            for (int k = 0; k < s; k++)
            {
                v[k] = (uint)row[2 + k] << (Bits - 1 - k);
            }

            for (int k = s; k < Bits; k++)
            {
                uint value = v[k - s] ^ (v[k - s] >> s);
                for (int i = 1; i < s; i++)
                {
                    value ^= (uint)((a >> (s - 1 - i)) & 1) * v[k - i];
                }

                v[k] = value;
            }

            directions[d] = v;
        }

        return directions;
    }
}
