namespace SanctionsSim.Policy;

/// <summary>
/// What an instrument does each week it is in force: the extension point for new instruments. The engine calls
/// the hooks of every instrument in force, in the coalition's order, at fixed moments of the week
/// (docs/model.md, §Weekly dynamics): <see cref="ApplyToEconomy"/> when the week's revenue and reserves are
/// set, <see cref="ApplyToOffers"/> when officers' payoffs are set, <see cref="OfficersToReach"/> when contact
/// campaigns reach officers, and <see cref="CostPerDefector"/> when an officer defects.
/// </summary>
/// <remarks>
/// <para>
/// The built-in kinds (<see cref="InstrumentKind"/>) are implemented on this class, one file each. To add your
/// own, derive from it, override the hooks you need, and put it on an <see cref="Instrument"/> of kind
/// <see cref="InstrumentKind.Custom"/> (<see cref="Instrument.Effect"/>); the instrument's schedule
/// (<see cref="Instrument.StartWeek"/>, <see cref="Instrument.EndWeek"/>), escalation rule, credibility, weekly
/// sender cost and <see cref="Instrument.Factions"/> apply to it as to any other. See docs/extending.md.
/// </para>
/// <para>
/// An effect is shared by every replication and thread: keep no state in it that a hook changes. Hooks run
/// once per instrument and week (not per officer), so a virtual call costs nothing measurable.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// // a naval blockade: cuts oil revenue and, less, other revenue
/// public sealed class Blockade(double oilCut, double otherCut) : InstrumentEffect
/// {
///     public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
///     {
///         economy.CutOilRevenue(Math.Min(1, oilCut * week.Strength));
///         economy.CutOtherRevenue(Math.Min(1, otherCut * week.Strength));
///     }
/// }
/// </code>
/// </example>
/// <threadsafety>Implementations must be safe to call from several threads at once (immutable).</threadsafety>
public abstract class InstrumentEffect
{
    /// <summary>Whether this instrument recognises the opposition: every offer's credibility is then multiplied by 1 + the opposition's recognition boost (per recognising instrument).</summary>
    /// <value>False unless overridden.</value>
    public virtual bool RecognisesOpposition => false;

    /// <summary>For a contact campaign: the order in which it reaches officers; null when it reaches none.</summary>
    /// <value>Null unless overridden.</value>
    public virtual Targeting? ReachOrder => null;

    /// <summary>Cuts the regime's revenue or blocks its reserves this week.</summary>
    /// <param name="week">The week and the instrument's strength, alliance multiplier and credibility.</param>
    /// <param name="economy">Where the cuts go.</param>
    public virtual void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
    {
    }

    /// <summary>Changes what defecting is worth to the officers of the instrument's factions this week.</summary>
    /// <param name="week">The week and the instrument's strength, alliance multiplier and credibility.</param>
    /// <param name="offers">Where the offers go.</param>
    public virtual void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
    {
    }

    /// <summary>For a contact campaign: how many more officers it reaches this week (fractions carry over), in <see cref="ReachOrder"/>.</summary>
    /// <param name="week">The week and the instrument's strength.</param>
    /// <returns>The officers reached this week; 0 unless overridden.</returns>
    public virtual double OfficersToReach(in InstrumentWeek week) => 0;

    /// <summary>The sender's cost when an officer of the instrument's factions defects this week (USD billion).</summary>
    /// <param name="week">The week and the instrument's strength.</param>
    /// <param name="reached">Whether a contact campaign had reached the defector.</param>
    /// <returns>The cost; 0 unless overridden.</returns>
    public virtual double CostPerDefector(in InstrumentWeek week, bool reached) => 0;

    /// <summary>The effect of an instrument: the built-in one of its kind, or its own <see cref="Instrument.Effect"/> for <see cref="InstrumentKind.Custom"/>.</summary>
    /// <param name="instrument">A validated instrument.</param>
    /// <returns>The effect.</returns>
    /// <exception cref="ArgumentException">A custom instrument without an effect.</exception>
    public static InstrumentEffect For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Kind switch
        {
            InstrumentKind.OilEmbargo => new OilEmbargoEffect(instrument.Bite),
            InstrumentKind.FinancialSanctions => new FinancialSanctionsEffect(instrument.Bite),
            InstrumentKind.TargetedSanctions => new TargetedSanctionsEffect(instrument.FreezeShare, instrument.DelistOnDefection),
            InstrumentKind.AssetFreeze => new AssetFreezeEffect(instrument.Bite),
            InstrumentKind.Recognition => new RecognitionEffect(),
            InstrumentKind.ContactCampaign => new ContactCampaignEffect(instrument.ReachPerWeek, instrument.Targeting),
            InstrumentKind.Amnesty => new AmnestyEffect(instrument.Value, instrument.Public),
            InstrumentKind.AssetProtection => new AssetProtectionEffect(instrument.Value, instrument.Public),
            InstrumentKind.Payments => new PaymentsEffect(instrument.Value, instrument.Public, instrument.CostPerDefector),
            InstrumentKind.SecondarySanctions => new SecondarySanctionsEffect(instrument.Bite),
            InstrumentKind.Custom => instrument.Effect ?? throw new ArgumentException("An instrument of kind Custom needs an Effect.", nameof(instrument)),
            _ => throw new ArgumentException($"Unknown instrument kind {instrument.Kind}.", nameof(instrument)),
        };
    }
}
