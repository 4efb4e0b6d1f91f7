using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>An exogenous event that shocks what officers see, for some weeks, with some probability.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ExogenousEvent
{
    /// <summary>A name for reports.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of event.</summary>
    public EventKind Kind { get; init; } = EventKind.MassProtest;

    /// <summary>The week the event starts (0-based).</summary>
    /// <value>Range: 0 to 9,999, and before the horizon (<see cref="Scenario.Weeks"/>).</value>
    [Range(0, 9_999)]
    public int Week { get; init; }

    /// <summary>How many weeks its effect lasts.</summary>
    /// <value>The default value is 1. Range: 1 to 10,000.</value>
    [Range(1, 10_000)]
    public int DurationWeeks { get; init; } = 1;

    /// <summary>Probability that the event happens at all in a replication (drawn from the events stream).</summary>
    /// <value>The default value is 1. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double Probability { get; init; } = 1.0;

    /// <summary>Added to every officer's perceived defected share while it lasts (negative for crackdowns' chilling effect).</summary>
    /// <value>The default value is 0.05. Range: [−1, 1].</value>
    [Range(-1.0, 1.0)]
    public double PerceivedShareShock { get; init; } = 0.05;

    /// <summary>Multiplies the weekly rank-and-file crossing rate while it lasts (an open border).</summary>
    /// <value>The default value is 1. Range: [0, 10^4].</value>
    [Range(0.0, 1e4)]
    public double LowRankCrossingMultiplier { get; init; } = 1.0;

    /// <summary>Added to detection and reprisal probabilities while it lasts (crackdowns).</summary>
    /// <value>The default value is 0. Range: [−1, 1].</value>
    [Range(-1.0, 1.0)]
    public double CoercionShock { get; init; }

    /// <summary>For a crackdown (only a crackdown may name them): the factions ordered to carry it out, by name (empty for all). With <see cref="Scenario.RepressionBackfire"/> on, their officers' payoff of defecting rises while it lasts (docs/model.md, Eq. 23).</summary>
    /// <value>The default value is empty (every faction is ordered).</value>
    public IReadOnlyList<string> OrderedFactions { get; init; } = [];

    /// <summary>For a protest: its participation as a share of the population. With <see cref="Scenario.Mobilisation"/> on, it replaces <see cref="PerceivedShareShock"/> by coding rule PR1, mobilised week by week (docs/model.md, Eq. 24–25); 0 when not given.</summary>
    /// <value>The default value is 0 (not given). Range: [0, 1]; at most one of it and <see cref="Participants"/>.</value>
    [Range(0.0, 1.0)]
    public double Participation { get; init; }

    /// <summary>For a protest: its participants (persons), a share <see cref="Participants"/> / <see cref="Mobilisation.Population"/> of the population (needs the population); 0 when not given.</summary>
    /// <value>The default value is 0 (not given). Range: [0, 10^10], at most the population; at most one of it and <see cref="Participation"/>.</value>
    [Range(0.0, 1e10)]
    public double Participants { get; init; }
}
