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
}
