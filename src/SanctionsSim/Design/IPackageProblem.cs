using SanctionsSim.Experiments;

namespace SanctionsSim.Design;

/// <summary>
/// A policy-design problem: levers with bounds; a package (one value per lever) is evaluated on a range of
/// replications of a seed, so that every package sees the same random numbers (common random numbers), and yields
/// how often the goal event happened and the per-replication values of its outputs (costs).
/// </summary>
internal interface IPackageProblem
{
    /// <summary>The levers: each a name and its bounds (a package sets each within them).</summary>
    IReadOnlyList<ExperimentParameter> Levers { get; }

    /// <summary>The outputs measured per replication (for example a cost expression), in order.</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>Evaluates a package on replications [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of <paramref name="seed"/>.</summary>
    /// <param name="levers">One value per lever, within its bounds.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="first">The first replication.</param>
    /// <param name="count">How many replications (≥ 1).</param>
    /// <returns>The successes and the outputs' sums.</returns>
    PackageSample Evaluate(ReadOnlySpan<double> levers, ulong seed, long first, int count);
}
