using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>
/// The one key function of a replication's counter-based draws: 64 random bits for (purpose, week, index).
/// </summary>
internal static class DrawKey
{
    /// <summary>The replication's key: every counter-based draw of replication <paramref name="replication"/> derives from it.</summary>
    public static ulong ForReplication(ulong seed, long replication) => RandomStream.CounterKey(seed, replication);

    /// <summary>64 random bits for (<paramref name="purpose"/>, <paramref name="week"/>, <paramref name="index"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong key, DrawPurpose purpose, int week, long index) => purpose switch
    {
        DrawPurpose.Decision => RandomStream.CounterBits(key, (week * 8L) + 1, index),
        DrawPurpose.Detection => RandomStream.CounterBits(key, index, (week * 8L) + 2),
        DrawPurpose.Desertion => RandomStream.CounterBits(key, -1 - index, (week * 8L) + 3),
        DrawPurpose.DesertionNormal => RandomStream.CounterBits(key, -1001 - index, (week * 8L) + 3),
        DrawPurpose.Crossing => RandomStream.CounterBits(key, -1 - index, (week * 8L) + 4),
        DrawPurpose.CrossingNormal => RandomStream.CounterBits(key, -1001 - index, (week * 8L) + 4),
        _ => RandomStream.CounterBits(key, -2001 - index, (week * 8L) + 5),
    };

    /// <summary>A uniform in [0, 1) for (purpose, week, index).</summary>
    public static double Uniform(ulong key, DrawPurpose purpose, int week, long index) => RandomStream.ToUniform(Bits(key, purpose, week, index));

    /// <summary>The draws of one (purpose, week) for every index, as the decision kernels read them.</summary>
    public static DrawRow Row(ulong key, DrawPurpose purpose, int week) => new(RandomStream.Mix(key ^ (ulong)((week * 8L) + (long)purpose)));
}

/// <summary>The draws of one (purpose, week) row: <c>Bits(i) == DrawKey.Bits(key, purpose, week, i)</c>, one mix per draw.</summary>
internal readonly struct DrawRow
{
    private readonly ulong _base;

    public DrawRow(ulong rowBase) => _base = rowBase;

    /// <summary>The bits of index <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Bits(int index) => RandomStream.Mix(_base ^ (ulong)index);

    /// <summary>The bits of indices first … first + 3, one per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> Bits4(int first) => RandomStream.Mix(Vector256.Create(_base) ^ (Vector256.Create((ulong)first) + Vector256.Create(0UL, 1UL, 2UL, 3UL)));
}
