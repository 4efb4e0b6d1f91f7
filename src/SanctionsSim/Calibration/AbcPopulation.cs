using System.Text.Json;
using System.Text.Json.Serialization;

namespace SanctionsSim.Calibration;

/// <summary>
/// One generation of an ABC-SMC calibration: its particles (parameter values), their importance weights and
/// distances, and what it cost. The last population is the posterior sample; each is enough to resume from.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class AbcPopulation
{
    /// <summary>Creates a population (used when reading one back; <see cref="AbcSmc"/> builds them).</summary>
    /// <param name="parameterNames">The parameters' names, in order.</param>
    /// <param name="generation">The generation (0 is the prior).</param>
    /// <param name="tolerance">ε: every particle's distance is at most this (infinite for the prior).</param>
    /// <param name="values">The particles, row by row (<c>values[i * d + j]</c> is parameter j of particle i).</param>
    /// <param name="weights">Importance weights, one per particle (normalised here unless they already add up to 1).</param>
    /// <param name="distances">Each particle's distance.</param>
    /// <param name="simulations">Data sets simulated to fill this generation.</param>
    /// <param name="seed">The calibration's seed.</param>
    /// <exception cref="ArgumentException">The arrays' lengths disagree, or a weight is negative or not finite.</exception>
    public AbcPopulation(IReadOnlyList<string> parameterNames, int generation, double tolerance, double[] values, double[] weights, double[] distances, long simulations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(distances);
        if (parameterNames.Count == 0 || weights.Length == 0 || values.Length != weights.Length * parameterNames.Count || distances.Length != weights.Length)
        {
            throw new ArgumentException($"A population of {weights.Length} particles over {parameterNames.Count} parameters needs {weights.Length * parameterNames.Count} values and {weights.Length} distances; got {values.Length} and {distances.Length}.");
        }

        if (weights.Any(w => !(w >= 0) || !double.IsFinite(w)) || !(weights.Sum() > 0))
        {
            throw new ArgumentException("Weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        ParameterNames = [.. parameterNames];
        Generation = generation;
        Tolerance = tolerance;
        Values = values;
        double sum = weights.Sum();

        // Normalised weights are kept as they are, so a population read back is bit-identical to the one written.
        Weights = Math.Abs(sum - 1) <= 1e-12 ? [.. weights] : weights.Select(w => w / sum).ToArray();
        Distances = distances;
        Simulations = simulations;
        Seed = seed;
        EffectiveSampleSize = 1.0 / Weights.Sum(w => w * w);
    }

    /// <summary>The parameters' names, in order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The generation (0 is drawn from the prior).</summary>
    public int Generation { get; }

    /// <summary>ε: the largest distance accepted (infinite for the prior).</summary>
    public double Tolerance { get; }

    /// <summary>The number of particles.</summary>
    public int Count => Weights.Count;

    /// <summary>The number of parameters.</summary>
    public int Dimension => ParameterNames.Count;

    /// <summary>The particles, row by row: <c>Values[i * Dimension + j]</c> is parameter j of particle i.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The normalised importance weights.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Each particle's distance to the observations.</summary>
    public IReadOnlyList<double> Distances { get; }

    /// <summary>Data sets simulated to fill this generation (proposals outside the prior's support are not simulated).</summary>
    public long Simulations { get; }

    /// <summary>Particles / simulations: the share of simulated proposals accepted.</summary>
    public double AcceptanceRate => Simulations == 0 ? 1.0 : (double)Count / Simulations;

    /// <summary>Kish's effective sample size 1 / Σ w².</summary>
    public double EffectiveSampleSize { get; }

    /// <summary>The calibration's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Parameter <paramref name="j"/> of particle <paramref name="i"/>.</summary>
    /// <param name="i">The particle.</param>
    /// <param name="j">The parameter.</param>
    /// <returns>The value.</returns>
    public double this[int i, int j] => Values[(i * Dimension) + j];

    /// <summary>The weighted posterior summary of each parameter.</summary>
    /// <param name="lower">The lower quantile of the credible interval (default 0.05).</param>
    /// <param name="upper">The upper quantile (default 0.95).</param>
    /// <returns>One summary per parameter.</returns>
    public IReadOnlyList<AbcParameterSummary> Summarize(double lower = 0.05, double upper = 0.95)
    {
        Internal.Guard.Probability(lower);
        Internal.Guard.Probability(upper);
        var result = new AbcParameterSummary[Dimension];
        var column = new double[Count];
        for (int j = 0; j < Dimension; j++)
        {
            double mean = 0;
            for (int i = 0; i < Count; i++)
            {
                column[i] = this[i, j];
                mean += Weights[i] * column[i];
            }

            double variance = 0;
            for (int i = 0; i < Count; i++)
            {
                variance += Weights[i] * (column[i] - mean) * (column[i] - mean);
            }

            result[j] = new AbcParameterSummary
            {
                Name = ParameterNames[j], Mean = mean, StandardDeviation = Math.Sqrt(variance),
                Median = WeightedQuantile(column, Weights, 0.5), Lower = WeightedQuantile(column, Weights, lower), Upper = WeightedQuantile(column, Weights, upper),
            };
        }

        return result;
    }

    /// <summary>The weighted correlation of two parameters.</summary>
    /// <param name="first">The first parameter's index.</param>
    /// <param name="second">The second parameter's index.</param>
    /// <returns>The correlation in [−1, 1]; 0 when either parameter does not vary.</returns>
    public double Correlation(int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(first, Dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(second, Dimension);
        double ma = 0, mb = 0;
        for (int i = 0; i < Count; i++)
        {
            ma += Weights[i] * this[i, first];
            mb += Weights[i] * this[i, second];
        }

        double cab = 0, caa = 0, cbb = 0;
        for (int i = 0; i < Count; i++)
        {
            double da = this[i, first] - ma, db = this[i, second] - mb;
            cab += Weights[i] * da * db;
            caa += Weights[i] * da * da;
            cbb += Weights[i] * db * db;
        }

        return caa > 0 && cbb > 0 ? cab / Math.Sqrt(caa * cbb) : 0;
    }

    /// <summary>Writes the population as JSON.</summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var dto = new AbcPopulationDto(ParameterNames.ToArray(), Generation, double.IsFinite(Tolerance) ? Tolerance : null, Seed, Simulations, [.. Values], [.. Weights], [.. Distances]);
        JsonSerializer.Serialize(stream, dto, AbcJsonContext.Default.AbcPopulationDto);
    }

    /// <summary>Reads a population written by <see cref="WriteTo"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The population, exactly as written.</returns>
    /// <exception cref="InvalidDataException">The data is not a population.</exception>
    public static AbcPopulation ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var dto = JsonSerializer.Deserialize(stream, AbcJsonContext.Default.AbcPopulationDto) ?? throw new InvalidDataException("The population file is empty.");
            return new AbcPopulation(dto.Parameters ?? [], dto.Generation, dto.Tolerance ?? double.PositiveInfinity, dto.Values ?? [], dto.Weights ?? [], dto.Distances ?? [], dto.Simulations, dto.Seed);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Not an ABC population: {e.Message}", e);
        }
    }

    /// <summary>The weighted quantile (the inverse of the weighted empirical distribution function, lower value at ties).</summary>
    /// <remarks>MathNet.Numerics's quantile functions take no weights; this is the textbook step-function inverse.</remarks>
    internal static double WeightedQuantile(double[] values, IReadOnlyList<double> weights, double p)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        double total = 0;
        foreach (int i in order)
        {
            total += weights[i];
        }

        double cumulative = 0, target = p * total;
        foreach (int i in order)
        {
            cumulative += weights[i];
            if (cumulative >= target - (1e-12 * total))
            {
                return values[i];
            }
        }

        return values[order[^1]];
    }

}

/// <summary>The file form of a population (source-generated serialization: works where reflection is disabled, as in file-based apps).</summary>
internal sealed record AbcPopulationDto(string[]? Parameters, int Generation, double? Tolerance, ulong Seed, long Simulations, double[]? Values, double[]? Weights, double[]? Distances);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(AbcPopulationDto))]
internal sealed partial class AbcJsonContext : JsonSerializerContext
{
}
