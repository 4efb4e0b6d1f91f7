using SanctionsSim.Experiments;

namespace SanctionsSim.Scorecard;

/// <summary>
/// A fixed constant of the model that sets the scale of officers' payoffs or of the collapse rule, varied by a
/// factor in <see cref="ConstantSensitivity"/> to see whether the held-out scores depend on it (issue #26 item 4).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record PayoffConstant
{
    /// <summary>A short name, for example <c>purgeCost</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario field, as a lever path (<see cref="ScenarioTemplate"/>), for example <c>regime.purgeCost</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The library's default value of the field.</summary>
    public required double Default { get; init; }

    /// <summary>The lowest factor the case's value is multiplied by.</summary>
    public required double LowerFactor { get; init; }

    /// <summary>The highest factor the case's value is multiplied by.</summary>
    public required double UpperFactor { get; init; }

    /// <summary>Where the default comes from, in words.</summary>
    public required string Source { get; init; }

    /// <summary>The factor as a design input: log-uniform between the factors, so ½ and 2 are equally far from 1.</summary>
    internal ExperimentParameter Factor => new() { Name = Name, Lower = LowerFactor, Upper = UpperFactor, Distribution = ParameterDistribution.LogUniform };
}
