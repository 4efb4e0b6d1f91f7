using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>One point of a survival curve.</summary>
/// <param name="Week">The week (0-based).</param>
/// <param name="Surviving">The share of replications in which the regime still stands at the end of the week.</param>
/// <param name="Interval">Its Wilson interval.</param>
public readonly record struct SurvivalPoint(int Week, double Surviving, ConfidenceInterval Interval);
