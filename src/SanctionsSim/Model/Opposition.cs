namespace SanctionsSim.Model;

/// <summary>The opposition: an interim leader whose recognition by senders raises the credibility of their offers.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Opposition
{
    /// <summary>Relative increase of every offer's credibility per recognising sender (capped so that credibility stays ≤ 1).</summary>
    /// <value>The default value is 0.15. Range: [0, 10].</value>
    public double RecognitionCredibilityBoost { get; init; } = 0.15;

    /// <summary>Value to an officer of a post in the new order if the regime falls after they defected (patronage-years).</summary>
    /// <value>The default value is 1.5. Range: [0, 1000].</value>
    public double GainIfRegimeFalls { get; init; } = 1.5;

    /// <summary>Expected cost to an officer who stayed loyal if the regime falls (prosecution, loss of post), before personal sanctions.</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    public double ProsecutionCost { get; init; } = 1.0;

    /// <summary>Extra prosecution cost for personally sanctioned officers (they are named as complicit).</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    public double SanctionedProsecutionCost { get; init; } = 1.0;
}

/// <summary>The kind of an exogenous event.</summary>
public enum EventKind
{
    /// <summary>A mass protest: officers perceive the regime as weaker (a shock to the perceived defected share).</summary>
    MassProtest = 0,

    /// <summary>An aid-convoy standoff at the border: a shock to perceived share and a chance to cross for rank and file.</summary>
    AidStandoff = 1,

    /// <summary>A crackdown: the regime's detection and reprisal rise.</summary>
    Crackdown = 2,
}

/// <summary>An exogenous event that shocks what officers see, for some weeks, with some probability.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ExogenousEvent
{
    /// <summary>A name for reports.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of event.</summary>
    public EventKind Kind { get; init; } = EventKind.MassProtest;

    /// <summary>The week the event starts (0-based).</summary>
    /// <value>Range: 0 to the horizon.</value>
    public int Week { get; init; }

    /// <summary>How many weeks its effect lasts.</summary>
    /// <value>The default value is 1. Range: 1 to 10,000.</value>
    public int DurationWeeks { get; init; } = 1;

    /// <summary>Probability that the event happens at all in a replication (drawn from the events stream).</summary>
    /// <value>The default value is 1. Range: [0, 1].</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>Added to every officer's perceived defected share while it lasts (negative for crackdowns' chilling effect).</summary>
    /// <value>The default value is 0.05. Range: [−1, 1].</value>
    public double PerceivedShareShock { get; init; } = 0.05;

    /// <summary>Multiplies the weekly rank-and-file crossing rate while it lasts (an open border).</summary>
    /// <value>The default value is 1. Range: [0, 10^4].</value>
    public double LowRankCrossingMultiplier { get; init; } = 1.0;

    /// <summary>Added to detection and reprisal probabilities while it lasts (crackdowns).</summary>
    /// <value>The default value is 0. Range: [−1, 1].</value>
    public double CoercionShock { get; init; }
}
