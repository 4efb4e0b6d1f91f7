using System.Text.Json;
using System.Text.Json.Serialization;

namespace SanctionsSim.Calibration;

/// <summary>
/// A range of particle slots of one generation, filled by <see cref="AbcSmc.RunSlots"/>: a shard of a calibration.
/// Slots from anywhere, assembled by <see cref="AbcSmc.Assemble"/>, give the generation bit for bit.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class AbcSlots
{
    private readonly double[] _values;
    private readonly double[] _distances;
    private readonly long[] _simulations;

    internal AbcSlots(string[] parameterNames, int generation, int first, double tolerance, double[] values, double[] distances, long[] simulations, bool exhausted)
    {
        ParameterNames = parameterNames;
        Generation = generation;
        First = first;
        Tolerance = tolerance;
        _values = values;
        _distances = distances;
        _simulations = simulations;
        Exhausted = exhausted;
    }

    /// <summary>The parameters' names.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The number of parameters.</summary>
    public int Dimension => ParameterNames.Count;

    /// <summary>The generation.</summary>
    public int Generation { get; }

    /// <summary>The first slot.</summary>
    public int First { get; }

    /// <summary>The number of slots.</summary>
    public int Count => _distances.Length;

    /// <summary>The generation's tolerance ε.</summary>
    public double Tolerance { get; }

    /// <summary>True when some slot found no acceptable proposal (the generation cannot be completed).</summary>
    public bool Exhausted { get; }

    /// <summary>Data sets simulated for these slots.</summary>
    public long Simulations => _simulations.Sum();

    /// <summary>Writes the slots as JSON (doubles round-trip exactly).</summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, new AbcSlotsDto([.. ParameterNames], Generation, First, double.IsFinite(Tolerance) ? Tolerance : null, _values, _distances, _simulations, Exhausted), AbcSlotsJsonContext.Default.AbcSlotsDto);
    }

    /// <summary>Reads slots written by <see cref="WriteTo"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The slots.</returns>
    /// <exception cref="InvalidDataException">The data is not a set of slots.</exception>
    public static AbcSlots ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var dto = JsonSerializer.Deserialize(stream, AbcSlotsJsonContext.Default.AbcSlotsDto) ?? throw new InvalidDataException("The slots file is empty.");
            int n = dto.Distances?.Length ?? 0, d = dto.Parameters?.Length ?? 0;
            if (n == 0 || d == 0 || dto.Values?.Length != n * d || dto.Simulations?.Length != n)
            {
                throw new InvalidDataException("The slots file's arrays do not agree in length.");
            }

            return new AbcSlots(dto.Parameters!, dto.Generation, dto.First, dto.Tolerance ?? double.PositiveInfinity, dto.Values, dto.Distances!, dto.Simulations, dto.Exhausted);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a set of ABC slots: {e.Message}", e);
        }
    }

    internal void CopyTo(double[] values, double[] distances)
    {
        _values.CopyTo(values, First * Dimension);
        _distances.CopyTo(distances, First);
    }
}

/// <summary>The file form of <see cref="AbcSlots"/>.</summary>
internal sealed record AbcSlotsDto(string[]? Parameters, int Generation, int First, double? Tolerance, double[]? Values, double[]? Distances, long[]? Simulations, bool Exhausted);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(AbcSlotsDto))]
internal sealed partial class AbcSlotsJsonContext : JsonSerializerContext
{
}
