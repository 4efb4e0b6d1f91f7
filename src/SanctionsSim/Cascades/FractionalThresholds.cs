using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>A fractional threshold per node, with optional blocked nodes (loyalists who never switch).</summary>
/// <threadsafety>Immutable while the arrays it wraps are not changed.</threadsafety>
internal readonly struct FractionalThresholds : IThresholdRule
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
