namespace SanctionsSim.Analysis;

/// <summary>A box's limits on one input.</summary>
public sealed record PrimRestriction
{
    /// <summary>The input.</summary>
    public required string Name { get; init; }

    /// <summary>The lower limit (the data's minimum when the box does not restrict it from below).</summary>
    public required double Lower { get; init; }

    /// <summary>The upper limit (the data's maximum when the box does not restrict it from above).</summary>
    public required double Upper { get; init; }

    /// <summary>Whether the box restricts this input at all.</summary>
    public required bool Restricted { get; init; }

    /// <summary>
    /// For a restricted input, a quasi-p-value (as in the EMA Workbench): the one-sided binomial probability of at least
    /// the box's cases of interest among its points if they had the density of the box without this restriction. NaN
    /// for an unrestricted input.
    /// </summary>
    public required double PValue { get; init; }
}
