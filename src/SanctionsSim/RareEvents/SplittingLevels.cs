namespace SanctionsSim.RareEvents;

/// <summary>
/// The levels and moves of sequential Monte Carlo on the inputs (<see cref="InputSplitting"/>), fixed by its pilot
/// run: with fixed levels and kernels each run's estimate is unbiased.
/// </summary>
public sealed record SplittingLevels
{
    /// <summary>The levels L₁ &lt; L₂ &lt; … &lt; L_K; the last is the model's target.</summary>
    public required IReadOnlyList<double> Levels { get; init; }

    /// <summary>The move's correlation ρ at each level but the last (one fewer than <see cref="Levels"/>).</summary>
    public required IReadOnlyList<double> Correlations { get; init; }

    /// <summary>The pilot's acceptance rate of moves at each level but the last.</summary>
    public required IReadOnlyList<double> Acceptance { get; init; }

    /// <summary>The pilot's estimate (adaptive levels: consistent, not exactly unbiased; reported, not used).</summary>
    public required double PilotEstimate { get; init; }

    /// <summary>
    /// The importance-sampling shift fitted by the pilot: the coordinates whose rank correlation with the score over
    /// the prior sample is significant, each shifted to its mean over the pilot's particles at the target (empty when
    /// none is significant or none reached the target).
    /// </summary>
    public IReadOnlyList<MonteCarlo.ShiftedCoordinate> Shift { get; init; } = [];

    /// <summary>Replications the pilot simulated.</summary>
    public required long Paths { get; init; }

    /// <summary>Checks the levels and correlations against a model's target.</summary>
    /// <param name="target">The model's target.</param>
    /// <exception cref="ArgumentException">The lists are empty, of the wrong lengths, not increasing, not ending at the target, or hold values out of range.</exception>
    public void Validate(double target)
    {
        ArgumentNullException.ThrowIfNull(Levels);
        ArgumentNullException.ThrowIfNull(Correlations);
        ArgumentNullException.ThrowIfNull(Acceptance);
        if (Levels.Count == 0 || Correlations.Count != Levels.Count - 1 || Acceptance.Count != Correlations.Count)
        {
            throw new ArgumentException($"SplittingLevels needs at least one level and one correlation and acceptance rate per level but the last; got {Levels.Count} levels, {Correlations.Count} correlations, {Acceptance.Count} acceptance rates.");
        }

        for (int k = 0; k < Levels.Count; k++)
        {
            if (!double.IsFinite(Levels[k]) || (k > 0 && !(Levels[k] > Levels[k - 1])))
            {
                throw new ArgumentException($"SplittingLevels.Levels[{k}] must be finite and greater than the level before it; got {Levels[k]}.");
            }
        }

        if (Levels[^1] != target)
        {
            throw new ArgumentException($"SplittingLevels.Levels must end at the model's target {target}; the last is {Levels[^1]}.");
        }

        for (int k = 0; k < Correlations.Count; k++)
        {
            if (!(Correlations[k] >= 0 && Correlations[k] < 1))
            {
                throw new ArgumentException($"SplittingLevels.Correlations[{k}] must be in [0, 1); got {Correlations[k]}.");
            }
        }
    }
}
