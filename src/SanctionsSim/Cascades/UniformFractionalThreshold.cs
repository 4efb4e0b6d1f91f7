using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>The same fractional threshold φ for every node (Watts 2002).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal readonly struct UniformFractionalThreshold : IThresholdRule
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
