namespace SanctionsSim.Calibration;

/// <summary>The weighted posterior summary of one parameter.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Mean">The posterior mean.</param>
/// <param name="StandardDeviation">The posterior standard deviation.</param>
/// <param name="Median">The posterior median.</param>
/// <param name="Lower">The lower end of the credible interval (5 % quantile by default).</param>
/// <param name="Upper">The upper end (95 % quantile by default).</param>
public sealed record AbcParameterSummary(string Name, double Mean, double StandardDeviation, double Median, double Lower, double Upper);
