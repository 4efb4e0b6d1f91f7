namespace SanctionsSim.Cascades;

/// <summary>How newly active nodes pass their influence on.</summary>
internal enum CascadeUpdate
{
    /// <summary>
    /// Synchronous rounds: every node that meets its threshold given the active set at the end of round t
    /// activates in round t + 1. Implemented as a first-in-first-out queue, which visits activations in exactly
    /// that order, so <see cref="CascadeKernel.ActivationRound"/> is the synchronous round.
    /// </summary>
    Synchronous = 0,

    /// <summary>
    /// Asynchronous updates in random order: the next node to pass on its influence is drawn uniformly from
    /// those activated but not yet processed. For monotone rules the final active set is the same as
    /// <see cref="Synchronous"/>; only the order differs.
    /// </summary>
    RandomOrder = 1,
}
