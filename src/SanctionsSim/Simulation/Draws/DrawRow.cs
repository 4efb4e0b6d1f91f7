using System.Runtime.CompilerServices;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation.Draws;

/// <summary>The draws of one (purpose, week) row: <c>Bits(i) == DrawKey.Bits(key, purpose, week, i)</c>, one mix per draw.</summary>
internal readonly struct DrawRow
{
    private readonly ulong _start;

    /// <summary>A row whose index 0 has mixer input <paramref name="start"/>.</summary>
    public DrawRow(ulong start) => _start = start;

    /// <summary>The mixer input of index 0; index i's is <c>Start + i · DrawKey.Gamma</c>.</summary>
    public ulong Start => _start;

    /// <summary>The bits of index <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Bits(int index) => RandomStream.Mix(_start + ((ulong)index * DrawKey.Gamma));
}
