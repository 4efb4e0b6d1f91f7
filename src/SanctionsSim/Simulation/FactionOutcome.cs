namespace SanctionsSim.Simulation;

/// <summary>One faction's outcome in one replication.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactionOutcome
{
    /// <summary>The faction's defected share of its troops.</summary>
    public required double DefectedShare { get; init; }

    /// <summary>Generals who defected.</summary>
    public required int GeneralsDefected { get; init; }

    /// <summary>Senior officers who defected.</summary>
    public required int SeniorOfficersDefected { get; init; }

    /// <summary>Rank-and-file troops who crossed to the opposition.</summary>
    public required double LowRankCrossings { get; init; }

    /// <summary>Rank-and-file troops who deserted.</summary>
    public required double Desertions { get; init; }
}
