namespace SanctionsSim.RareEvents;

/// <summary>How a rare-event estimate's interval is built from its independent runs or batches (docs/rare-events.md).</summary>
internal enum RunInterval
{
    /// <summary>Hall's (1992) skewness-corrected Student interval on the mean (importance-sampling batches, whose means are sums of weights; adaptive multilevel splitting on the path).</summary>
    SkewCorrected,

    /// <summary>The delta-method (Cox) interval for the mean of a lognormal with a point mass at 0 (sequential Monte Carlo runs, whose estimates are products of shares).</summary>
    LogNormal,
}
