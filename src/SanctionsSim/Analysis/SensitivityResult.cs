using SanctionsSim.Experiments;
using SanctionsSim.Model;

namespace SanctionsSim.Analysis;

/// <summary>The result of a <see cref="ScenarioSensitivity"/> analysis.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record SensitivityResult
{
    /// <summary>The method.</summary>
    public required SensitivityMethod Method { get; init; }

    /// <summary>The output analysed.</summary>
    public required SweepMetric Metric { get; init; }

    /// <summary>The design's description.</summary>
    public required string Design { get; init; }

    /// <summary>Design points evaluated (each with <see cref="ReplicationsPerPoint"/> replications).</summary>
    public required long Points { get; init; }

    /// <summary>Replications per point.</summary>
    public required int ReplicationsPerPoint { get; init; }

    /// <summary>Sobol indices (Sobol method; empty for Morris or when incomplete).</summary>
    public required IReadOnlyList<SobolIndex> Sobol { get; init; }

    /// <summary>Morris measures (Morris method; empty for Sobol or when incomplete).</summary>
    public required IReadOnlyList<MorrisIndex> Morris { get; init; }

    /// <summary>Variance of the point outputs (means of the replications) across the design.</summary>
    public required double OutputVariance { get; init; }

    /// <summary>The model's own noise in a point output: the mean over points of Var(replication) / R.</summary>
    public required double NoiseVariance { get; init; }

    /// <summary>
    /// The share of the output variance that is the model's noise rather than the levers:
    /// <see cref="NoiseVariance"/> / <see cref="OutputVariance"/>. The indices describe the noisy point outputs;
    /// a large share (say above 0.1) dilutes them: raise the replications per point. NaN when <see cref="OutputVariance"/>
    /// is 0 (the output did not vary across the design, so the share is undefined).
    /// </summary>
    public double NoiseShare => OutputVariance > 0 ? NoiseVariance / OutputVariance : double.NaN;

    /// <summary>Whether every point ran (false when cancelled: no indices then).</summary>
    public required bool Completed { get; init; }

    /// <summary>What the sweep underneath did (points resumed, folder).</summary>
    public required SweepResult Sweep { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var lines = new List<string> { $"{Method} sensitivity of {Metric}: {Design}, {ReplicationsPerPoint} replications per point; noise share {NoiseShare:P1}" };
        lines.AddRange(Sobol.Select(s => $"  {s.Name}: first {s.First:F3} {s.FirstInterval}, total {s.Total:F3} {s.TotalInterval}"));
        lines.AddRange(Morris.Select(m => $"  {m.Name}: mu* {m.MuStar:G4} {m.MuStarInterval}, mu {m.Mu:G4}, sigma {m.Sigma:G4}"));
        return string.Join(Environment.NewLine, lines);
    }
}
