using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>An output of the sanctions model that sweeps and analyses report per design point.</summary>
public enum SweepMetric
{
    /// <summary>The probability that the regime collapses within the horizon (a replication's output is 0 or 1).</summary>
    CollapseProbability,

    /// <summary>Weeks the regime survives, capped at the horizon.</summary>
    WeeksSurvived,

    /// <summary>The share of officer weight that has defected by the end of the run.</summary>
    FinalDefectedShare,

    /// <summary>Generals defecting in the first 13 weeks (January to March in the 2019 preset).</summary>
    EarlyGeneralDefections,

    /// <summary>Cumulative humanitarian burden (USD billion of public spending lost outside patronage).</summary>
    HumanitarianBurden,
}
