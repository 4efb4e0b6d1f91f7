using SanctionsSim.Validation;

namespace SanctionsSim.Design;

/// <summary>Options of <see cref="PackageOptimizer"/>.</summary>
public sealed class OptimizerOptions
{
    /// <summary>What to look for. Default <see cref="PackageGoal.CheapestReachingTarget"/>.</summary>
    public PackageGoal Goal { get; set; } = PackageGoal.CheapestReachingTarget;

    /// <summary>The probability to reach (goal <see cref="PackageGoal.CheapestReachingTarget"/>). Default 0.5; range (0, 1).</summary>
    public double Target { get; set; } = 0.5;

    /// <summary>The most cost allowed (goal <see cref="PackageGoal.MostEffectiveWithinBudget"/>); finite.</summary>
    public double Budget { get; set; } = double.NaN;

    /// <summary>Packages of the first round, a scrambled Sobol design over the levers' box plus its upper corner. Default 32; range [4, 4,096].</summary>
    public int Candidates { get; set; } = 32;

    /// <summary>Replications per package in the first round; each later round doubles them. Default 40; range [2, 1,000,000].</summary>
    public int InitialReplications { get; set; } = 40;

    /// <summary>Rounds of successive halving. Default 5; range [1, 20].</summary>
    public int Rounds { get; set; } = 5;

    /// <summary>New packages drawn around the incumbent each round (a shrinking Gaussian step). Default 8; range [0, 1,024].</summary>
    public int LocalCandidates { get; set; } = 8;

    /// <summary>Replications of the confirmation run on fresh random numbers. Default 2,000; range [10, 10,000,000].</summary>
    public int ConfirmationReplications { get; set; } = 2000;

    /// <summary>The seed.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Confidence level of the intervals. Default 0.95; range (0, 1).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Threads over packages; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("optimizer options");
        c.Defined(nameof(Goal), Goal);
        if (Goal == PackageGoal.CheapestReachingTarget)
        {
            c.In(nameof(Target), Target, ValueRange.OpenUnit);
        }

        if (Goal == PackageGoal.MostEffectiveWithinBudget)
        {
            c.In(nameof(Budget), Budget, ValueRange.Finite);
        }

        c.In(nameof(Candidates), Candidates, ValueRange.Closed(4, 4096));
        bool replications = c.In(nameof(InitialReplications), InitialReplications, ValueRange.Closed(2, 1_000_000));
        bool rounds = c.In(nameof(Rounds), Rounds, ValueRange.Closed(1, 20));
        c.In(nameof(LocalCandidates), LocalCandidates, ValueRange.Closed(0, 1024));
        c.In(nameof(ConfirmationReplications), ConfirmationReplications, ValueRange.Closed(10, 10_000_000));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        if (replications && rounds && (long)InitialReplications << (Rounds - 1) > 100_000_000)
        {
            c.Add(nameof(InitialReplications), System.FormattableString.Invariant($"{InitialReplications} with {Rounds} rounds"), "· 2^(Rounds − 1) must be at most 100,000,000");
        }

        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public OptimizerOptions Clone() => (OptimizerOptions)MemberwiseClone();
}
