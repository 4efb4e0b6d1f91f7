using System.Runtime.CompilerServices;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation.Draws;

/// <summary>
/// The one key function of a replication's counter-based draws: 64 random bits for (purpose, week, index).
/// </summary>
/// <remarks>
/// <para>
/// The draw is output number n of SplitMix64 started at the replication's key: <c>Mix(key + n·γ)</c>, with γ the
/// odd SplitMix64 increment and n the counter that packs the draw's name into one word:
/// <c>n = purpose · 2⁵⁶ + week · 2⁴⁰ + index</c>.
/// </para>
/// <para>
/// Collision-free by construction: for purpose &lt; 2⁸, week &lt; 2¹⁶ (a scenario has at most 10,000 weeks) and
/// index &lt; 2⁴⁰ (at most 5,000,000 officers, and fewer factions or senders), the packing is injective; n ↦ key + n·γ
/// is a bijection of 64-bit words (γ is odd), and so is the mixer. Distinct (purpose, week, index) therefore
/// always get distinct inputs to the mixer and distinct bits. (The layout this replaced, <c>Mix(Mix(key ^ a) ^ b)</c>
/// with hand-laid a and b, gave officer 8w + 1's detection in week w′ the uniform of officer 8w′ + 2's decision in
/// week w.)
/// </para>
/// </remarks>
internal static class DrawKey
{
    /// <summary>γ: the SplitMix64 increment (odd, so multiplying by it is a bijection).</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Bits of the counter that hold the index.</summary>
    public const int IndexBits = KeyRegistry.IndexBits;

    /// <summary>Bits of the counter that hold the week.</summary>
    public const int WeekBits = KeyRegistry.SubPurposeBits;

    /// <summary>The replication's key: every counter-based draw of replication <paramref name="replication"/> derives from it.</summary>
    public static ulong ForReplication(ulong seed, long replication) => RandomStream.CounterKey(seed, replication);

    /// <summary>The counter n = purpose · 2⁵⁶ + week · 2⁴⁰ + index: the registry's key (<see cref="KeyRegistry.Pack"/>), the week as sub-purpose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Counter(DrawPurpose purpose, int week, long index) => KeyRegistry.Pack((KeyPurpose)purpose, week, index);

    /// <summary>The mixer's input for a counter: key + n·γ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MixerInput(ulong key, ulong counter) => key + (counter * Gamma);

    /// <summary>64 random bits for (<paramref name="purpose"/>, <paramref name="week"/>, <paramref name="index"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong key, DrawPurpose purpose, int week, long index) => RandomStream.Mix(MixerInput(key, Counter(purpose, week, index)));

    /// <summary>A uniform in [0, 1) for (purpose, week, index).</summary>
    public static double Uniform(ulong key, DrawPurpose purpose, int week, long index) => RandomStream.ToUniform(Bits(key, purpose, week, index));

    /// <summary>The draws of one (purpose, week) for every index, as the decision kernels read them.</summary>
    public static DrawRow Row(ulong key, DrawPurpose purpose, int week) => new(MixerInput(key, Counter(purpose, week, 0)));
}
