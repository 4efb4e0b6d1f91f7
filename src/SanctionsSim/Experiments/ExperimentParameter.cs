using MathNet.Numerics.Distributions;
using SanctionsSim.Internal;

namespace SanctionsSim.Experiments;

/// <summary>
/// An input of an experiment: a name (for a scenario, a path such as <c>coalition.us.amnesty.credibility</c>;
/// see <see cref="ScenarioTemplate"/>), a range, and how values spread over it. Designs produce points in the
/// unit cube; <see cref="FromUnit"/> maps a coordinate u in [0, 1] to a value by the distribution's inverse CDF.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ExperimentParameter
{
    /// <summary>The parameter's name or scenario path.</summary>
    public required string Name { get; init; }

    /// <summary>Lower end of the range (finite).</summary>
    public required double Lower { get; init; }

    /// <summary>Upper end of the range (finite, above <see cref="Lower"/>).</summary>
    public required double Upper { get; init; }

    /// <summary>The distribution over the range; <see cref="ParameterDistribution.Uniform"/> by default.</summary>
    public ParameterDistribution Distribution { get; init; }

    /// <summary>The peak of a <see cref="ParameterDistribution.Triangular"/> distribution, inside the range.</summary>
    public double? Mode { get; init; }

    /// <summary>The mean of a <see cref="ParameterDistribution.TruncatedNormal"/> distribution (finite).</summary>
    public double? Mean { get; init; }

    /// <summary>The standard deviation of a <see cref="ParameterDistribution.TruncatedNormal"/> distribution (positive).</summary>
    public double? StandardDeviation { get; init; }

    /// <summary>A uniform parameter on [lower, upper].</summary>
    /// <param name="name">Name or scenario path.</param>
    /// <param name="lower">Lower end.</param>
    /// <param name="upper">Upper end.</param>
    /// <returns>The parameter.</returns>
    public static ExperimentParameter Uniform(string name, double lower, double upper) => new() { Name = name, Lower = lower, Upper = upper };

    /// <summary>Maps a unit coordinate to a value: the inverse CDF of the distribution on [lower, upper].</summary>
    /// <param name="u">A coordinate in [0, 1].</param>
    /// <returns>The value, inside [lower, upper].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="u"/> is outside [0, 1] or not a number.</exception>
    public double FromUnit(double u)
    {
        Guard.Probability(u);
        if (u == 0 || u == 1)
        {
            return u == 0 ? Lower : Upper; // the ends exactly, whatever the inverse CDF's rounding
        }

        double value = Distribution switch
        {
            ParameterDistribution.LogUniform => Math.Exp(Math.Log(Lower) + (u * (Math.Log(Upper) - Math.Log(Lower)))),
            ParameterDistribution.Triangular => Triangular.InvCDF(Lower, Upper, Mode ?? ((Lower + Upper) / 2), u),
            ParameterDistribution.TruncatedNormal => TruncatedNormal(u),
            _ => Lower + ((Upper - Lower) * u),
        };
        return Math.Clamp(value, Lower, Upper);
    }

    /// <summary>Checks the parameter; the message names the parameter, the field, its value and the allowed range.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        string who = $"parameter '{Name}'";
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A parameter needs a non-empty name (or scenario path).", nameof(Name));
        }

        if (!double.IsFinite(Lower) || !double.IsFinite(Upper) || !(Upper > Lower))
        {
            throw new ArgumentException($"{who}: the range [{Guard.Format(Lower)}, {Guard.Format(Upper)}] must be finite with upper > lower.", nameof(Upper));
        }

        if (!Enum.IsDefined(Distribution))
        {
            throw new ArgumentException($"{who}: unknown distribution {(int)Distribution}.", nameof(Distribution));
        }

        switch (Distribution)
        {
            case ParameterDistribution.LogUniform when Lower <= 0:
                throw new ArgumentException($"{who}: a log-uniform range must be positive; lower is {Guard.Format(Lower)}.", nameof(Lower));
            case ParameterDistribution.Triangular when Mode is double m && !(m >= Lower && m <= Upper):
                throw new ArgumentException($"{who}: mode {Guard.Format(m)} must lie in [{Guard.Format(Lower)}, {Guard.Format(Upper)}].", nameof(Mode));
            case ParameterDistribution.TruncatedNormal when Mean is not double mean || !double.IsFinite(mean):
                throw new ArgumentException($"{who}: a truncated normal needs a finite mean; got {(Mean is double x ? Guard.Format(x) : "none")}.", nameof(Mean));
            case ParameterDistribution.TruncatedNormal when StandardDeviation is not double sd || !(sd > 0) || !double.IsFinite(sd):
                throw new ArgumentException($"{who}: a truncated normal needs a positive, finite standard deviation; got {(StandardDeviation is double y ? Guard.Format(y) : "none")}.", nameof(StandardDeviation));
        }
    }

    /// <summary>A one-line description, for manifests and tables.</summary>
    /// <returns>For example <c>coalition.us.amnesty.credibility ~ uniform[0, 1]</c>.</returns>
    public override string ToString() => Distribution switch
    {
        ParameterDistribution.LogUniform => $"{Name} ~ logUniform[{Guard.Format(Lower)}, {Guard.Format(Upper)}]",
        ParameterDistribution.Triangular => $"{Name} ~ triangular[{Guard.Format(Lower)}, {Guard.Format(Upper)}; mode {Guard.Format(Mode ?? ((Lower + Upper) / 2))}]",
        ParameterDistribution.TruncatedNormal => $"{Name} ~ normal({Guard.Format(Mean ?? double.NaN)}, {Guard.Format(StandardDeviation ?? double.NaN)}) on [{Guard.Format(Lower)}, {Guard.Format(Upper)}]",
        _ => $"{Name} ~ uniform[{Guard.Format(Lower)}, {Guard.Format(Upper)}]",
    };

    internal static void ValidateAll(IReadOnlyList<ExperimentParameter> parameters, string paramName)
    {
        ArgumentNullException.ThrowIfNull(parameters, paramName);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("At least one parameter is needed.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < parameters.Count; j++)
        {
            var p = parameters[j] ?? throw new ArgumentException($"{paramName}[{j}] is null.", paramName);
            try
            {
                p.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{paramName}[{j}]: {e.Message}", paramName, e);
            }

            if (!seen.Add(p.Name))
            {
                throw new ArgumentException($"{paramName}[{j}]: the name '{p.Name}' appears twice; names must be unique.", paramName);
            }
        }
    }

    private double TruncatedNormal(double u)
    {
        // Inverse CDF of the normal truncated to [Lower, Upper]: map u into [Φ(a), Φ(b)] and invert (MathNet).
        double mean = Mean ?? 0, sd = StandardDeviation ?? 1;
        double a = Normal.CDF(mean, sd, Lower), b = Normal.CDF(mean, sd, Upper);
        double p = a + (u * (b - a));
        return p <= 0 ? Lower : p >= 1 ? Upper : Normal.InvCDF(mean, sd, p);
    }
}
