using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.Model;

/// <summary>
/// The officers' ties: the chain of command (each general under a superior general of the same faction, each
/// senior officer under a general) plus peer ties. Redrawn every replication from the network stream.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OfficerNetwork
{
    /// <summary>Probability that two officers with the same superior are tied.</summary>
    /// <value>The default value is 0.3. Range: [0, 1].</value>
    [Range(0.0, 1.0)]
    public double SiblingTieProbability { get; init; } = 0.3;

    /// <summary>Expected number of peer ties per general to generals of the same faction (beyond siblings).</summary>
    /// <value>The default value is 2. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double PeerTiesPerGeneral { get; init; } = 2.0;

    /// <summary>Expected number of ties per general to generals of other factions (joint staff, academy classmates).</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double CrossFactionTiesPerGeneral { get; init; } = 1.0;

    /// <summary>Weight of a command tie (superior–subordinate) in an officer's perceived share.</summary>
    /// <value>The default value is 3. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double CommandTieWeight { get; init; } = 3.0;

    /// <summary>Weight of a peer tie.</summary>
    /// <value>The default value is 1. Range: [0, 1000].</value>
    [Range(0.0, 1000.0)]
    public double PeerTieWeight { get; init; } = 1.0;
}
