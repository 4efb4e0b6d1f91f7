namespace SanctionsSim.RareEvents;

/// <summary>Simulates paths of an <see cref="ISplittingModel"/>; one instance per thread.</summary>
internal interface ISplittingPath
{
    /// <summary>Simulates one path and writes its score after each step.</summary>
    /// <param name="seed">The seed of the run.</param>
    /// <param name="origin">The path's origin: its initial conditions and its randomness before the first branch (as replication <paramref name="origin"/> of <paramref name="seed"/>).</param>
    /// <param name="branches">From each branch's step on, the path's draws come from its key; steps strictly increasing, all at least 1.</param>
    /// <param name="scores">Receives the score after step t at index t (length <see cref="ISplittingModel.Steps"/>); a path that stops early (absorbed, or the event happened) repeats its last score to the end.</param>
    void Simulate(ulong seed, long origin, ReadOnlySpan<PathBranch> branches, Span<double> scores);
}
