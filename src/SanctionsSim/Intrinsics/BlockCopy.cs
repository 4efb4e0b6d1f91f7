using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>Fixed-size copies of one row of a graph: sixteen 32-bit or sixteen 16-bit values, as one or two 256-bit loads and stores where those are accelerated.</summary>
internal static class BlockCopy
{
    /// <summary>Copies sixteen ints from <c>source[sourceIndex …]</c> to <c>destination[destinationIndex …]</c>; the caller guarantees both ranges.</summary>
    /// <param name="source">The first element of the source.</param>
    /// <param name="sourceIndex">The first index copied.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="destinationIndex">The first index written.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy16(ref int source, nuint sourceIndex, ref int destination, nuint destinationIndex)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref source, sourceIndex), ref destination, destinationIndex);
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref source, sourceIndex + 8), ref destination, destinationIndex + 8);
        }
        else
        {
            Copy16Scalar(ref source, sourceIndex, ref destination, destinationIndex);
        }
    }

    /// <summary>Copies sixteen 16-bit values (one 32-byte row); see <see cref="Copy16(ref int, nuint, ref int, nuint)"/>.</summary>
    /// <param name="source">The first element of the source.</param>
    /// <param name="sourceIndex">The first index copied.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="destinationIndex">The first index written.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy16(ref ushort source, nuint sourceIndex, ref ushort destination, nuint destinationIndex)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref source, sourceIndex), ref destination, destinationIndex);
        }
        else
        {
            Copy16Scalar(ref source, sourceIndex, ref destination, destinationIndex);
        }
    }

    /// <summary><see cref="Copy16(ref int, nuint, ref int, nuint)"/> one value at a time.</summary>
    /// <param name="source">The first element of the source.</param>
    /// <param name="sourceIndex">The first index copied.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="destinationIndex">The first index written.</param>
    public static void Copy16Scalar<T>(ref T source, nuint sourceIndex, ref T destination, nuint destinationIndex)
        where T : unmanaged
    {
        for (nuint k = 0; k < 16; k++)
        {
            Unsafe.Add(ref destination, destinationIndex + k) = Unsafe.Add(ref source, sourceIndex + k);
        }
    }
}
