using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>What a sweep did.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SweepResult
{
    /// <summary>Points in the design.</summary>
    public required long Points { get; init; }

    /// <summary>Points finished, including those read back from an earlier run.</summary>
    public required long PointsDone { get; init; }

    /// <summary>Points read back from the output folder instead of being run (resume).</summary>
    public required long PointsResumed { get; init; }

    /// <summary>Whether every point is finished (false when cancelled).</summary>
    public bool Completed => PointsDone == Points;

    /// <summary>Where the points were stored (<see cref="ISweepStore.Location"/>), or null when nothing was stored.</summary>
    public string? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{PointsDone:N0} of {Points:N0} points" + (PointsResumed > 0 ? $" ({PointsResumed:N0} resumed)" : string.Empty) + (Completed ? string.Empty : ", partial");
}
