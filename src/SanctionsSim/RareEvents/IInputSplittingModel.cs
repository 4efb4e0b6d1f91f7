namespace SanctionsSim.RareEvents;

/// <summary>
/// A stochastic model whose rare event is "the score reaches <see cref="Target"/>", in the form sequential Monte Carlo
/// on the random inputs needs (<see cref="InputSplitting"/>): a replication is a deterministic function of its
/// <see cref="MonteCarlo.RandomInputs"/>, so a particle can be moved by perturbing its inputs.
/// </summary>
/// <remarks>
/// The contract: <see cref="IInputSplittingPath.Score"/> draws every random number of the replication from the inputs
/// (for example through a <see cref="MonteCarlo.RandomStream"/> that <see cref="MonteCarlo.RandomStream.Follow"/>s a
/// block), never from another source, so the same inputs always give the same score.
/// </remarks>
internal interface IInputSplittingModel
{
    /// <summary>The level whose reaching is the rare event.</summary>
    double Target { get; }

    /// <summary>A simulator for one thread (it may hold reusable buffers).</summary>
    /// <returns>A new simulator.</returns>
    IInputSplittingPath CreateInputPath();
}
