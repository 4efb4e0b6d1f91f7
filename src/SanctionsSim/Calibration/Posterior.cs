using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Calibration;

/// <summary>
/// A posterior sample of structural parameters: the particles and weights of a calibration's last population.
/// <see cref="Default"/> is the calibration on the six historical cases that ships with the package; the
/// library's structural defaults are its medians. The command line's <c>run</c>, <c>compare</c>, <c>sensitivity</c>,
/// <c>sweep</c>, <c>tipping</c> and <c>trace</c> draw each replication's structure from it by default
/// (<see cref="PosteriorModel"/>; <c>--structure medians</c> holds it at the medians, <c>--posterior FILE</c> names another).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class Posterior : IStructuralDraws
{
    private static readonly Lazy<Posterior> Shipped = new(() =>
    {
        using var stream = typeof(Posterior).Assembly.GetManifestResourceStream("SanctionsSim.Calibration.posterior.json")
            ?? throw new InvalidOperationException("The package's posterior sample (posterior.json) is missing from the assembly.");
        return new Posterior(AbcPopulation.ReadFrom(stream));
    });

    /// <summary>Wraps a calibration's population.</summary>
    /// <param name="population">A population whose parameter names are structural parameters (<see cref="StructuralParameters.Names"/>).</param>
    /// <exception cref="ArgumentException">A parameter is not a structural parameter.</exception>
    public Posterior(AbcPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        Population = population;
        Parameters = population.ParameterNames.Select(StructuralParameters.Get).ToArray();
        Medians = population.Summarize().Select(s => s.Median).ToArray();
        _cumulative = new double[population.Count];
        double c = 0;
        for (int k = 0; k < _cumulative.Length; k++)
        {
            c += population.Weights[k];
            _cumulative[k] = c;
        }

        using var buffer = new MemoryStream();
        population.WriteTo(buffer);
        Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The SHA-256 of the population's JSON: checkpoints and sweeps record it, so a run resumes only with the posterior it started with.</summary>
    public string Hash { get; }

    private readonly double[] _cumulative;

    /// <summary>The posterior of the calibration on the six historical cases shipped with the package (docs/validation.md).</summary>
    public static Posterior Default => Shipped.Value;

    /// <summary>The population: particles, weights, distances.</summary>
    public AbcPopulation Population { get; }

    /// <summary>The structural parameters, in the order of the particles' values.</summary>
    public IReadOnlyList<StructuralParameter> Parameters { get; }

    /// <summary>The weighted posterior median of each parameter.</summary>
    public IReadOnlyList<double> Medians { get; }

    /// <summary>The number of particles.</summary>
    public int Count => Population.Count;

    /// <summary>
    /// The particle replication <paramref name="replication"/> of a run with <paramref name="seed"/> uses: drawn by
    /// weight from a stream keyed by (seed, replication) alone, so every arm of a comparison and every shard agree.
    /// </summary>
    internal int Particle(ulong seed, long replication)
        => ParticleAt((RandomStream.CounterBits(KeyRegistry.Salted(seed, SeedSalt.PosteriorParticle), replication, 0) >> 11) * (1.0 / (1UL << 53)));

    /// <summary>
    /// The particle at <paramref name="uniform"/> of the weights' cumulative distribution: a uniform value in [0, 1)
    /// gives a particle drawn by weight. <see cref="Particle"/> reads it from the keyed stream; a rare-event estimate
    /// reads it from one coordinate of its random inputs (<c>ScenarioSplitting</c>), so its moves move the particle too.
    /// </summary>
    /// <param name="uniform">A value in [0, 1).</param>
    /// <returns>A particle index.</returns>
    internal int ParticleAt(double uniform)
    {
        double u = uniform * _cumulative[^1];
        int k = Array.BinarySearch(_cumulative, u);
        k = k < 0 ? ~k : k + 1;
        return Math.Min(k, _cumulative.Length - 1);
    }

    /// <summary>A scenario with particle <paramref name="particle"/>'s structural parameters.</summary>
    /// <param name="scenario">The scenario (its facts are kept).</param>
    /// <param name="particle">A particle index in [0, <see cref="Count"/>).</param>
    /// <returns>The new scenario.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the sample.</exception>
    public Scenario Apply(Scenario scenario, int particle)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(particle);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(particle, Count);
        var theta = new double[Parameters.Count];
        for (int j = 0; j < theta.Length; j++)
        {
            theta[j] = Population[particle, j];
        }

        return StructuralParameters.Apply(scenario, Parameters, theta);
    }

    /// <inheritdoc />
    /// <remarks>A <see cref="PosteriorModel"/> of the scenario under this posterior.</remarks>
    IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary> IStructuralDraws.ModelOf(Scenario scenario, bool recordRuns) => new PosteriorModel(scenario, this, recordRuns);

    /// <summary>
    /// <paramref name="count"/> particle indices drawn by weight with systematic resampling (Kitagawa 1996): each
    /// particle appears ⌊count·w⌋ or ⌈count·w⌉ times, which has less variance than independent draws.
    /// </summary>
    /// <param name="count">How many (≥ 1).</param>
    /// <param name="seed">The seed of the single uniform offset.</param>
    /// <returns>Particle indices in increasing order.</returns>
    public int[] Resample(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new RandomStream(seed, 0, StreamKeys.Design);
        double u = random.NextDouble() / count, cumulative = 0;
        var result = new int[count];
        int i = 0;
        for (int k = 0; k < count; k++)
        {
            double target = u + ((double)k / count);
            while (i < Count - 1 && cumulative + Population.Weights[i] <= target)
            {
                cumulative += Population.Weights[i];
                i++;
            }

            result[k] = i;
        }

        return result;
    }
}
