using SanctionsSim.Validation;

namespace SanctionsSim.Design;

/// <summary>Options of <see cref="ParetoSearch"/>.</summary>
public sealed class ParetoOptions
{
    /// <summary>Packages per generation (even). Default 24; range [4, 1,000].</summary>
    public int Population { get; set; } = 24;

    /// <summary>Generations after the first. Default 8; range [0, 200].</summary>
    public int Generations { get; set; } = 8;

    /// <summary>Replications per package during the search (common random numbers). Default 100; range [2, 1,000,000].</summary>
    public int Replications { get; set; } = 100;

    /// <summary>Replications of each final package on fresh random numbers, the estimates reported. Default 400; range [10, 10,000,000].</summary>
    public int ConfirmationReplications { get; set; } = 400;

    /// <summary>The seed.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Confidence level of the intervals and of "significantly dominated". Default 0.95; range (0, 1).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Threads over packages; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("Pareto-search options");
        c.EvenIn(nameof(Population), Population, 4, 1000);

        c.In(nameof(Generations), Generations, ValueRange.Closed(0, 200));
        c.In(nameof(Replications), Replications, ValueRange.Closed(2, 1_000_000));
        c.In(nameof(ConfirmationReplications), ConfirmationReplications, ValueRange.Closed(10, 10_000_000));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public ParetoOptions Clone() => (ParetoOptions)MemberwiseClone();
}
