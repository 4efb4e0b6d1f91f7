using MathNet.Numerics.Distributions;

namespace SanctionsSim.Design;

/// <summary>The package <see cref="PackageOptimizer"/> found, its confirmation on fresh random numbers, and the search's rounds.</summary>
public sealed class OptimizationResult
{
    internal OptimizationResult(IPackageProblem problem, OptimizerOptions options, PackageEstimate best, PackageEstimate confirmation, IReadOnlyList<OptimizationRound> rounds, IReadOnlyList<PackageEstimate> finalists, long replications)
    {
        LeverNames = problem.Levers.Select(l => l.Name).ToArray();
        OutputNames = problem.Outputs.ToArray();
        Goal = options.Goal;
        Target = options.Target;
        Budget = options.Budget;
        Confidence = options.Confidence;
        Best = best;
        Confirmation = confirmation;
        Rounds = rounds;
        Finalists = finalists;
        Replications = replications;
    }

    /// <summary>The levers' names.</summary>
    public IReadOnlyList<string> LeverNames { get; }

    /// <summary>The outputs' names (the first is the cost).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>What was looked for.</summary>
    public PackageGoal Goal { get; }

    /// <summary>The target probability (goal <see cref="PackageGoal.CheapestReachingTarget"/>).</summary>
    public double Target { get; }

    /// <summary>The budget (goal <see cref="PackageGoal.MostEffectiveWithinBudget"/>).</summary>
    public double Budget { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence { get; }

    /// <summary>The package found, as estimated in the last round (on the search's common random numbers).</summary>
    public PackageEstimate Best { get; }

    /// <summary>The same package on fresh random numbers: the estimate to report (free of the search's selection bias).</summary>
    public PackageEstimate Confirmation { get; }

    /// <summary>The rounds of the search.</summary>
    public IReadOnlyList<OptimizationRound> Rounds { get; }

    /// <summary>The packages of the last round, best first.</summary>
    public IReadOnlyList<PackageEstimate> Finalists { get; }

    /// <summary>Replications run in all, the confirmation included.</summary>
    public long Replications { get; }

    /// <summary>Whether the confirmation meets the goal beyond Monte Carlo doubt: its probability's lower limit reaches the target, or its cost's upper limit is within the budget.</summary>
    public bool MeetsGoalWithConfidence => Goal == PackageGoal.CheapestReachingTarget
        ? Confirmation.ProbabilityInterval.Lower >= Target
        : Confirmation.Outputs[0] + (Normal.InvCDF(0, 1, 0.5 + (Confidence / 2)) * Confirmation.OutputStandardErrors[0]) <= Budget;

    /// <summary>Whether the confirmation's point estimate meets the goal.</summary>
    public bool MeetsGoalByEstimate => Goal == PackageGoal.CheapestReachingTarget ? Confirmation.Probability >= Target : Confirmation.Outputs[0] <= Budget;
}
