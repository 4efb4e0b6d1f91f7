using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>An absolute threshold per node: the number of active neighbours needed (Granovetter 1978), with optional blocked nodes.</summary>
/// <threadsafety>Immutable while the arrays it wraps are not changed.</threadsafety>
internal readonly struct AbsoluteThresholds : IThresholdRule
{
    private readonly int[] _counts;
    private readonly bool[]? _blocked;

    /// <summary>Creates the rule over the given arrays (not copied).</summary>
    /// <param name="counts">Required active neighbours for every node (≤ 0: active as soon as touched).</param>
    /// <param name="blocked">Optional: true for nodes that never activate through neighbours.</param>
    public AbsoluteThresholds(int[] counts, bool[]? blocked = null)
    {
        _counts = counts ?? throw new ArgumentNullException(nameof(counts));
        if (blocked is not null && blocked.Length != counts.Length)
        {
            throw new ArgumentException($"blocked has {blocked.Length} entries; counts has {counts.Length}.", nameof(blocked));
        }

        _blocked = blocked;
    }

    /// <inheritdoc />
    public int RequiredCount(int node, int degree)
        => _blocked is not null && _blocked[node] ? Threshold.Never : _counts[node];
}
