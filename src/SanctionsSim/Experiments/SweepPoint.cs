using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>
/// The result of one design point of a sweep: the levers' values and the model's outputs over the point's
/// replications, each as a mean and the variance of a single replication (so the standard error of the mean is
/// sqrt(variance / replications)). Every point runs replications 0 … R − 1 on the sweep's seed, so points are
/// compared on common random numbers.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SweepPoint
{
    /// <summary>The point's index in the design.</summary>
    public required long Index { get; init; }

    /// <summary>The levers' values, in parameter order (integer levers rounded as applied).</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Replications run.</summary>
    public required long Replications { get; init; }

    /// <summary>Replications in which the regime collapsed.</summary>
    public required long Collapses { get; init; }

    /// <summary>Mean weeks survived (capped at the horizon).</summary>
    public required double WeeksSurvivedMean { get; init; }

    /// <summary>Variance of weeks survived across replications.</summary>
    public required double WeeksSurvivedVariance { get; init; }

    /// <summary>Mean week of collapse among collapsing replications (NaN when none collapsed).</summary>
    public required double CollapseWeekMean { get; init; }

    /// <summary>Mean final defected share.</summary>
    public required double FinalDefectedShareMean { get; init; }

    /// <summary>Variance of the final defected share.</summary>
    public required double FinalDefectedShareVariance { get; init; }

    /// <summary>Mean number of generals defecting in weeks 1 to 13.</summary>
    public required double EarlyGeneralDefectionsMean { get; init; }

    /// <summary>Its variance.</summary>
    public required double EarlyGeneralDefectionsVariance { get; init; }

    /// <summary>Mean cumulative humanitarian burden.</summary>
    public required double HumanitarianBurdenMean { get; init; }

    /// <summary>Its variance.</summary>
    public required double HumanitarianBurdenVariance { get; init; }

    /// <summary>Per replication, the week of collapse or −1 (kept only when the sweep records outcomes).</summary>
    public IReadOnlyList<int>? CollapseWeeks { get; init; }

    /// <summary>Value equality, element by element for <see cref="Values"/> and <see cref="CollapseWeeks"/> (a point read back from disk equals the point computed).</summary>
    /// <param name="other">The other point.</param>
    /// <returns>Whether every field is equal.</returns>
    public bool Equals(SweepPoint? other)
        => other is not null && Index == other.Index && Values.SequenceEqual(other.Values) && Replications == other.Replications && Collapses == other.Collapses
            && WeeksSurvivedMean.Equals(other.WeeksSurvivedMean) && WeeksSurvivedVariance.Equals(other.WeeksSurvivedVariance) && CollapseWeekMean.Equals(other.CollapseWeekMean)
            && FinalDefectedShareMean.Equals(other.FinalDefectedShareMean) && FinalDefectedShareVariance.Equals(other.FinalDefectedShareVariance)
            && EarlyGeneralDefectionsMean.Equals(other.EarlyGeneralDefectionsMean) && EarlyGeneralDefectionsVariance.Equals(other.EarlyGeneralDefectionsVariance)
            && HumanitarianBurdenMean.Equals(other.HumanitarianBurdenMean) && HumanitarianBurdenVariance.Equals(other.HumanitarianBurdenVariance)
            && (CollapseWeeks is null ? other.CollapseWeeks is null : other.CollapseWeeks is not null && CollapseWeeks.SequenceEqual(other.CollapseWeeks));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Replications, Collapses, FinalDefectedShareMean);

    /// <summary>The collapse probability with its standard error.</summary>
    public ProportionEstimate CollapseProbability => new(Collapses, Replications);

    /// <summary>The mean of a metric over the point's replications.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The mean.</returns>
    public double Mean(SweepMetric metric) => metric switch
    {
        SweepMetric.CollapseProbability => CollapseProbability.Estimate,
        SweepMetric.WeeksSurvived => WeeksSurvivedMean,
        SweepMetric.FinalDefectedShare => FinalDefectedShareMean,
        SweepMetric.EarlyGeneralDefections => EarlyGeneralDefectionsMean,
        SweepMetric.HumanitarianBurden => HumanitarianBurdenMean,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary>The variance of a metric across single replications (the model's own noise at this point).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The variance (0 with a single replication).</returns>
    public double Variance(SweepMetric metric) => metric switch
    {
        SweepMetric.CollapseProbability => Replications < 2 ? 0 : CollapseProbability.Estimate * (1 - CollapseProbability.Estimate) * Replications / (Replications - 1),
        SweepMetric.WeeksSurvived => WeeksSurvivedVariance,
        SweepMetric.FinalDefectedShare => FinalDefectedShareVariance,
        SweepMetric.EarlyGeneralDefections => EarlyGeneralDefectionsVariance,
        SweepMetric.HumanitarianBurden => HumanitarianBurdenVariance,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };
}
