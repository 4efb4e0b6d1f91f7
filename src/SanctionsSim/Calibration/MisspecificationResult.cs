namespace SanctionsSim.Calibration;

/// <summary>The result of a misspecification check (<see cref="MisspecificationCheck"/>).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record MisspecificationResult
{
    /// <summary>Each case, in the calibration's order.</summary>
    public required IReadOnlyList<CaseMisfit> Cases { get; init; }

    /// <summary>The sum over cases of their mean squared distances: the expected ε² of a particle drawn from the posterior.</summary>
    public required double MeanSquaredDistance { get; init; }

    /// <summary>The distance the calibration uses.</summary>
    public required CaseDistance Distance { get; init; }

    /// <summary>The weight of the outcome in the distance.</summary>
    public required double OutcomeWeight { get; init; }

    /// <summary>Particles drawn from the posterior.</summary>
    public required int Particles { get; init; }

    /// <summary>Replications of each case per particle.</summary>
    public required int ReplicationsPerCase { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The posterior's <see cref="Posterior.Hash"/>.</summary>
    public required string PosteriorHash { get; init; }
}
