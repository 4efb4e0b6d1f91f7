namespace SanctionsSim.Design;

/// <summary>The trade-offs <see cref="ParetoSearch"/> found: the final packages with their confirmed estimates.</summary>
public sealed class ParetoResult
{
    internal ParetoResult(IPackageProblem problem, IReadOnlyList<ParetoPoint> points, long replications, double confidence)
    {
        LeverNames = problem.Levers.Select(l => l.Name).ToArray();
        OutputNames = problem.Outputs.ToArray();
        Points = points;
        Replications = replications;
        Confidence = confidence;
    }

    /// <summary>The levers' names.</summary>
    public IReadOnlyList<string> LeverNames { get; }

    /// <summary>The outputs' names (costs, each to be minimised).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The final packages, by decreasing probability.</summary>
    public IReadOnlyList<ParetoPoint> Points { get; }

    /// <summary>The packages no other dominates significantly: the front, within Monte Carlo error.</summary>
    public IReadOnlyList<ParetoPoint> Front => Points.Where(p => !p.SignificantlyDominated).ToArray();

    /// <summary>Replications run in all, the confirmation included.</summary>
    public long Replications { get; }

    /// <summary>The confidence level.</summary>
    public double Confidence { get; }
}
