using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Scorecard;

/// <summary>A forecaster's scores over the held-out cases, each mean with its standard error across cases.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ForecasterScore
{
    /// <summary>The forecaster's name.</summary>
    public required string Name { get; init; }

    /// <summary>The mean Brier score (lower is better).</summary>
    public required double Brier { get; init; }

    /// <summary>The standard error of <see cref="Brier"/> across cases.</summary>
    public required double BrierStandardError { get; init; }

    /// <summary>The mean log score (lower is better).</summary>
    public required double LogScore { get; init; }

    /// <summary>The standard error of <see cref="LogScore"/> across cases.</summary>
    public required double LogScoreStandardError { get; init; }

    /// <summary>The share of cases whose most likely type happened.</summary>
    public required ProportionEstimate Accuracy { get; init; }

    /// <summary>This forecaster's mean Brier score minus the model's, paired by case (positive: the model is better).</summary>
    public required double BrierGainOfModel { get; init; }

    /// <summary>The standard error of <see cref="BrierGainOfModel"/> (paired by case).</summary>
    public required double BrierGainOfModelStandardError { get; init; }

    /// <summary>Whether the model's Brier score is lower by more than two standard errors of the paired difference.</summary>
    public bool ModelBetter => BrierGainOfModel > 2 * BrierGainOfModelStandardError;

    /// <summary>Whether the model's Brier score is higher by more than two standard errors of the paired difference.</summary>
    public bool ModelWorse => BrierGainOfModel < -2 * BrierGainOfModelStandardError;
}

/// <summary>One bin of the model's reliability diagram for one outcome type: forecasts in [Lower, Upper) against how often the type happened.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ReliabilityBin
{
    /// <summary>The outcome type.</summary>
    public required OutcomeType Type { get; init; }

    /// <summary>The bin's lower bound of forecast probability.</summary>
    public required double Lower { get; init; }

    /// <summary>The bin's upper bound of forecast probability.</summary>
    public required double Upper { get; init; }

    /// <summary>The mean forecast probability of the type over the cases in the bin.</summary>
    public required double MeanForecast { get; init; }

    /// <summary>How often the type happened among them.</summary>
    public required ProportionEstimate Observed { get; init; }

    /// <summary>Whether the mean forecast lies in the Wilson interval of the observed frequency (the bin is reliable).</summary>
    public required bool Reliable { get; init; }
}

/// <summary>What a scorecard found: every held-out forecast, each forecaster's scores and the model's reliability.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ScorecardResult
{
    /// <summary>The cases scored, in the order given.</summary>
    public required IReadOnlyList<string> Cases { get; init; }

    /// <summary>The number of folds (the number of cases when one case is held out at a time).</summary>
    public required int Folds { get; init; }

    /// <summary>Every forecast: each forecaster's for each case.</summary>
    public required IReadOnlyList<OutcomeForecast> Forecasts { get; init; }

    /// <summary>Each forecaster's scores, the model first.</summary>
    public required IReadOnlyList<ForecasterScore> Scores { get; init; }

    /// <summary>The model's reliability diagram, by outcome type and bin.</summary>
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    /// <summary>The confidence level of the intervals.</summary>
    public required double Confidence { get; init; }

    /// <summary>The model forecaster's name.</summary>
    public string ModelName => Scores[0].Name;
}
