namespace SanctionsSim.Calibration;

/// <summary>Progress of an ABC-SMC calibration.</summary>
/// <param name="Generation">The generation being filled (0 is the prior).</param>
/// <param name="Accepted">Particles accepted so far in this generation.</param>
/// <param name="Particles">Particles per generation.</param>
/// <param name="Simulations">Data sets simulated so far in this generation.</param>
/// <param name="Tolerance">This generation's tolerance (infinite for the prior).</param>
public readonly record struct AbcProgress(int Generation, int Accepted, int Particles, long Simulations, double Tolerance)
{
    /// <summary>Accepted / Particles, in [0, 1].</summary>
    public double Fraction => Particles == 0 ? 1.0 : (double)Accepted / Particles;
}
