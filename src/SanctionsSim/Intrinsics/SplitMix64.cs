using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>The SplitMix64 finaliser (variant 13 of Stafford's mixers), one value or four lanes at a time.</summary>
internal static class SplitMix64
{
    /// <summary>The golden-ratio increment added before mixing.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>The finaliser: a bijection on 64-bit values.</summary>
    /// <param name="z">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += Increment;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> in each lane.</summary>
    /// <param name="z">The values to mix.</param>
    /// <returns>The mixed values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z += Vector256.Create(Increment);
        z = (z ^ (z >>> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    /// <summary>The offsets of four successive counters of a row whose counters are <paramref name="step"/> apart: 0, step, 2·step, 3·step.</summary>
    /// <param name="step">The distance between successive counters.</param>
    /// <returns>One offset per lane.</returns>
    public static Vector256<ulong> LaneSteps(ulong step) => Vector256.Create(0UL, step, unchecked(2 * step), unchecked(3 * step));

    /// <summary>The mixed counters <c>start + (first + j)·step</c> in lane j: <c>Mix(start + i·step)</c> for i = first … first + 3.</summary>
    /// <param name="start">The mixer input of index 0.</param>
    /// <param name="step">The distance between successive counters.</param>
    /// <param name="laneSteps"><see cref="LaneSteps"/> of <paramref name="step"/> (made once, outside the loop).</param>
    /// <param name="first">The first index.</param>
    /// <returns>The four mixed values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix4(ulong start, ulong step, Vector256<ulong> laneSteps, int first)
        => Mix(Vector256.Create(start + ((ulong)first * step)) + laneSteps);
}
