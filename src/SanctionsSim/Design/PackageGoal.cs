namespace SanctionsSim.Design;

/// <summary>What <see cref="PackageOptimizer"/> looks for.</summary>
public enum PackageGoal
{
    /// <summary>The least cost (the first output) at which the goal event's probability reaches <see cref="OptimizerOptions.Target"/>.</summary>
    CheapestReachingTarget,

    /// <summary>The highest probability of the goal event at a cost (the first output) within <see cref="OptimizerOptions.Budget"/>.</summary>
    MostEffectiveWithinBudget,
}
