using SanctionsSim.Experiments;
using SanctionsSim.Model;

namespace SanctionsSim.Calibration;

/// <summary>
/// A structural parameter: how officers weigh payoffs, how noisy their choices are, how news spreads, how fast a
/// regime looks doomed, how detection decays. Shared by every case, unlike a case's facts; calibrated on the
/// historical cases (<see cref="StructuralParameters"/>, docs/cases.md).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class StructuralParameter
{
    private readonly Func<Scenario, double, Scenario> _apply;
    private readonly Func<Scenario, double> _read;

    internal StructuralParameter(string name, string field, string description, ExperimentParameter prior, Func<Scenario, double, Scenario> apply, Func<Scenario, double> read)
    {
        Name = name;
        Field = field;
        Description = description;
        Prior = prior;
        _apply = apply;
        _read = read;
    }

    /// <summary>The short name, for example <c>noiseScale</c>.</summary>
    public string Name { get; }

    /// <summary>The scenario field it sets, as a JSON path (<c>[*]</c>: every element of the list).</summary>
    public string Field { get; }

    /// <summary>What it means.</summary>
    public string Description { get; }

    /// <summary>The prior used by the calibration (its range and distribution).</summary>
    public ExperimentParameter Prior { get; }

    /// <summary>Sets the parameter in a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="value">The value (inside <see cref="Prior"/>'s range for a calibrated scenario; any value the field accepts otherwise).</param>
    /// <returns>A new scenario with the field set (every faction's, for a per-faction field).</returns>
    public Scenario Apply(Scenario scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _apply(scenario, value);
    }

    /// <summary>The parameter's value in a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The value; NaN when a per-faction field differs between factions.</returns>
    public double Read(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _read(scenario);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Field})";
}
