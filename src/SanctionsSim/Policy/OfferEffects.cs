namespace SanctionsSim.Policy;

/// <summary>
/// The week's offers to officers, as the instruments in force make them (<see cref="InstrumentEffect.ApplyToOffers"/>).
/// Each call applies to the officers of the calling instrument's <see cref="Instrument.Factions"/> (all when
/// empty). A public offer is known to every officer; a private one only to officers a contact campaign reached.
/// How the channels enter an officer's payoff is Eq. 3 of docs/model.md.
/// </summary>
/// <threadsafety>One instance per replication worker; not for sharing.</threadsafety>
public sealed class OfferEffects
{
    private readonly FactionOffers[] _offers;
    private bool[]? _mask;

    internal OfferEffects(int factions) => _offers = new FactionOffers[factions];

    /// <summary>Adds a value to defecting (patronage-years), such as an amnesty or a payment, already weighted by its credibility.</summary>
    /// <param name="value">The value, ≥ 0.</param>
    /// <param name="isPublic">Known to every officer (true) or only to reached officers (false).</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public void OfferValue(double value, bool isPublic)
    {
        Check(value, double.MaxValue, nameof(value));
        for (int f = 0; f < _offers.Length; f++)
        {
            if (_mask is null || _mask[f])
            {
                if (isPublic)
                {
                    _offers[f].PublicOffer += value;
                }
                else
                {
                    _offers[f].PrivateOffer += value;
                }
            }
        }
    }

    /// <summary>Protects a share of a defector's assets abroad, already weighted by its credibility; protections add up to at most 1.</summary>
    /// <param name="share">In [0, 1].</param>
    /// <param name="isPublic">Known to every officer (true) or only to reached officers (false).</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void ProtectAssets(double share, bool isPublic)
    {
        Check(share, 1, nameof(share));
        for (int f = 0; f < _offers.Length; f++)
        {
            if (_mask is null || _mask[f])
            {
                if (isPublic)
                {
                    _offers[f].PublicProtection = Math.Min(1.0, _offers[f].PublicProtection + share);
                }
                else
                {
                    _offers[f].PrivateProtection = Math.Min(1.0, _offers[f].PrivateProtection + share);
                }
            }
        }
    }

    /// <summary>Freezes a share of personally sanctioned officers' assets abroad while they stay (the largest freeze counts).</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void FreezeSanctionedAssets(double share)
    {
        Check(share, 1, nameof(share));
        for (int f = 0; f < _offers.Length; f++)
        {
            if (_mask is null || _mask[f])
            {
                _offers[f].Freeze = Math.Max(_offers[f].Freeze, share);
            }
        }
    }

    /// <summary>Promises to lift personal sanctions from defectors, with the given credibility (the largest counts): the frozen assets become worth defecting for.</summary>
    /// <param name="credibility">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void PromiseDelisting(double credibility)
    {
        Check(credibility, 1, nameof(credibility));
        for (int f = 0; f < _offers.Length; f++)
        {
            if (_mask is null || _mask[f])
            {
                _offers[f].Delisting = Math.Max(_offers[f].Delisting, credibility);
            }
        }
    }

    /// <summary>
    /// An amnesty of value <paramref name="value"/> (escalated) and credibility <paramref name="credibility"/>: off, the
    /// value offered is their product (<see cref="OfferValue"/>, exactly as before); with the conditional amnesty on
    /// (<see cref="ConditionalAmnesty"/>), value and credibility are kept apart for the officers' own beliefs (docs/model.md, Eq. 20–22).
    /// </summary>
    internal void OfferAmnesty(double value, double credibility, bool isPublic)
    {
        if (!ConditionalAmnesty)
        {
            OfferValue(value * credibility, isPublic);
            return;
        }

        Check(value, double.MaxValue, nameof(value));
        Check(credibility, 1, nameof(credibility));
        for (int f = 0; f < _offers.Length; f++)
        {
            if (_mask is null || _mask[f])
            {
                if (isPublic)
                {
                    _offers[f].AmnestyPublicValue += value;
                    _offers[f].AmnestyPublicCredited += value * credibility;
                }
                else
                {
                    _offers[f].AmnestyPrivateValue += value;
                    _offers[f].AmnestyPrivateCredited += value * credibility;
                }
            }
        }
    }

    /// <summary>Whether amnesties go to the amnesty channel (the scenario's conditional amnesty is on).</summary>
    internal bool ConditionalAmnesty { get; set; }

    internal ReadOnlySpan<FactionOffers> Offers => _offers;

    internal void Reset() => Array.Clear(_offers);

    internal void Target(bool[]? factionMask) => _mask = factionMask;

    private static void Check(double value, double max, string name)
    {
        if (!(value >= 0 && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, max == 1 ? "Must be in [0, 1]." : "Must be finite and ≥ 0.");
        }
    }
}
