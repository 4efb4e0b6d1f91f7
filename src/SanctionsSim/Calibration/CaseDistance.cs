namespace SanctionsSim.Calibration;

/// <summary>How a particle's replications of a case are compared with the case's one history (docs/calibration.md, §Observations and the distance).</summary>
public enum CaseDistance
{
    /// <summary>
    /// The replications' means against the history: (2 · (share collapsed − observed))² for collapse, and each
    /// count's and share's log-ratio on the replications' mean. It treats the single history as if it recurred in
    /// every replication.
    /// </summary>
    Mean,

    /// <summary>
    /// The history as one draw: −2 ln p̂ for the outcome type, p̂ = (k + ½) / (m + 1) the smoothed share of the m
    /// replications whose outcome type is the observed one (indicator averaging, Bornn, Pillai, Smith &amp; Woodard
    /// 2017), plus each count's and share's squared log-ratio averaged over the replications (their distribution,
    /// not their mean) and the week's over the replications with the observed type.
    /// </summary>
    OutcomeProbability,

    /// <summary>
    /// The outcome type alone: −2 ln p̂ with p̂ as in <see cref="OutcomeProbability"/>, and nothing else (no week, no
    /// counts, no shares). Summed over the cases it is −2 times the log of the estimated probability of the observed
    /// outcomes, the quantity the scorecard scores; the coded counts and weeks then inform neither the fit nor its
    /// misfit.
    /// </summary>
    OutcomeOnly,
}
