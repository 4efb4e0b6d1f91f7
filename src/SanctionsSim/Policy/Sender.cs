using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Policy;

/// <summary>
/// A member of the sanctioning coalition (the US, European allies, …) holding instruments. A sender takes part
/// from <see cref="JoinWeek"/>, or later by a trigger (defected share) or a weekly probability. Adding a sender
/// is configuration, not code.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Sender
{
    /// <summary>A unique name, for example "us" or "eu".</summary>
    public required string Name { get; init; }

    /// <summary>The week the sender is in the coalition for sure, or null when it joins only by trigger or chance.</summary>
    /// <value>The default value is 0. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int? JoinWeek { get; init; } = 0;

    /// <summary>Joins as soon as the defected share of command strength reaches this level (null: no trigger).</summary>
    /// <value>The default value is null. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double? JoinWhenDefectedShareReaches { get; init; }

    /// <summary>Weekly probability of joining before <see cref="JoinWeek"/> or the trigger (drawn per replication and week).</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double JoinProbabilityPerWeek { get; init; }

    /// <summary>How much the sender's joining sharpens the other senders' revenue bites (alliance multiplier).</summary>
    /// <value>The default value is 0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double BiteMultiplierForOthers { get; init; }

    /// <summary>How the sender's commitment evolves with its costs, the humanitarian burden, visible progress and its partners (default: constant at 1).</summary>
    public Commitment Commitment { get; init; } = new();

    /// <summary>Joins as soon as its commitment reaches this level (null: commitment does not decide joining).</summary>
    /// <value>The default value is null. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double? JoinWhenCommitmentReaches { get; init; }

    /// <summary>Its instruments are lifted while its commitment is below this level (sanctions fatigue).</summary>
    /// <value>The default value is 0 (never). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double LiftBelowCommitment { get; init; }

    /// <summary>Below this commitment its instruments are eased: their strength is scaled by commitment / this level.</summary>
    /// <value>The default value is 0 (never). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double EaseBelowCommitment { get; init; }

    /// <summary>Its instruments escalate (by their own rule) only while its commitment is at least this level.</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double EscalateAboveCommitment { get; init; }

    /// <summary>κ_c: the credibility officers give to its offers is multiplied by commitment^κ_c: a wavering ally makes amnesty and asset protection less believable.</summary>
    /// <value>The default value is 0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double CredibilityElasticity { get; init; }

    /// <summary>
    /// After the regime collapses by defection, the sender keeps the instruments it had in force for this many more
    /// weeks (within the horizon), at their last week's cost, before lifting them: what a package that succeeds
    /// still costs. Sanctions on a fallen regime have been lifted within days to months (Haiti 1994, Serbia 2000,
    /// Libya 2011; docs/model.md, §1).
    /// </summary>
    /// <value>The default value is 4. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int LiftLagWeeks { get; init; } = 4;

    /// <summary>
    /// After the high command removes the ruler and keeps the regime's apparatus, the sender keeps its instruments
    /// in force for this many more weeks (within the horizon): sanctions have outlasted such removals by more than a
    /// year (Sudan 2019, Zimbabwe 2017; docs/model.md, §1).
    /// </summary>
    /// <value>The default value is 52. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int LiftLagWeeksAfterRemoval { get; init; } = 52;

    /// <summary>The sender's instruments.</summary>
    public IReadOnlyList<Instrument> Instruments { get; init; } = [];
}
