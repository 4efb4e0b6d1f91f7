using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>Progress of a sweep.</summary>
/// <param name="PointsDone">Points finished (including points read back on resume).</param>
/// <param name="Points">Points in the design.</param>
public readonly record struct SweepProgress(long PointsDone, long Points);
