using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>A lookup through a table of 17 entries (keys 0 … 16), sixteen keys at a time as a byte shuffle where 128-bit vectors are accelerated.</summary>
internal static class SmallTable
{
    /// <summary>The number of entries of the table: keys 0 … 16.</summary>
    public const int Length = 17;

    /// <summary>Whether 128-bit vectors are accelerated.</summary>
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    /// <summary>Whether every entry of <paramref name="table"/> fits in a byte (0 … 255), as the vector path needs.</summary>
    /// <param name="table">The table.</param>
    /// <returns>Whether the vector path may be used.</returns>
    public static bool FitsBytes(ReadOnlySpan<short> table)
    {
        foreach (short entry in table[..Length])
        {
            if (entry is < 0 or > byte.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>output[v] = table[keys[v]]</c> for every v (keys at most 16).</summary>
    /// <param name="keys">The keys, each 0 … 16.</param>
    /// <param name="table">At least 17 entries; with <paramref name="vector"/>, each of the first 17 in 0 … 255 (<see cref="FitsBytes"/>).</param>
    /// <param name="output">One entry per key.</param>
    /// <param name="vector">Sixteen keys at a time (then the tail one by one); otherwise one by one.</param>
    public static void Map(ReadOnlySpan<byte> keys, ReadOnlySpan<short> table, Span<short> output, bool vector)
    {
        output = output[..keys.Length];
        int v = 0;
        if (vector)
        {
            // keys 0–15 index a 16-byte table (a byte shuffle); key 16 is selected apart
            var lookup = Vector128.Create(
                (byte)table[0], (byte)table[1], (byte)table[2], (byte)table[3], (byte)table[4], (byte)table[5], (byte)table[6], (byte)table[7],
                (byte)table[8], (byte)table[9], (byte)table[10], (byte)table[11], (byte)table[12], (byte)table[13], (byte)table[14], (byte)table[15]);
            var sixteen = Vector128.Create((byte)16);
            var atSixteen = Vector128.Create((byte)table[16]);
            for (; v <= output.Length - 16; v += 16)
            {
                var k = Vector128.Create(keys.Slice(v, 16));
                var r = Vector128.ConditionalSelect(Vector128.Equals(k, sixteen), atSixteen, Vector128.Shuffle(lookup, k));
                var (low, high) = Vector128.Widen(r);
                low.AsInt16().CopyTo(output.Slice(v, 8));
                high.AsInt16().CopyTo(output.Slice(v + 8, 8));
            }
        }

        for (; v < output.Length; v++)
        {
            output[v] = table[keys[v]];
        }
    }
}
