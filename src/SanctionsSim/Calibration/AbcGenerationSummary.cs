namespace SanctionsSim.Calibration;

/// <summary>How one generation of a calibration went.</summary>
/// <param name="Generation">The generation (0 is the prior).</param>
/// <param name="Tolerance">ε (infinite for the prior).</param>
/// <param name="Simulations">Data sets simulated.</param>
/// <param name="AcceptanceRate">Particles / simulations.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size of the weights.</param>
public sealed record AbcGenerationSummary(int Generation, double Tolerance, long Simulations, double AcceptanceRate, double EffectiveSampleSize);
