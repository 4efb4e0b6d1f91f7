namespace SanctionsSim.RareEvents;

/// <summary>What the runs of <see cref="InputSplitting.Estimate(ScenarioSplitting, InputSplittingOptions?, SplittingLevels?, CancellationToken)"/> do after the pilot.</summary>
public enum InputSplittingMethod
{
    /// <summary>
    /// Importance sampling with the pilot's shift, as a defensive mixture (each sample from the prior with probability
    /// <see cref="InputSplittingOptions.DefensiveShare"/>, else from the shifted prior), so every weight is at most
    /// 1 / DefensiveShare. Falls back to <see cref="Splitting"/> when the pilot found no influential coordinate.
    /// </summary>
    ImportanceSampling,

    /// <summary>Sequential Monte Carlo with the pilot's levels and moves, fixed (unbiased).</summary>
    Splitting,
}
