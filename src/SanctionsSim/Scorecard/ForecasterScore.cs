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
