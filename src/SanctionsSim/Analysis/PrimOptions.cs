using SanctionsSim.Validation;

namespace SanctionsSim.Analysis;

/// <summary>Options of PRIM scenario discovery (<see cref="Prim"/>).</summary>
public sealed class PrimOptions
{
    /// <summary>The share of the box's points each peel removes (α). Default 0.05; range (0, 0.5).</summary>
    public double PeelAlpha { get; set; } = 0.05;

    /// <summary>Peeling stops before a box would hold less than this share of all points. Default 0.05; range (0, 1).</summary>
    public double MinMass { get; set; } = 0.05;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("PRIM options");
        c.In(nameof(PeelAlpha), PeelAlpha, new ValueRange(0, 0.5, MinOpen: true, MaxOpen: true));
        c.In(nameof(MinMass), MinMass, ValueRange.OpenUnit);
        c.ThrowIfAny();
    }
}
