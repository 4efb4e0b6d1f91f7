namespace SanctionsSim.Scenarios.Cases;

/// <summary>The range of an observed quantity where sources differ or estimate (both ends included).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ObservedRange
{
    /// <summary>The lowest value the record supports.</summary>
    public required double Low { get; init; }

    /// <summary>The highest value the record supports.</summary>
    public required double High { get; init; }
}
