namespace SanctionsSim.Calibration;

/// <summary>How one generation of a calibration went.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record AbcGenerationSummary
{
    /// <summary>The generation (0 is the prior).</summary>
    public required int Generation { get; init; }

    /// <summary>ε (infinite for the prior).</summary>
    public required double Tolerance { get; init; }

    /// <summary>Data sets simulated.</summary>
    public required long Simulations { get; init; }

    /// <summary>Particles / simulations.</summary>
    public required double AcceptanceRate { get; init; }

    /// <summary>Kish's effective sample size of the weights.</summary>
    public required double EffectiveSampleSize { get; init; }

    /// <summary>The record of a population.</summary>
    /// <param name="population">The population.</param>
    /// <returns>Its generation, tolerance, simulations, acceptance rate and effective sample size.</returns>
    public static AbcGenerationSummary Of(AbcPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return new AbcGenerationSummary
        {
            Generation = population.Generation, Tolerance = population.Tolerance, Simulations = population.Simulations,
            AcceptanceRate = population.AcceptanceRate, EffectiveSampleSize = population.EffectiveSampleSize,
        };
    }
}
