using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>One input's Morris screening measures.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record MorrisIndex
{
    /// <summary>The input's name.</summary>
    public required string Name { get; init; }

    /// <summary>μ, the mean elementary effect (effects of opposite sign cancel).</summary>
    public required double Mu { get; init; }

    /// <summary>μ*, the mean absolute elementary effect (Campolongo et al. 2007): the input's overall influence.</summary>
    public required double MuStar { get; init; }

    /// <summary>Bootstrap interval of μ* over trajectories.</summary>
    public required ConfidenceInterval MuStarInterval { get; init; }

    /// <summary>σ, the standard deviation of the elementary effects: non-linearity or interactions.</summary>
    public required double Sigma { get; init; }
}
