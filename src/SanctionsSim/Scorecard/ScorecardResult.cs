namespace SanctionsSim.Scorecard;

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
