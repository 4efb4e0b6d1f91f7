namespace SanctionsSim.Scorecard;

/// <summary>Where the model's structure comes from in a scorecard.</summary>
public enum ScorecardStructure
{
    /// <summary>Calibrated on the training folds of each fold (out of sample in structure and in outcome).</summary>
    Calibrated,

    /// <summary>A given posterior for every fold (<see cref="ScorecardOptions.Posterior"/>, the shipped one by default): cheaper, but the posterior may have seen the held-out case.</summary>
    Given,
}
