using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>The first <c>points</c> points of a (digitally shifted) <see cref="SobolSequence"/> as a design; use a power of two for the best balance.</summary>
public sealed class SobolSequenceDesign : ExperimentDesign
{
    private readonly SobolSequence _sequence;
    private readonly long _points;

    /// <summary>Creates the design.</summary>
    /// <param name="points">Points, 1 to 2^31.</param>
    /// <param name="dimensions">Dimensions, 1 to <see cref="SobolSequence.MaxDimensions"/>.</param>
    /// <param name="seed">The seed of the digital shift.</param>
    /// <param name="shift">Whether to shift (default true).</param>
    public SobolSequenceDesign(long points, int dimensions, ulong seed = 1, bool shift = true)
    {
        _points = Guard.InRange(points, 1, 1L << 31);
        _sequence = new SobolSequence(dimensions, seed, shift);
    }

    /// <inheritdoc />
    public override int Dimensions => _sequence.Dimensions;

    /// <inheritdoc />
    public override long Count => _points;

    /// <inheritdoc />
    public override string Description => $"sobol(points={_points}, dimensions={Dimensions}, seed={_sequence.Seed}, shift={(_sequence.Shifted ? "yes" : "no")})";

    /// <inheritdoc />
    protected override void Fill(long index, Span<double> unit) => _sequence.Point(index, unit);
}
