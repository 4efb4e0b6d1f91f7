namespace SanctionsSim.Calibration;

/// <summary>How one case fits a posterior: its share of the calibration's squared distance, and each observation's (<see cref="MisspecificationCheck"/>).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record CaseMisfit
{
    /// <summary>The case's name.</summary>
    public required string Case { get; init; }

    /// <summary>The case's squared distance averaged over the posterior's particles (as the calibration computes it: the calibration's replications per case at one particle).</summary>
    public required double MeanSquaredDistance { get; init; }

    /// <summary>The standard error of <see cref="MeanSquaredDistance"/> across particles.</summary>
    public required double MeanSquaredDistanceStandardError { get; init; }

    /// <summary>The case's share of the sum over cases of the mean squared distances (0 to 1).</summary>
    public required double ShareOfTotal { get; init; }

    /// <summary>Every quantity the case observes, the outcome first.</summary>
    public required IReadOnlyList<ObservationMisfit> Observations { get; init; }

    /// <summary>The observation with the largest share of the case's squared distance.</summary>
    public ObservationMisfit Worst => Observations.MaxBy(o => o.MeanSquaredTerm)!;
}
