using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>
/// One outcome type over a batch (<see cref="SanctionsSummary.Outcomes"/>): its probability with its intervals, and
/// when it happened. A snapshot: it does not change when the summary it came from takes more runs.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OutcomeSummary
{
    /// <summary>The outcome type.</summary>
    public required OutcomeType Outcome { get; init; }

    /// <summary>The share of runs that ended this way (Wilson and Clopper–Pearson intervals on it).</summary>
    public required ProportionEstimate Probability { get; init; }

    /// <summary>The outcome's week (0-based) over the runs that ended this way; empty for <see cref="OutcomeType.Survived"/>.</summary>
    public required RunningMoments Week { get; init; }

    /// <summary>How many runs ended this way in each week (0-based; all zero for <see cref="OutcomeType.Survived"/>).</summary>
    public required IReadOnlyList<long> WeekCounts { get; init; }

    /// <summary>The median week (0-based) of the runs that ended this way, or null when none did (or for <see cref="OutcomeType.Survived"/>).</summary>
    public int? MedianWeek
    {
        get
        {
            long total = WeekCounts.Sum(), half = (total + 1) / 2, seen = 0;
            for (int w = 0; w < WeekCounts.Count && total > 0; w++)
            {
                seen += WeekCounts[w];
                if (seen >= half)
                {
                    return w;
                }
            }

            return null;
        }
    }
}
