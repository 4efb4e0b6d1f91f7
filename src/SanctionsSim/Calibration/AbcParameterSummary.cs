namespace SanctionsSim.Calibration;

/// <summary>The weighted posterior summary of one parameter.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record AbcParameterSummary
{
    /// <summary>The parameter.</summary>
    public required string Name { get; init; }

    /// <summary>The posterior mean.</summary>
    public required double Mean { get; init; }

    /// <summary>The posterior standard deviation.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>The posterior median.</summary>
    public required double Median { get; init; }

    /// <summary>The lower end of the credible interval (5 % quantile by default).</summary>
    public required double Lower { get; init; }

    /// <summary>The upper end (95 % quantile by default).</summary>
    public required double Upper { get; init; }
}
