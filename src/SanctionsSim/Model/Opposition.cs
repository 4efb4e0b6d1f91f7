using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>The opposition: an interim leader whose recognition by senders raises the credibility of their offers.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Opposition
{
    /// <summary>Relative increase of every offer's credibility per recognising sender (capped so that credibility stays ≤ 1).</summary>
    /// <value>The default value is 0.15. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double RecognitionCredibilityBoost { get; init; } = 0.15;

    /// <summary>Value to an officer of a post in the new order if the regime falls after they defected (patronage-years).</summary>
    /// <value>The default value is 1.5. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double GainIfRegimeFalls { get; init; } = 1.5;

    /// <summary>Expected cost to an officer who stayed loyal if the regime falls (prosecution, loss of post), before personal sanctions.</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double ProsecutionCost { get; init; } = 1.0;

    /// <summary>Extra prosecution cost for personally sanctioned officers (they are named as complicit).</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double SanctionedProsecutionCost { get; init; } = 1.0;
}
