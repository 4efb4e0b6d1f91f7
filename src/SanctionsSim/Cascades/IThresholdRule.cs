using SanctionsSim.Internal;

namespace SanctionsSim.Cascades;

/// <summary>
/// A threshold rule: how many active neighbours node v of degree k needs before it activates.
/// Implement it as a struct: the cascade kernel is generic over the rule, so the call inlines.
/// </summary>
internal interface IThresholdRule
{
    /// <summary>The number of active neighbours node <paramref name="node"/> needs, or <see cref="Threshold.Never"/>.</summary>
    /// <param name="node">The node index.</param>
    /// <param name="degree">The node's degree.</param>
    /// <returns>The required count (≤ 0 means the node activates as soon as it is touched).</returns>
    int RequiredCount(int node, int degree);
}
