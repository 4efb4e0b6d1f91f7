using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>The result of a <see cref="RareEventCoverage"/> study.</summary>
internal sealed record RareEventCoverageResult
{
    /// <summary>The probability the intervals should cover.</summary>
    public required double Reference { get; init; }

    /// <summary>The intervals' nominal confidence.</summary>
    public required double Confidence { get; init; }

    /// <summary>One row per method.</summary>
    public required IReadOnlyList<RareEventCoverageRow> Rows { get; init; }
}
