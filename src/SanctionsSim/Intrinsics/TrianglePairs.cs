using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>
/// Row v and column w of each lower-triangle pair index L = v(v − 1)/2 + w: v = ⌊(1 + √(1 + 8L)) / 2⌋, corrected
/// by one when rounding puts it across a row boundary. Eight at a time in vector registers while the arithmetic
/// is exact in doubles (L &lt; 2^52, so v(v − 1) &lt; 2^53); a block whose (v, w) fails 0 ≤ w &lt; v in some lane is
/// redone by the scalar rule, so the answer is the exact one either way.
/// </summary>
internal static class TrianglePairs
{
    /// <summary>Whether four-lane vectors are accelerated.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>The row and column of every pair index.</summary>
    /// <param name="pairs">Pair indices, ascending (the last is the largest).</param>
    /// <param name="rows">One slot per pair.</param>
    /// <param name="columns">One slot per pair.</param>
    /// <param name="vector">Eight at a time where the arithmetic is exact (then the tail one by one); otherwise one by one.</param>
    public static void Map(ReadOnlySpan<long> pairs, Span<int> rows, Span<int> columns, bool vector)
    {
        rows = rows[..pairs.Length];
        columns = columns[..pairs.Length];
        int k = 0;
        if (vector && pairs.Length >= 8 && pairs[^1] < (1L << 52))
        {
            var one = Vector256.Create(1.0);
            var eight = Vector256.Create(8.0);
            var half = Vector256.Create(0.5);
            ref long p = ref MemoryMarshal.GetReference(pairs);
            ref int r = ref MemoryMarshal.GetReference(rows);
            ref int c = ref MemoryMarshal.GetReference(columns);
            for (; k <= pairs.Length - 8; k += 8)
            {
                var l0 = Vector256.ConvertToDouble(Vector256.LoadUnsafe(ref p, (nuint)k));
                var l1 = Vector256.ConvertToDouble(Vector256.LoadUnsafe(ref p, (nuint)k + 4));
                var v0 = Vector256.Floor((one + Vector256.Sqrt(one + (eight * l0))) * half);
                var v1 = Vector256.Floor((one + Vector256.Sqrt(one + (eight * l1))) * half);
                var w0 = l0 - (v0 * (v0 - one) * half);
                var w1 = l1 - (v1 * (v1 - one) * half);
                if (Vector256.GreaterThanOrEqualAll(w0, Vector256<double>.Zero) && Vector256.LessThanAll(w0, v0)
                    && Vector256.GreaterThanOrEqualAll(w1, Vector256<double>.Zero) && Vector256.LessThanAll(w1, v1))
                {
                    Vector256.Narrow(Vector256.ConvertToInt64(v0), Vector256.ConvertToInt64(v1)).StoreUnsafe(ref r, (nuint)k);
                    Vector256.Narrow(Vector256.ConvertToInt64(w0), Vector256.ConvertToInt64(w1)).StoreUnsafe(ref c, (nuint)k);
                }
                else
                {
                    for (int t = k; t < k + 8; t++)
                    {
                        (rows[t], columns[t]) = MapOne(pairs[t]);
                    }
                }
            }
        }

        for (; k < pairs.Length; k++)
        {
            (rows[k], columns[k]) = MapOne(pairs[k]);
        }
    }

    /// <summary>Row and column of one pair index.</summary>
    /// <param name="pair">A pair index.</param>
    /// <returns>Its row and column.</returns>
    public static (int Row, int Column) MapOne(long pair)
    {
        long v = (long)((1.0 + Math.Sqrt(1.0 + (8.0 * pair))) * 0.5);
        long first = v * (v - 1) / 2;
        if (first > pair)
        {
            v--;
            first -= v;
        }
        else if (first + v <= pair)
        {
            first += v;
            v++;
        }

        return ((int)v, (int)(pair - first));
    }
}
