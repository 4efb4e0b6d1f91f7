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

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each, its value and its range.</exception>
    public void Validate()
    {
        var e = new List<string>();
        if (Population is < 4 or > 1000 || Population % 2 != 0)
        {
            e.Add($"Population must be even and in [4, 1000]; got {Population}.");
        }

        if (Generations is < 0 or > 200)
        {
            e.Add($"Generations must be in [0, 200]; got {Generations}.");
        }

        if (Replications is < 2 or > 1_000_000)
        {
            e.Add($"Replications must be in [2, 1000000]; got {Replications}.");
        }

        if (ConfirmationReplications is < 10 or > 10_000_000)
        {
            e.Add($"ConfirmationReplications must be in [10, 10000000]; got {ConfirmationReplications}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            e.Add($"Confidence must be strictly between 0 and 1; got {Confidence}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            e.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if (e.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", e));
        }
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public ParetoOptions Clone() => (ParetoOptions)MemberwiseClone();
}
