namespace SanctionsSim.Policy;

/// <summary>The policy instruments a sender can hold.</summary>
public enum InstrumentKind
{
    /// <summary>Oil embargo: cuts the regime's oil revenue by <see cref="Instrument.Bite"/>.</summary>
    OilEmbargo = 0,

    /// <summary>Financial sanctions: cut other revenue by <see cref="Instrument.Bite"/> and block access to that share of reserves.</summary>
    FinancialSanctions = 1,

    /// <summary>Targeted (personal) sanctions: raise the cost of staying for sanctioned officers (their assets abroad are frozen); with <see cref="Instrument.DelistOnDefection"/>, defecting lifts them with the instrument's credibility.</summary>
    TargetedSanctions = 2,

    /// <summary>Asset freeze: blocks <see cref="Instrument.Bite"/> of the regime's reserves abroad.</summary>
    AssetFreeze = 3,

    /// <summary>Recognition of the opposition's interim leader: raises the credibility of every offer.</summary>
    Recognition = 4,

    /// <summary>Contact campaign: reaches <see cref="Instrument.ReachPerWeek"/> officers a week, making private offers known to them.</summary>
    ContactCampaign = 5,

    /// <summary>Amnesty for defectors, worth <see cref="Instrument.Value"/> patronage-years, times credibility.</summary>
    Amnesty = 6,

    /// <summary>Protection of a defector's assets abroad: worth <see cref="Instrument.Value"/> (a share in [0, 1]) of the officer's assets, times credibility.</summary>
    AssetProtection = 7,

    /// <summary>Payments to defectors, worth <see cref="Instrument.Value"/> patronage-years, times credibility.</summary>
    Payments = 8,

    /// <summary>An instrument whose effect is user code: <see cref="Instrument.Effect"/> (an <see cref="InstrumentEffect"/>). Only from C#: a scenario file cannot hold code.</summary>
    Custom = 9,

    /// <summary>Secondary sanctions on the regime's patrons: cut <see cref="Instrument.Bite"/> of their economic support (oil purchases, loans), at a cost to them.</summary>
    SecondarySanctions = 10,
}
