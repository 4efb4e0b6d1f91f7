using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SanctionsSim.Intrinsics;

/// <summary>
/// The arithmetic of a geometric walk over pair indices: truncation of a gap to an integer, and four steps at once
/// on the fast path of the exponential ziggurat (Marsaglia &amp; Tsang 2000).
/// </summary>
internal static class PairSteps
{
    /// <summary>2^52: gaps below it convert exactly and four of them cannot overflow.</summary>
    private const double Exact = 4503599627370496.0;

    /// <summary>Whether four-lane vectors are accelerated (<see cref="TryFour"/> is worth trying).</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>(long)g for 0 ≤ g &lt; 9·10^18: one cvttsd2si on x64, where the C# cast adds the saturation checks that .NET 9 made the default.</summary>
    /// <param name="g">A value in [0, 9·10^18).</param>
    /// <returns>g truncated.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Truncate(double g)
        => Sse2.X64.IsSupported ? Sse2.X64.ConvertToInt64WithTruncation(Vector128.CreateScalarUnsafe(g)) : (long)g;

    /// <summary>
    /// Four steps of the walk from <paramref name="current"/>, one per word w_0 … w_3 (at <paramref name="words"/>): for
    /// word w, layer ℓ = w mod 256 and j = ⌊w / 2¹¹⌋, the gap is ⌊(j·width_ℓ)·scale⌋ and the next index the last plus
    /// gap + 1. Written to <paramref name="destination"/> (four slots) only when every word takes the ziggurat's fast
    /// path (j &lt; bound_ℓ), every (j·width_ℓ)·scale is below 2^52 and every index stays below <paramref name="total"/>;
    /// otherwise nothing is written and the caller takes the words one by one.
    /// </summary>
    /// <param name="words">The first of four random words.</param>
    /// <param name="bounds">The ziggurat's 256 bounds (k_ℓ).</param>
    /// <param name="widths">The ziggurat's 256 widths (w_ℓ).</param>
    /// <param name="scale">The factor from the exponential variate to the gap.</param>
    /// <param name="current">The last index.</param>
    /// <param name="total">The number of indices.</param>
    /// <param name="destination">The first of four slots.</param>
    /// <param name="last">The fourth index when they were written (taken from the register, not reloaded from memory).</param>
    /// <returns>Whether the four indices were written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFour(ref ulong words, ref ulong bounds, ref double widths, double scale, long current, long total, ref long destination, out long last)
    {
        ulong b0 = words, b1 = Unsafe.Add(ref words, 1), b2 = Unsafe.Add(ref words, 2), b3 = Unsafe.Add(ref words, 3);
        var j = Vector256.Create((long)(b0 >> 11), (long)(b1 >> 11), (long)(b2 >> 11), (long)(b3 >> 11));
        var k = Vector256.Create(
            (long)Unsafe.Add(ref bounds, (nint)(b0 & 255)),
            (long)Unsafe.Add(ref bounds, (nint)(b1 & 255)),
            (long)Unsafe.Add(ref bounds, (nint)(b2 & 255)),
            (long)Unsafe.Add(ref bounds, (nint)(b3 & 255)));
        var w = Vector256.Create(
            Unsafe.Add(ref widths, (nint)(b0 & 255)),
            Unsafe.Add(ref widths, (nint)(b1 & 255)),
            Unsafe.Add(ref widths, (nint)(b2 & 255)),
            Unsafe.Add(ref widths, (nint)(b3 & 255)));
        var g = Vector256.ConvertToDouble(j) * w * Vector256.Create(scale);
        if (Vector256.LessThanAll(j, k) && Vector256.LessThanAll(g, Vector256.Create(Exact)))
        {
            // inclusive prefix sum of the steps (gap + 1) across the four lanes
            var steps = Vector256.ConvertToInt64(g) + Vector256<long>.One;
            steps += Vector256.Shuffle(steps, Vector256.Create(4L, 0, 1, 2));
            steps += Vector256.Shuffle(steps, Vector256.Create(4L, 4, 0, 1));
            var next = Vector256.Create(current) + steps;
            if (!Vector256.GreaterThanOrEqualAny(next, Vector256.Create(total)))
            {
                next.StoreUnsafe(ref destination);
                last = next.GetElement(3);
                return true;
            }
        }

        last = current;
        return false;
    }

    /// <summary><see cref="TryFour"/> one lane at a time, with scalar arithmetic: the same answer and the same indices.</summary>
    /// <param name="words">The first of four random words.</param>
    /// <param name="bounds">The ziggurat's 256 bounds (k_ℓ).</param>
    /// <param name="widths">The ziggurat's 256 widths (w_ℓ).</param>
    /// <param name="scale">The factor from the exponential variate to the gap.</param>
    /// <param name="current">The last index.</param>
    /// <param name="total">The number of indices.</param>
    /// <param name="destination">The first of four slots.</param>
    /// <param name="last">The fourth index when they were written, else <paramref name="current"/>.</param>
    /// <returns>Whether the four indices were written.</returns>
    public static bool TryFourScalar(ref ulong words, ref ulong bounds, ref double widths, double scale, long current, long total, ref long destination, out long last)
    {
        last = current;
        Span<long> next = stackalloc long[4];
        for (int lane = 0; lane < 4; lane++)
        {
            ulong bits = Unsafe.Add(ref words, lane);
            nint layer = (nint)(bits & 255);
            long j = (long)(bits >> 11);
            double g = (double)j * Unsafe.Add(ref widths, layer) * scale;
            if (!(j < (long)Unsafe.Add(ref bounds, layer)) || !(g < Exact))
            {
                return false;
            }

            current += (long)g + 1;
            next[lane] = current;
        }

        foreach (long index in next)
        {
            if (index >= total)
            {
                return false;
            }
        }

        for (int lane = 0; lane < 4; lane++)
        {
            Unsafe.Add(ref destination, lane) = next[lane];
        }

        last = next[3];
        return true;
    }
}
