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

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each, its value and its range.</exception>
    public void Validate()
    {
        var e = new List<string>();
        if (!Enum.IsDefined(Goal))
        {
            e.Add($"Goal must be CheapestReachingTarget or MostEffectiveWithinBudget; got {Goal}.");
        }

        if (Goal == PackageGoal.CheapestReachingTarget && !(Target > 0 && Target < 1))
        {
            e.Add($"Target must be strictly between 0 and 1; got {Target}.");
        }

        if (Goal == PackageGoal.MostEffectiveWithinBudget && !double.IsFinite(Budget))
        {
            e.Add($"Budget must be a finite number; got {Budget}.");
        }

        Check(e, nameof(Candidates), Candidates, 4, 4096);
        Check(e, nameof(InitialReplications), InitialReplications, 2, 1_000_000);
        Check(e, nameof(Rounds), Rounds, 1, 20);
        Check(e, nameof(LocalCandidates), LocalCandidates, 0, 1024);
        Check(e, nameof(ConfirmationReplications), ConfirmationReplications, 10, 10_000_000);
        if (!(Confidence > 0 && Confidence < 1))
        {
            e.Add($"Confidence must be strictly between 0 and 1; got {Confidence}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            e.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if ((long)InitialReplications << (Rounds - 1) > 100_000_000)
        {
            e.Add($"InitialReplications · 2^(Rounds − 1) must be at most 100,000,000; got {InitialReplications} and {Rounds} rounds.");
        }

        if (e.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", e));
        }
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public OptimizerOptions Clone() => (OptimizerOptions)MemberwiseClone();

    private static void Check(List<string> errors, string name, int value, int lower, int upper)
    {
        if (value < lower || value > upper)
        {
            errors.Add($"{name} must be in [{lower}, {upper}]; got {value}.");
        }
    }
}
