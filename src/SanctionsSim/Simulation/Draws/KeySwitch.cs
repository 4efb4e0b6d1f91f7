namespace SanctionsSim.Simulation.Draws;

/// <summary>
/// From week <see cref="Week"/> on, a replication's weekly draws come from <see cref="Key"/> (a splitting clone's fresh
/// randomness). The engine's own form of a rare-event path branch (<c>RareEvents.PathBranch</c>): the engine knows
/// nothing of the analyses above it, which convert their branches to these.
/// </summary>
/// <param name="Week">The first week drawn from the key.</param>
/// <param name="Key">The replication key of the draws from that week on.</param>
internal readonly record struct KeySwitch(int Week, ulong Key);
