using System.ComponentModel.DataAnnotations;
using SanctionsSim.Policy;

namespace SanctionsSim.Model;

/// <summary>
/// An outside patron of the regime (a "black knight": for Venezuela in 2019, Russia, China, Cuba). While committed
/// it offsets sanctions: it buys or lifts part of the oil the sanctions cut and lends cash, and its security
/// assistance raises the regime's detection. Secondary sanctions (<see cref="InstrumentKind.SecondarySanctions"/>)
/// cut its economic support at a cost to it; its commitment follows <see cref="Commitment"/>.
/// docs/model.md, §Patrons (Eq. 13–14).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Patron
{
    /// <summary>A unique name (distinct from the senders' names), for example "russia".</summary>
    public required string Name { get; init; }

    /// <summary>The first week of support.</summary>
    /// <value>The default value is 0. Range: 0 to 10,000.</value>
    [Range(0, 10_000)]
    public int StartWeek { get; init; }

    /// <summary>Share of the oil revenue lost to sanctions that the patron makes good (buying, lifting or marketing the oil).</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double OilPurchaseShare { get; init; }

    /// <summary>Loans and cash per week (USD billion).</summary>
    /// <value>The default value is 0. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double LoansPerWeek { get; init; }

    /// <summary>Security assistance: added to the regime's probability of detecting a defection attempt (times commitment).</summary>
    /// <value>The default value is 0. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double DetectionAssistance { get; init; }

    /// <summary>What secondary sanctions cost the patron per week when they cut all its support (USD billion; scaled by the share cut).</summary>
    /// <value>The default value is 0. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double SecondarySanctionsExposurePerWeek { get; init; }

    /// <summary>The patron withdraws all support while its commitment is below this level.</summary>
    /// <value>The default value is 0 (never). Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double WithdrawBelowCommitment { get; init; }

    /// <summary>How the patron's commitment evolves: its cost is its offsets plus its secondary-sanctions exposure.</summary>
    public Commitment Commitment { get; init; } = new();
}
