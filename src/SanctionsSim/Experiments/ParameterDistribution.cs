using MathNet.Numerics.Distributions;
using SanctionsSim.Internal;

namespace SanctionsSim.Experiments;

/// <summary>How an <see cref="ExperimentParameter"/> spreads its values over its range.</summary>
public enum ParameterDistribution
{
    /// <summary>Uniform on [lower, upper] (the default).</summary>
    Uniform,

    /// <summary>Log-uniform on [lower, upper] (both positive): every factor of ten equally likely.</summary>
    LogUniform,

    /// <summary>Triangular on [lower, upper] with its peak at <see cref="ExperimentParameter.Mode"/>.</summary>
    Triangular,

    /// <summary>Normal with <see cref="ExperimentParameter.Mean"/> and <see cref="ExperimentParameter.StandardDeviation"/>, truncated to [lower, upper].</summary>
    TruncatedNormal,
}
