namespace SanctionsSim.Analysis;

/// <summary>One drawn particle's estimates in <see cref="RobustChoice"/>: saved as it finishes, so that an interrupted evaluation can resume.</summary>
internal sealed record RobustParticle
{
    /// <summary>The row: the particle's position among those drawn.</summary>
    public required int Row { get; init; }

    /// <summary>Each arm's estimated P(collapse) at the particle, in arm order.</summary>
    public required IReadOnlyList<double> Estimates { get; init; }
}
