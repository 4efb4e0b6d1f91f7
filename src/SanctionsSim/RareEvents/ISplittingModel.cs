namespace SanctionsSim.RareEvents;

/// <summary>
/// A stochastic model whose rare event is "the score reaches <see cref="Target"/> within <see cref="Steps"/> steps",
/// in the form adaptive multilevel splitting needs: a path is replayed exactly from its origin and its branch keys.
/// </summary>
/// <remarks>
/// The contract that makes splitting correct: the draws of step t come only from the key of the last branch whose
/// <see cref="PathBranch.Step"/> is at most t (the origin's key before the first branch), so a path replayed with
/// the same origin and branches is the same path, and a path branched at step t + 1 shares steps 0 … t with its
/// parent and continues from the parent's state with fresh randomness.
/// </remarks>
internal interface ISplittingModel
{
    /// <summary>The number of steps of a path (weeks, for a scenario).</summary>
    int Steps { get; }

    /// <summary>The level whose reaching is the rare event (the score is at least this once it happens).</summary>
    double Target { get; }

    /// <summary>A path simulator for one thread (it may hold reusable buffers).</summary>
    /// <returns>A new simulator.</returns>
    ISplittingPath CreatePath();
}
