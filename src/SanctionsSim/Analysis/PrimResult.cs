namespace SanctionsSim.Analysis;

/// <summary>A PRIM peeling trajectory: boxes of decreasing mass, trading coverage for density.</summary>
public sealed class PrimResult
{
    internal PrimResult(IReadOnlyList<PrimBox> trajectory, int points, int cases)
    {
        Trajectory = trajectory;
        Points = points;
        Cases = cases;
    }

    /// <summary>The boxes, from the box of all points to the last peel.</summary>
    public IReadOnlyList<PrimBox> Trajectory { get; }

    /// <summary>All points.</summary>
    public int Points { get; }

    /// <summary>All cases of interest.</summary>
    public int Cases { get; }

    /// <summary>The base density: the share of all points that are cases of interest.</summary>
    public double BaseDensity => (double)Cases / Points;

    /// <summary>The box with the highest coverage among those with at least <paramref name="minDensity"/> density; when none reaches it, the densest box (the larger on ties).</summary>
    /// <param name="minDensity">The least density acceptable, in [0, 1].</param>
    /// <returns>The chosen box.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minDensity"/> is outside [0, 1] or NaN.</exception>
    public PrimBox Choose(double minDensity = 0.8)
    {
        if (!(minDensity >= 0 && minDensity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minDensity), minDensity, "The minimum density must be in [0, 1].");
        }

        var dense = Trajectory.Where(b => b.Density >= minDensity).ToList();
        return dense.Count > 0
            ? dense.OrderByDescending(b => b.Coverage).ThenBy(b => b.Index).First()
            : Trajectory.OrderByDescending(b => b.Density).ThenBy(b => b.Index).First();
    }
}
