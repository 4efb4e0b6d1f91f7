namespace SanctionsSim.MonteCarlo;

/// <summary>Progress of a Monte Carlo batch, or of a sweep (and of the sensitivity analyses and tipping scans that run one).</summary>
/// <param name="Completed">Replications finished so far (for a sweep, design points, including points read back on resume).</param>
/// <param name="Total">Replications planned (the maximum, with sequential stopping; for a sweep, the design's points).</param>
public readonly record struct MonteCarloProgress(long Completed, long Total)
{
    /// <summary>Completed / Total, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Completed / Total;
}
