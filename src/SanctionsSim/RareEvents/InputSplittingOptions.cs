namespace SanctionsSim.RareEvents;

/// <summary>Options of sequential Monte Carlo on the random inputs (<see cref="InputSplitting"/>).</summary>
public sealed class InputSplittingOptions
{
    /// <summary>Particles per run (N): with importance sampling, the samples of each run. Default 200; range [10, 1,000,000].</summary>
    public int Particles { get; set; } = 200;

    /// <summary>Independent runs (R) averaged into the estimate; their spread gives its standard error. Default 20; range [2, 100,000].</summary>
    public int Runs { get; set; } = 20;

    /// <summary>Particles of the pilot run that fixes the levels and the moves. Default 500; range [10, 1,000,000].</summary>
    public int PilotParticles { get; set; } = 500;

    /// <summary>The share of particles the pilot keeps above each level (p₀). Default 0.2; range [0.02, 0.8].</summary>
    public double LevelProportion { get; set; } = 0.2;

    /// <summary>Moves (proposals) per particle per level (T). Default 1; range [1, 1,000].</summary>
    public int MoveSteps { get; set; } = 1;

    /// <summary>The pilot's first move correlation ρ (adapted level by level towards an acceptance of 0.2–0.5). Default 0.9; range [0, 1).</summary>
    public double InitialCorrelation { get; set; } = 0.9;

    /// <summary>What each run does after the pilot. Default <see cref="InputSplittingMethod.ImportanceSampling"/>.</summary>
    public InputSplittingMethod Method { get; set; } = InputSplittingMethod.ImportanceSampling;

    /// <summary>With importance sampling: the share of samples drawn from the prior itself (a defensive mixture, Hesterberg 1995), which bounds every weight by its inverse. Default 0.1; range [0.01, 1].</summary>
    public double DefensiveShare { get; set; } = 0.1;

    /// <summary>The most levels; a pilot that needs more is stopped with an error. Default 200; range [1, 10,000].</summary>
    public int MaxLevels { get; set; } = 200;

    /// <summary>The seed.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Confidence level of the interval. Default 0.95; range (0, 1).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Threads over each level's particles; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each one, its value and the allowed range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Particles is < 10 or > 1_000_000)
        {
            errors.Add($"Particles must be in [10, 1000000]; got {Particles}.");
        }

        if (Runs is < 2 or > 100_000)
        {
            errors.Add($"Runs must be in [2, 100000]; got {Runs}.");
        }

        if (PilotParticles is < 10 or > 1_000_000)
        {
            errors.Add($"PilotParticles must be in [10, 1000000]; got {PilotParticles}.");
        }

        if (!(LevelProportion >= 0.02 && LevelProportion <= 0.8))
        {
            errors.Add($"LevelProportion must be in [0.02, 0.8]; got {LevelProportion}.");
        }

        if (MoveSteps is < 1 or > 1000)
        {
            errors.Add($"MoveSteps must be in [1, 1000]; got {MoveSteps}.");
        }

        if (!(InitialCorrelation >= 0 && InitialCorrelation < 1))
        {
            errors.Add($"InitialCorrelation must be in [0, 1); got {InitialCorrelation}.");
        }

        if (!Enum.IsDefined(Method))
        {
            errors.Add($"Method must be ImportanceSampling or Splitting; got {(int)Method}.");
        }

        if (!(DefensiveShare >= 0.01 && DefensiveShare <= 1))
        {
            errors.Add($"DefensiveShare must be in [0.01, 1]; got {DefensiveShare}.");
        }

        if (MaxLevels is < 1 or > 10_000)
        {
            errors.Add($"MaxLevels must be in [1, 10000]; got {MaxLevels}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            errors.Add($"Confidence must be strictly between 0 and 1; got {Confidence}.");
        }

        if (MaxDegreeOfParallelism is not (-1 or (>= 1 and <= 1024)))
        {
            errors.Add($"MaxDegreeOfParallelism must be -1 (all cores) or in [1, 1024]; got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public InputSplittingOptions Clone() => (InputSplittingOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
