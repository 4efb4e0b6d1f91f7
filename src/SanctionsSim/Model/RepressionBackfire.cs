using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// Repression that can backfire (docs/model.md, §2d, Eq. 23): a crackdown's orders reach the units ordered to carry them
/// out (<see cref="ExogenousEvent.OrderedFactions"/>), and for their officers refusing or defecting becomes more
/// likely while the order is in force, more so for officers of identity groups that are not the ruler's (out-group
/// conscripts) and less for the ruler's own (in-group elite units). Orders to fire on co-nationals are among the best
/// documented triggers of defection (Nepstad 2013; Lee 2015; Barany 2016; Chenoweth &amp; Stephan 2011). Off by default
/// (<see cref="Enabled"/>).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record RepressionBackfire
{
    /// <summary>Whether crackdown orders add to the payoff of defecting for the units ordered.</summary>
    /// <value>The default value is false (off: results are bit-identical to the model without it).</value>
    public bool Enabled { get; init; }

    /// <summary>ρ: the cost of carrying out an order to repress, in patronage-years, added to Δ of an ordered officer of a faction without identity groups while the order is in force (Eq. 23).</summary>
    /// <value>The default value is 0.5 (an assumption, not calibrated: a third of a defector's gain if the regime falls; the literature gives the direction, Nepstad 2013, Lee 2015, not a size). Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double OrderCost { get; init; } = 0.5;

    /// <summary>g_out: the multiplier of ρ for officers of an identity group that is not among <see cref="RulerIdentities"/> (out-group conscripts asked to fire on their own: Barany 2016 on eastern Libya and Syria's Sunni conscripts).</summary>
    /// <value>The default value is 2 (an assumption). Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double OutGroupFactor { get; init; } = 2.0;

    /// <summary>g_in: the multiplier of ρ for officers of the ruler's own identity groups (in-group elite units, who share the ruler's fate: Lee 2015; McLauchlin 2010).</summary>
    /// <value>The default value is 0.25 (an assumption). Range: [0, 100].</value>
    [Range(0.0, 100.0)]
    public double InGroupFactor { get; init; } = 0.25;

    /// <summary>The names of the identity groups that are the ruler's own (<see cref="IdentityGroup.Name"/>, in any faction); the officers of every other identity group are out-group; factions without identity groups get the factor 1.</summary>
    /// <value>The default value is empty (every identity group is out-group).</value>
    public IReadOnlyList<string> RulerIdentities { get; init; } = [];
}
