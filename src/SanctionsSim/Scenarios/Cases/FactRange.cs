namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// A scenario field whose fact is uncertain: drawn per replication from a triangular distribution on
/// [<see cref="Low"/>, <see cref="High"/>] with its mode at <see cref="Mode"/> (coding rule D1).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record FactRange
{
    /// <summary>The field's JSON path in the scenario, for example <c>$.factions[0].troops</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The lowest value (the code of the fact's low end).</summary>
    public required double Low { get; init; }

    /// <summary>The most likely value (the code of the fact's best estimate; the scenario holds it).</summary>
    public required double Mode { get; init; }

    /// <summary>The highest value (the code of the fact's high end).</summary>
    public required double High { get; init; }

    /// <summary>The coding rule that set the field.</summary>
    public string Rule { get; init; } = "";

    /// <summary>The value at a uniform quantile <paramref name="u"/> in [0, 1) (the triangular distribution's inverse CDF).</summary>
    /// <param name="u">A uniform draw.</param>
    /// <returns>A value in [<see cref="Low"/>, <see cref="High"/>].</returns>
    public double Quantile(double u) => MathNet.Numerics.Distributions.Triangular.InvCDF(Low, High, Mode, u);
}
