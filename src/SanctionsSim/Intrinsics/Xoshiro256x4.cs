using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SanctionsSim.Intrinsics;

/// <summary>
/// Four xoshiro256** generators (Blackman &amp; Vigna 2018) stepped together in the lanes of a 256-bit vector: four
/// words in about the time the scalar generator takes for one (its dependency chain is the limit; here four chains
/// run side by side). Each lane is a full xoshiro256** state, so the lanes are as independent as four seeds of one
/// generator. <see cref="Fill"/> writes word 4k + j from lane j, by vectors where they are accelerated and lane by
/// lane otherwise, with the same words either way.
/// </summary>
internal struct Xoshiro256x4
{
    private Vector256<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Four lanes from sixteen seed words: word 4r + j is state word r of lane j (a lane is never all zero).</summary>
    /// <param name="words">Sixteen words.</param>
    public Xoshiro256x4(ReadOnlySpan<ulong> words)
    {
        if (words.Length != 16)
        {
            throw new ArgumentException("Four lanes take sixteen seed words.", nameof(words));
        }

        _s0 = Vector256.Create(words[..4]);
        _s1 = Vector256.Create(words[4..8]);
        _s2 = Vector256.Create(words[8..12]);
        _s3 = Vector256.Create(words[12..]);
        var zero = Vector256.Equals(_s0 | _s1 | _s2 | _s3, Vector256<ulong>.Zero);
        _s0 |= zero & Vector256.Create(SplitMix64.Increment); // astronomically unlikely; xoshiro must not start at zero
    }

    /// <summary>Whether <see cref="Fill"/> steps the lanes in vector registers.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>The next word of each lane: xoshiro256**, rotl(s1 · 5, 7) · 9, with the multiplications as shifts and adds.</summary>
    /// <returns>One word per lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> Next()
    {
        var s1 = _s1;
        var r = s1 + (s1 << 2);
        r = (r << 7) | (r >>> 57);
        r += r << 3;
        var t = s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = (_s3 << 45) | (_s3 >>> 19);
        return r;
    }

    /// <summary>Fills <paramref name="destination"/> (a multiple of four words) with the next words, word 4k + j from lane j.</summary>
    /// <param name="destination">The words to write.</param>
    public void Fill(Span<ulong> destination)
    {
        if (IsAccelerated)
        {
            FillVector(destination);
        }
        else
        {
            FillScalar(destination);
        }
    }

    /// <summary><see cref="Fill"/> in vector registers.</summary>
    /// <param name="destination">The words to write (a multiple of four).</param>
    public void FillVector(Span<ulong> destination)
    {
        CheckLength(destination);
        var lanes = this;
        ref ulong first = ref MemoryMarshal.GetReference(destination);
        for (nuint i = 0; i < (nuint)destination.Length; i += 4)
        {
            lanes.Next().StoreUnsafe(ref first, i);
        }

        this = lanes;
    }

    /// <summary><see cref="Fill"/> one lane at a time, with scalar arithmetic: the same words as <see cref="FillVector"/>.</summary>
    /// <param name="destination">The words to write (a multiple of four).</param>
    public void FillScalar(Span<ulong> destination)
    {
        CheckLength(destination);
        Span<ulong> s = stackalloc ulong[16];
        _s0.CopyTo(s);
        _s1.CopyTo(s[4..]);
        _s2.CopyTo(s[8..]);
        _s3.CopyTo(s[12..]);
        // The xoshiro256** step restated, not MonteCarlo's Xoshiro256.Next: this folder is layer 0 and uses nothing else of
        // the core. IntrinsicsTests holds this path and FillVector to the same words, and the generator's tests hold the
        // four lanes to the scalar generator (ErdosRenyiLayoutTests.FourLaneGenerator_EachLaneIsXoshiro256StarStar).
        for (int lane = 0; lane < 4; lane++)
        {
            ulong s0 = s[lane], s1 = s[4 + lane], s2 = s[8 + lane], s3 = s[12 + lane];
            for (int i = lane; i < destination.Length; i += 4)
            {
                destination[i] = BitOperations.RotateLeft(s1 * 5, 7) * 9;
                ulong t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = BitOperations.RotateLeft(s3, 45);
            }

            (s[lane], s[4 + lane], s[8 + lane], s[12 + lane]) = (s0, s1, s2, s3);
        }

        _s0 = Vector256.Create(s[..4]);
        _s1 = Vector256.Create(s[4..8]);
        _s2 = Vector256.Create(s[8..12]);
        _s3 = Vector256.Create(s[12..]);
    }

    private static void CheckLength(Span<ulong> destination)
    {
        if (destination.Length % 4 != 0)
        {
            throw new ArgumentException("Four lanes fill a multiple of four words.", nameof(destination));
        }
    }
}
