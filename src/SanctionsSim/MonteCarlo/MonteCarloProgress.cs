namespace SanctionsSim.MonteCarlo;

/// <summary>Progress of a Monte Carlo batch.</summary>
/// <param name="Completed">Replications finished so far.</param>
/// <param name="Total">Replications planned (the maximum, with sequential stopping).</param>
public readonly record struct MonteCarloProgress(long Completed, long Total)
{
    /// <summary>Completed / Total, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Completed / Total;
}
