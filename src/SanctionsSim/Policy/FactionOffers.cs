namespace SanctionsSim.Policy;

/// <summary>What the instruments in force offer the officers of one faction this week (the channels of <see cref="OfferEffects"/>): a Policy type, so the instruments fill it without knowing the engine that reads it.</summary>
internal struct FactionOffers
{
    /// <summary>V_pub: value offered to every officer (patronage-years, credibility-weighted).</summary>
    public double PublicOffer;

    /// <summary>V_priv: value offered to reached officers.</summary>
    public double PrivateOffer;

    /// <summary>π_pub: protected share of a defector's assets, for every officer.</summary>
    public double PublicProtection;

    /// <summary>π_priv: protected share for reached officers.</summary>
    public double PrivateProtection;

    /// <summary>D: credibility of delisting a sanctioned defector.</summary>
    public double Delisting;

    /// <summary>F: share of a sanctioned officer's assets frozen while they stay.</summary>
    public double Freeze;

    /// <summary>With the conditional amnesty (Eq. 20–22): Σ V of the public amnesties (their value, not weighted by credibility; 0 when off).</summary>
    public double AmnestyPublicValue;

    /// <summary>With the conditional amnesty: Σ V·c of the public amnesties (c: the instrument's credibility this week).</summary>
    public double AmnestyPublicCredited;

    /// <summary>With the conditional amnesty: Σ V of the private amnesties (known to reached officers).</summary>
    public double AmnestyPrivateValue;

    /// <summary>With the conditional amnesty: Σ V·c of the private amnesties.</summary>
    public double AmnestyPrivateCredited;
}
