using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>The result of a <see cref="TippingScan"/>.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record TippingResult
{
    /// <summary>The lever's path.</summary>
    public required string Lever { get; init; }

    /// <summary>The level sought.</summary>
    public required double Level { get; init; }

    /// <summary>The collapse probability along the grid.</summary>
    public required IReadOnlyList<TippingCurvePoint> Curve { get; init; }

    /// <summary>
    /// The lever value where the collapse probability first crosses the level along the grid (linear
    /// interpolation between the grid points on either side), or null when the curve stays on one side.
    /// </summary>
    public required double? Crossing { get; init; }

    /// <summary>Percentile bootstrap interval of the crossing (replications resampled jointly across the grid, preserving the common random numbers).</summary>
    public required ConfidenceInterval CrossingInterval { get; init; }

    /// <summary>The share of bootstrap resamples in which the curve did not cross the level inside the range.</summary>
    public required double NoCrossingShare { get; init; }

    /// <summary>Whether the probability rises (+1) or falls (−1) across the crossing; 0 without a crossing.</summary>
    public required int Direction { get; init; }

    /// <summary>Whether every grid point ran.</summary>
    public required bool Completed { get; init; }

    /// <summary>The sweep underneath (points resumed, folder).</summary>
    public required SweepResult Sweep { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => Crossing is double x
            ? $"{Lever}: P(collapse) crosses {Level:P0} at {x:G4} {CrossingInterval} ({(Direction > 0 ? "rising" : "falling")}; {NoCrossingShare:P1} of resamples without a crossing)"
            : $"{Lever}: P(collapse) stays {(Curve.Count > 0 && Curve[0].Probability.Estimate >= Level ? "at or above" : "below")} {Level:P0} over [{(Curve.Count > 0 ? Curve[0].Value : double.NaN):G4}, {(Curve.Count > 0 ? Curve[^1].Value : double.NaN):G4}]";
}
