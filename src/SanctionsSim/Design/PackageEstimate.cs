using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Design;

/// <summary>A package and what its replications measured, with intervals.</summary>
public sealed record PackageEstimate
{
    /// <summary>The lever values, in lever order.</summary>
    public required IReadOnlyList<double> Levers { get; init; }

    /// <summary>Replications behind the estimates.</summary>
    public required long Replications { get; init; }

    /// <summary>The goal event's probability.</summary>
    public required double Probability { get; init; }

    /// <summary>Its Wilson interval.</summary>
    public required ConfidenceInterval ProbabilityInterval { get; init; }

    /// <summary>Each output's mean (the first is the cost).</summary>
    public required IReadOnlyList<double> Outputs { get; init; }

    /// <summary>Each output's standard error.</summary>
    public required IReadOnlyList<double> OutputStandardErrors { get; init; }

    /// <summary>The estimate of a sample.</summary>
    /// <param name="levers">The package.</param>
    /// <param name="sample">Its sample.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The estimate.</returns>
    internal static PackageEstimate Of(IReadOnlyList<double> levers, PackageSample sample, double confidence)
    {
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(sample);
        return new PackageEstimate
        {
            Levers = levers.ToArray(),
            Replications = sample.Replications,
            Probability = sample.Probability.Estimate,
            ProbabilityInterval = sample.Probability.Wilson(confidence),
            Outputs = Enumerable.Range(0, sample.OutputCount).Select(sample.Mean).ToArray(),
            OutputStandardErrors = Enumerable.Range(0, sample.OutputCount).Select(sample.StandardError).ToArray(),
        };
    }
}
