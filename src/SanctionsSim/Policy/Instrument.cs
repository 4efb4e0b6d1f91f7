using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Policy;

/// <summary>
/// One policy instrument held by a sender, active from <see cref="StartWeek"/> to <see cref="EndWeek"/>,
/// optionally escalating when defections stall (an adaptive rule).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Instrument
{
    /// <summary>What the instrument does.</summary>
    public required InstrumentKind Kind { get; init; }

    /// <summary>First week in force (0-based; the sender must also have joined).</summary>
    /// <value>The default value is 0. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int StartWeek { get; init; }

    /// <summary>Last week in force, or null for the whole horizon.</summary>
    /// <value>The default value is null. Range: ≥ <see cref="StartWeek"/>.</value>
    public int? EndWeek { get; init; }

    /// <summary>For revenue and reserve instruments: the share cut or blocked.</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double Bite { get; init; }

    /// <summary>How much officers believe the promise (offers) or the threat (delisting) will be kept.</summary>
    /// <value>The default value is 0.5. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double Credibility { get; init; } = 0.5;

    /// <summary>For offers: the value (patronage-years; for asset protection, the protected share of assets).</summary>
    /// <value>The default value is 0. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double Value { get; init; }

    /// <summary>For offers: true when the offer is public (a law, a broadcast) and known to every officer; false when only officers reached by a contact campaign know it.</summary>
    /// <value>The default value is false.</value>
    public bool Public { get; init; }

    /// <summary>For targeted sanctions: defecting lifts them (with the instrument's credibility).</summary>
    /// <value>The default value is true.</value>
    public bool DelistOnDefection { get; init; } = true;

    /// <summary>For targeted sanctions: the share of a sanctioned officer's assets abroad frozen while they stay.</summary>
    /// <value>The default value is 0.8. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double FreezeShare { get; init; } = 0.8;

    /// <summary>For contact campaigns: officers reached per week.</summary>
    /// <value>The default value is 0. Range: [0, 10^7].</value>
    [Range(0.0, 1e7)]
    public double ReachPerWeek { get; init; }

    /// <summary>For contact campaigns: whom to reach first.</summary>
    /// <value>The default value is <see cref="Policy.Targeting.GeneralsFirst"/>.</value>
    public Targeting Targeting { get; init; } = Targeting.GeneralsFirst;

    /// <summary>The sender's own cost per week in force (USD billion): lost trade, payments budget, staff.</summary>
    /// <value>The default value is 0. Range: [0, 10^3].</value>
    [Range(0.0, 1000.0)]
    public double SenderCostPerWeek { get; init; }

    /// <summary>For payments: the sender's cost per defector paid (USD billion).</summary>
    /// <value>The default value is 0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double CostPerDefector { get; init; }

    /// <summary>For revenue and reserve instruments: the sender's own cost per week per unit of bite in force (USD billion a week at a bite of 1): the trade it forgoes grows with the share it cuts. Paid on <see cref="Bite"/> times the week's strength, capped at 1.</summary>
    /// <value>The default value is 0. Range: [0, 10^3].</value>
    [Range(0.0, 1000.0)]
    public double CostPerUnitBitePerWeek { get; init; }

    /// <summary>For contact campaigns: the sender's cost per officer newly reached (USD billion).</summary>
    /// <value>The default value is 0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double CostPerOfficerReached { get; init; }

    /// <summary>For offers (amnesty, asset protection, payments): the sender's cost per week of each guarantee it has given, from the week after an officer the offer applies to defects until the horizon, whether or not the ruler falls (guarantees are honoured: protection, resettlement, a stipend). Charged to defectors of the instrument's factions who knew the offer (it is public, or a contact campaign reached them).</summary>
    /// <value>The default value is 0. Range: [0, 10].</value>
    [Range(0.0, 10.0)]
    public double GuaranteeCostPerWeek { get; init; }

    /// <summary>The factions whose officers the instrument applies to (offers, contact campaigns, targeted sanctions), by name; empty for all. Each name must be a faction of the scenario.</summary>
    /// <value>The default value is empty (all factions).</value>
    public IReadOnlyList<string> Factions { get; init; } = [];

    /// <summary>For secondary sanctions: the patrons they target, by name; empty for all. Each name must be a patron of the scenario.</summary>
    /// <value>The default value is empty (all patrons).</value>
    public IReadOnlyList<string> Patrons { get; init; } = [];

    /// <summary>Adaptive rule: from this week on, if the defected share is still below <see cref="EscalateBelowShare"/>, multiply the instrument's strength (bite, value or reach) by <see cref="EscalationFactor"/>; null for none.</summary>
    /// <value>The default value is null. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int? EscalateAfterWeek { get; init; }

    /// <summary>Adaptive rule: the defected share below which defections count as stalled.</summary>
    /// <value>The default value is 0.05. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double EscalateBelowShare { get; init; } = 0.05;

    /// <summary>Adaptive rule: the strength multiplier once escalated (bites are capped at 1).</summary>
    /// <value>The default value is 1.5. Range: [1, 100].</value>
    [Range(1.0, 100.0)]
    public double EscalationFactor { get; init; } = 1.5;

    /// <summary>For <see cref="InstrumentKind.Custom"/>: what the instrument does each week (your own <see cref="InstrumentEffect"/>); null for the built-in kinds. Not part of scenario files.</summary>
    /// <value>The default value is null.</value>
    [System.Text.Json.Serialization.JsonIgnore]
    public InstrumentEffect? Effect { get; init; }
}
