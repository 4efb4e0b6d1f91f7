using SanctionsSim.Model;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// What happened in a historical case, as the model measures it: whether the regime fell within the scenario's
/// horizon, when, and what is known of defections. Unknown quantities stay null and are not compared.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CaseObservation
{
    /// <summary>The outcome type observed within the horizon, when coded (case files under the coding rules always code it).</summary>
    public OutcomeType? Outcome { get; init; }

    /// <summary>The week the outcome happened (the first week of its range); null for <see cref="OutcomeType.Survived"/>.</summary>
    public int? OutcomeWeek { get; init; }

    /// <summary>
    /// Ranges of the observed quantities where sources differ or estimate, by field name (<c>outcomeWeek</c>,
    /// <c>generalsDefected</c>, <c>earlyGeneralDefections</c>, <c>lowRankCrossings</c>, <c>earlyLowRankCrossings</c>,
    /// <c>defectedShare</c>): a simulated value inside its range is no misfit. Empty: every observation is a point.
    /// </summary>
    public IReadOnlyDictionary<string, ObservedRange> Ranges { get; init; } = new Dictionary<string, ObservedRange>();

    /// <summary>Whether the regime collapsed (the leader removed) within the scenario's horizon.</summary>
    public required bool Collapsed { get; init; }

    /// <summary>The week of collapse (0-based) when it collapsed; must lie inside the horizon.</summary>
    public int? CollapseWeek { get; init; }

    /// <summary>Generals who defected in the first twelve weeks (or the horizon, if shorter).</summary>
    public int? EarlyGeneralDefections { get; init; }

    /// <summary>Generals who defected over the whole horizon.</summary>
    public int? GeneralsDefected { get; init; }

    /// <summary>The defected share of command strength at the end of the horizon.</summary>
    public double? DefectedShare { get; init; }

    /// <summary>Rank-and-file crossings to the opposition in the first twelve weeks.</summary>
    public double? EarlyLowRankCrossings { get; init; }

    /// <summary>Rank-and-file crossings over the whole horizon.</summary>
    public double? LowRankCrossings { get; init; }

    /// <summary>Where the numbers come from (docs/cases.md gives the full references).</summary>
    public string Source { get; init; } = "";
}
