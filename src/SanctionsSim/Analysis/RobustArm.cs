namespace SanctionsSim.Analysis;

/// <summary>One policy's outcomes across the posterior (<see cref="RobustChoice"/>).</summary>
public sealed record RobustArm
{
    /// <summary>The arm's scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>Its rank (1: best): by satisficing share, then by mean regret.</summary>
    public required int Rank { get; init; }

    /// <summary>The mean over particles of P(collapse): the posterior predictive probability.</summary>
    public required double MeanProbability { get; init; }

    /// <summary>Its standard error over particles.</summary>
    public required double MeanStandardError { get; init; }

    /// <summary>The share of particles at which the arm's P(collapse) reaches the target.</summary>
    public required double SatisficingShare { get; init; }

    /// <summary>Wilson interval of the satisficing share over particles.</summary>
    public required MonteCarlo.ConfidenceInterval SatisficingInterval { get; init; }

    /// <summary>The mean regret: at each particle, the best arm's P(collapse) minus this arm's, averaged.</summary>
    public required double MeanRegret { get; init; }

    /// <summary>Its standard error over particles.</summary>
    public required double MeanRegretStandardError { get; init; }

    /// <summary>The 90th percentile of the regret over particles.</summary>
    public required double Regret90 { get; init; }

    /// <summary>The largest regret over particles (the minimax-regret criterion).</summary>
    public required double MaxRegret { get; init; }
}
