namespace SanctionsSim.Calibration;

/// <summary>A predictive distribution's median and 5–95 % band.</summary>
/// <param name="Median">The median.</param>
/// <param name="Lower">The 5 % quantile.</param>
/// <param name="Upper">The 95 % quantile.</param>
public readonly record struct PredictiveBand(double Median, double Lower, double Upper)
{
    /// <summary>Whether a value lies in the band.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when Lower ≤ value ≤ Upper.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
