namespace SanctionsSim.MonteCarlo;

/// <summary>
/// A shift of the mean of a few coordinates of <see cref="RandomInputs"/>: the importance-sampling density N(μ, I)
/// (μ zero outside the listed coordinates) and its likelihood ratio against the prior N(0, I).
/// </summary>
internal sealed class InputShift
{
    private readonly Dictionary<(int Block, int Coordinate), double> _shifts;

    /// <summary>Creates a shift.</summary>
    /// <param name="coordinates">The shifted coordinates and their means; each (block, coordinate) at most once.</param>
    /// <exception cref="ArgumentException">A block or coordinate is out of range, a mean is not finite, or a coordinate is listed twice.</exception>
    public InputShift(IEnumerable<ShiftedCoordinate> coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        _shifts = [];
        var list = new List<ShiftedCoordinate>();
        foreach (var c in coordinates)
        {
            ArgumentNullException.ThrowIfNull(c);
            if ((uint)c.Block >= RandomInputs.BlockCount || (uint)c.Coordinate >= RandomInputs.MaxCoordinates || !double.IsFinite(c.Mean))
            {
                throw new ArgumentException($"A shifted coordinate needs a block in [0, {RandomInputs.BlockCount}), a coordinate in [0, {RandomInputs.MaxCoordinates}) and a finite mean; got block {c.Block}, coordinate {c.Coordinate}, mean {c.Mean}.", nameof(coordinates));
            }

            if (!_shifts.TryAdd((c.Block, c.Coordinate), c.Mean))
            {
                throw new ArgumentException($"Coordinate {c.Coordinate} of block {c.Block} is shifted twice.", nameof(coordinates));
            }

            list.Add(c);
        }

        Coordinates = list;
    }

    /// <summary>The shifted coordinates, in the order given.</summary>
    public IReadOnlyList<ShiftedCoordinate> Coordinates { get; }

    /// <summary>ln of the prior density over the shifted density at <paramref name="inputs"/>: Σ (−μ·g + μ²/2) over the shifted coordinates.</summary>
    /// <param name="inputs">Inputs drawn from <see cref="RandomInputs.FromShiftedPrior"/> with this shift.</param>
    /// <returns>The log weight.</returns>
    public double LogLikelihoodRatio(RandomInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        double log = 0;
        foreach (var c in Coordinates)
        {
            double g = inputs.Normal(c.Block, c.Coordinate);
            log += (-c.Mean * g) + (0.5 * c.Mean * c.Mean);
        }

        return log;
    }

    internal double Of(int block, int coordinate) => _shifts.TryGetValue((block, coordinate), out double m) ? m : 0;
}
