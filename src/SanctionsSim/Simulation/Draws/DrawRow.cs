using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation.Draws;

/// <summary>The draws of one (purpose, week) row: <c>Bits(i) == DrawKey.Bits(key, purpose, week, i)</c>, one mix per draw.</summary>
internal readonly struct DrawRow
{
    private static readonly Vector256<ulong> LaneSteps = Vector256.Create(0UL, DrawKey.Gamma, unchecked(2 * DrawKey.Gamma), unchecked(3 * DrawKey.Gamma));
    private readonly ulong _start;

    /// <summary>A row whose index 0 has mixer input <paramref name="start"/>.</summary>
    public DrawRow(ulong start) => _start = start;

    /// <summary>The bits of index <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Bits(int index) => RandomStream.Mix(_start + ((ulong)index * DrawKey.Gamma));

    /// <summary>The bits of indices first … first + 3, one per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> Bits4(int first) => RandomStream.Mix(Vector256.Create(_start + ((ulong)first * DrawKey.Gamma)) + LaneSteps);
}
