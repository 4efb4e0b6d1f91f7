using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>A faction's results over a batch.</summary>
/// <threadsafety>Immutable view; the moments belong to the summary.</threadsafety>
public sealed record FactionSummary
{
    /// <summary>The faction's name.</summary>
    public required string Name { get; init; }

    /// <summary>The faction's final defected share of its troops.</summary>
    public required RunningMoments DefectedShare { get; init; }

    /// <summary>Generals who defected.</summary>
    public required RunningMoments GeneralsDefected { get; init; }

    /// <summary>Senior officers who defected.</summary>
    public required RunningMoments SeniorOfficersDefected { get; init; }

    /// <summary>Rank-and-file crossings.</summary>
    public required RunningMoments LowRankCrossings { get; init; }

    /// <summary>Rank-and-file desertions.</summary>
    public required RunningMoments Desertions { get; init; }

    /// <summary>How often this faction tipped first.</summary>
    public required ProportionEstimate TippedFirst { get; init; }
}
