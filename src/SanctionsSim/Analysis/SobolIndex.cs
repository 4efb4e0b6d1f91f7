using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>One input's Sobol indices with bootstrap intervals.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SobolIndex
{
    /// <summary>The input's name.</summary>
    public required string Name { get; init; }

    /// <summary>First-order index S_i (Saltelli et al. 2010 estimator).</summary>
    public required double First { get; init; }

    /// <summary>Its bootstrap interval.</summary>
    public required ConfidenceInterval FirstInterval { get; init; }

    /// <summary>Total-effect index S_Ti (Jansen 1999 estimator).</summary>
    public required double Total { get; init; }

    /// <summary>Its bootstrap interval.</summary>
    public required ConfidenceInterval TotalInterval { get; init; }
}
