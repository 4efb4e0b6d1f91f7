namespace SanctionsSim.Analysis;

/// <summary>Options of PRIM scenario discovery (<see cref="Prim"/>).</summary>
public sealed class PrimOptions
{
    /// <summary>The share of the box's points each peel removes (α). Default 0.05; range (0, 0.5).</summary>
    public double PeelAlpha { get; set; } = 0.05;

    /// <summary>Peeling stops before a box would hold less than this share of all points. Default 0.05; range (0, 1).</summary>
    public double MinMass { get; set; } = 0.05;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it, its value and the range.</exception>
    public void Validate()
    {
        if (!(PeelAlpha > 0 && PeelAlpha < 0.5))
        {
            throw new ArgumentException($"PeelAlpha must be in (0, 0.5); got {PeelAlpha}.");
        }

        if (!(MinMass > 0 && MinMass < 1))
        {
            throw new ArgumentException($"MinMass must be in (0, 1); got {MinMass}.");
        }
    }
}
