namespace SanctionsSim.MonteCarlo;

/// <summary>One coordinate of <see cref="RandomInputs"/> whose mean an <see cref="InputShift"/> moves.</summary>
public sealed record ShiftedCoordinate
{
    /// <summary>The block.</summary>
    public required int Block { get; init; }

    /// <summary>The coordinate within the block.</summary>
    public required int Coordinate { get; init; }

    /// <summary>The mean μ of the coordinate under the importance-sampling density.</summary>
    public required double Mean { get; init; }
}
