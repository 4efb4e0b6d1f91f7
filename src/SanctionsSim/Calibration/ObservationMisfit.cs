namespace SanctionsSim.Calibration;

/// <summary>
/// How one observed quantity of a case fits the posterior: its share of the case's squared distance and its
/// posterior predictive p-values (Gelman, Meng &amp; Stern 1996), from <see cref="MisspecificationCheck"/>.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record ObservationMisfit
{
    /// <summary>The quantity: outcome, outcomeWeek, earlyGeneralDefections, generalsDefected, earlyLowRankCrossings, lowRankCrossings or defectedShare.</summary>
    public required string Name { get; init; }

    /// <summary>The observed value (for the outcome: the index of the observed <see cref="Model.OutcomeType"/>, or 1 for collapsed and 0 for survived when no type is coded).</summary>
    public required double Observed { get; init; }

    /// <summary>The low end of the observed range (the value itself when the observation is a point).</summary>
    public required double ObservedLow { get; init; }

    /// <summary>The high end of the observed range (the value itself when the observation is a point).</summary>
    public required double ObservedHigh { get; init; }

    /// <summary>The mean over the posterior's particles of this quantity's term in the case's squared distance.</summary>
    public required double MeanSquaredTerm { get; init; }

    /// <summary>This term's share of the case's mean squared distance (0 to 1).</summary>
    public required double ShareOfCase { get; init; }

    /// <summary>The median of the quantity over the predictive replications (NaN for the outcome, or for a week no replication had).</summary>
    public required double PredictiveMedian { get; init; }

    /// <summary>
    /// For a count, share or week: the upper mid-p-value P(T &gt; high) + ½ P(low ≤ T ≤ high) of the predictive
    /// replications' T against the observed range (near 0: the model makes too little of it; near 1: too much). For
    /// the outcome: the predictive probability of the observed type.
    /// </summary>
    public required double PredictiveP { get; init; }

    /// <summary>
    /// The two-sided p-value: 2 · min(upper, lower) mid-p (at most 1) for a count, share or week; for the outcome, the
    /// predictive probability of the types no more likely than the observed one (an exact test's p-value).
    /// </summary>
    public required double TwoSidedP { get; init; }

    /// <summary>The predictive replications behind the p-values (for the week: those that ended as observed).</summary>
    public required int Replications { get; init; }
}
