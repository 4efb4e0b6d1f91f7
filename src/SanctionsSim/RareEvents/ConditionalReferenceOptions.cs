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

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each one, its value and the allowed range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if ((uint)Block >= MonteCarlo.RandomInputs.BlockCount)
        {
            errors.Add($"Block must be in [0, {MonteCarlo.RandomInputs.BlockCount}); got {Block}.");
        }

        if ((uint)Coordinate >= MonteCarlo.RandomInputs.MaxCoordinates)
        {
            errors.Add($"Coordinate must be in [0, {MonteCarlo.RandomInputs.MaxCoordinates}); got {Coordinate}.");
        }

        if (!double.IsFinite(Lower) || !double.IsFinite(Upper) || !(Lower < Upper))
        {
            errors.Add($"Lower and Upper must be finite with Lower < Upper; got [{Lower}, {Upper}].");
        }

        if (Panels is < 1 or > 10_000)
        {
            errors.Add($"Panels must be in [1, 10000]; got {Panels}.");
        }

        if (PointsPerPanel is < 2 or > 64)
        {
            errors.Add($"PointsPerPanel must be in [2, 64]; got {PointsPerPanel}.");
        }

        if (PilotReplications is < 2 or > 1_000_000)
        {
            errors.Add($"PilotReplications must be in [2, 1000000]; got {PilotReplications}.");
        }

        if (Replications is < 1 or > 1_000_000_000)
        {
            errors.Add($"Replications must be in [1, 1000000000]; got {Replications}.");
        }

        if (MinReplications is < 2 or > 1_000_000)
        {
            errors.Add($"MinReplications must be in [2, 1000000]; got {MinReplications}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            errors.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public ConditionalReferenceOptions Clone() => (ConditionalReferenceOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
