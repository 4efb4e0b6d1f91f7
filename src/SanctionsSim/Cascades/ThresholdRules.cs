using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// A threshold rule: how many active neighbours node v of degree k needs before it activates.
/// Implement it as a struct: the cascade kernel is generic over the rule, so the call inlines.
/// </summary>
public interface IThresholdRule
{
    /// <summary>The number of active neighbours node <paramref name="node"/> needs, or <see cref="Threshold.Never"/>.</summary>
    /// <param name="node">The node index.</param>
    /// <param name="degree">The node's degree.</param>
    /// <returns>The required count (≤ 0 means the node activates as soon as it is touched).</returns>
    int RequiredCount(int node, int degree);
}

/// <summary>The same fractional threshold φ for every node (Watts 2002).</summary>
/// <threadsafety>Immutable.</threadsafety>
public readonly struct UniformFractionalThreshold : IThresholdRule
{
    private const int TableSize = 128;
    private readonly double _phi;
    private readonly int[] _table;

    /// <summary>Creates the rule (and its table of required counts for degrees below 128).</summary>
    /// <param name="phi">The threshold φ, finite (values above 1 never activate, values ≤ 0 always do).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phi"/> is NaN or infinite.</exception>
    public UniformFractionalThreshold(double phi)
    {
        _phi = Guard.Finite(phi);
        _table = new int[TableSize];
        for (int k = 0; k < TableSize; k++)
        {
            _table[k] = Threshold.RequiredCount(phi, k);
        }
    }

    /// <summary>The threshold.</summary>
    public double Phi => _phi;

    /// <inheritdoc />
    public int RequiredCount(int node, int degree)
        => (uint)degree < TableSize && _table is not null ? _table[degree] : Threshold.RequiredCount(_phi, degree);
}

/// <summary>A fractional threshold per node, with optional blocked nodes (loyalists who never switch).</summary>
/// <threadsafety>Immutable while the arrays it wraps are not changed.</threadsafety>
public readonly struct FractionalThresholds : IThresholdRule
{
    private readonly double[] _phi;
    private readonly bool[]? _blocked;

    /// <summary>Creates the rule over the given arrays (not copied: the kernel reads them as they are).</summary>
    /// <param name="phi">φ for every node (NaN rejected when used).</param>
    /// <param name="blocked">Optional: true for nodes that never activate through neighbours.</param>
    public FractionalThresholds(double[] phi, bool[]? blocked = null)
    {
        _phi = phi ?? throw new ArgumentNullException(nameof(phi));
        if (blocked is not null && blocked.Length != phi.Length)
        {
            throw new ArgumentException($"blocked has {blocked.Length} entries; phi has {phi.Length}.", nameof(blocked));
        }

        _blocked = blocked;
    }

    /// <inheritdoc />
    public int RequiredCount(int node, int degree)
        => _blocked is not null && _blocked[node] ? Threshold.Never : Threshold.RequiredCount(_phi[node], degree);
}

/// <summary>An absolute threshold per node: the number of active neighbours needed (Granovetter 1978), with optional blocked nodes.</summary>
/// <threadsafety>Immutable while the arrays it wraps are not changed.</threadsafety>
public readonly struct AbsoluteThresholds : IThresholdRule
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
