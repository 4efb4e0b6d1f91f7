namespace SanctionsSim.Scenarios.Cases;

/// <summary>The range of an observed quantity where sources differ or estimate (both ends included).</summary>
/// <param name="Low">The lowest value the record supports.</param>
/// <param name="High">The highest value the record supports.</param>
public sealed record ObservedRange(double Low, double High);
