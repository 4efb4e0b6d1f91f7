namespace SanctionsSim.RareEvents;

/// <summary>How a rare-event estimate's interval is built from its independent runs or batches (docs/rare-events.md).</summary>
internal enum RunInterval
{
    /// <summary>Hall's (1992) skewness-corrected Student interval on the mean: what every estimate reports.</summary>
    SkewCorrected,

    /// <summary>The delta-method (Cox) interval for the mean of a lognormal with a point mass at 0: evaluated by the coverage study on the splitting runs (products of shares) and not used, since it covers too much there, with intervals several times wider (docs/rare-events.md).</summary>
    LogNormal,
}
