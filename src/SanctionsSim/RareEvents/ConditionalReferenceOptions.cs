using SanctionsSim.Validation;

namespace SanctionsSim.RareEvents;

/// <summary>Options of <see cref="ConditionalReference"/>.</summary>
internal sealed class ConditionalReferenceOptions
{
    /// <summary>The block of the conditioning input. Default 0 (the officers: coordinate 0 is the corps' cohesion draw); range [0, 16).</summary>
    public int Block { get; set; }

    /// <summary>The coordinate of the conditioning input. Default 0; range [0, 2²⁸).</summary>
    public int Coordinate { get; set; }

    /// <summary>The lower end of the window of the conditioning input, in standard deviations. Default −8; finite, below <see cref="Upper"/>.</summary>
    public double Lower { get; set; } = -8;

    /// <summary>The upper end of the window. Default 8; finite, above <see cref="Lower"/>.</summary>
    public double Upper { get; set; } = 8;

    /// <summary>Panels of the composite Gauss–Legendre rule over the window. Default 16; range [1, 10,000].</summary>
    public int Panels { get; set; } = 16;

    /// <summary>Gauss–Legendre points per panel. Default 8; range [2, 64].</summary>
    public int PointsPerPanel { get; set; } = 8;

    /// <summary>Replications per node of the pilot stage, which only allocates the second. Default 32; range [2, 1,000,000].</summary>
    public int PilotReplications { get; set; } = 32;

    /// <summary>Replications of the second stage, allocated over the nodes (Neyman allocation). Default 50,000; range [1, 1,000,000,000].</summary>
    public int Replications { get; set; } = 50_000;

    /// <summary>The fewest second-stage replications at a node. Default 16; range [2, 1,000,000].</summary>
    public int MinReplications { get; set; } = 16;

    /// <summary>The seed.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Threads over each node's replications; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("conditional-reference options");
        c.In(nameof(Block), Block, new ValueRange(0, MonteCarlo.RandomInputs.BlockCount, MaxOpen: true));
        c.In(nameof(Coordinate), Coordinate, new ValueRange(0, MonteCarlo.RandomInputs.MaxCoordinates, MaxOpen: true));
        if (c.In(nameof(Lower), Lower, ValueRange.Finite) && c.In(nameof(Upper), Upper, ValueRange.Finite) && !(Lower < Upper))
        {
            c.Add(nameof(Upper), ValueRange.Format(Upper), $"must be above Lower = {ValueRange.Format(Lower)}");
        }

        c.In(nameof(Panels), Panels, ValueRange.Closed(1, 10_000));
        c.In(nameof(PointsPerPanel), PointsPerPanel, ValueRange.Closed(2, 64));
        c.In(nameof(PilotReplications), PilotReplications, ValueRange.Closed(2, 1_000_000));
        c.In(nameof(Replications), Replications, ValueRange.Closed(1, 1_000_000_000));
        c.In(nameof(MinReplications), MinReplications, ValueRange.Closed(2, 1_000_000));
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public ConditionalReferenceOptions Clone() => (ConditionalReferenceOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
