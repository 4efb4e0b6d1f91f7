namespace SanctionsSim.Analysis;

/// <summary>One box of a PRIM peeling trajectory.</summary>
public sealed record PrimBox
{
    /// <summary>Its position on the trajectory (0: the box of all points).</summary>
    public required int Index { get; init; }

    /// <summary>Its limits, one per input, in input order.</summary>
    public required IReadOnlyList<PrimRestriction> Limits { get; init; }

    /// <summary>Points in the box.</summary>
    public required int Points { get; init; }

    /// <summary>Cases of interest in the box.</summary>
    public required int Cases { get; init; }

    /// <summary>Coverage: the share of all cases of interest that fall in the box.</summary>
    public required double Coverage { get; init; }

    /// <summary>Density: the share of the box's points that are cases of interest.</summary>
    public required double Density { get; init; }

    /// <summary>Mass: the share of all points in the box.</summary>
    public required double Mass { get; init; }

    /// <summary>How many inputs the box restricts.</summary>
    public int RestrictedCount => Limits.Count(l => l.Restricted);
}
