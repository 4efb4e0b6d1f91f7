using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation.Draws;

/// <summary>
/// What a counter-based draw of a replication is for: the first field of its counter (<see cref="DrawKey"/>).
/// Together with the week and the index of the officer, faction or sender it concerns, the purpose names the
/// draw; no two names share a counter. Each value is the registry's <see cref="KeyPurpose"/> of the same name, and
/// the counter is <see cref="KeyRegistry.Pack"/>(purpose, week, index).
/// </summary>
/// <remarks>
/// The sequential streams of a replication (officers' attributes, ties, contact orders, events) are not in this
/// table: each is a <see cref="MonteCarlo.RandomStream"/> of its own, keyed by <see cref="KeyRegistry.Stream"/> (purpose <see cref="KeyPurpose.Stream"/>).
/// </remarks>
internal enum DrawPurpose : byte
{
    /// <summary>An officer's weekly logit choice (index: officer).</summary>
    Decision = (byte)KeyPurpose.Decision,

    /// <summary>Whether an officer's attempt to defect is detected (index: officer).</summary>
    Detection = (byte)KeyPurpose.Detection,

    /// <summary>A faction's weekly desertions (index: faction).</summary>
    Desertion = (byte)KeyPurpose.Desertion,

    /// <summary>The second uniform of the normal approximation to a large desertion count (index: faction).</summary>
    DesertionNormal = (byte)KeyPurpose.DesertionNormal,

    /// <summary>A faction's weekly rank-and-file crossings (index: faction).</summary>
    Crossing = (byte)KeyPurpose.Crossing,

    /// <summary>The second uniform of the normal approximation to a large crossing count (index: faction).</summary>
    CrossingNormal = (byte)KeyPurpose.CrossingNormal,

    /// <summary>Whether a sender joins the coalition by chance this week (index: sender).</summary>
    Join = (byte)KeyPurpose.Join,

    /// <summary>
    /// The high command's persistent draws, taken in week 0 (index 0: the regime's hidden strength against a move;
    /// index 1 + j: member j's private error). A purpose of its own, so every other stream is unchanged.
    /// </summary>
    HighCommand = (byte)KeyPurpose.HighCommand,
}
