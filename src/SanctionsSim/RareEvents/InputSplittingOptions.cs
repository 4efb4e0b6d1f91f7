using SanctionsSim.Validation;

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

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("input-splitting options");
        c.In(nameof(Particles), Particles, ValueRange.Closed(10, 1_000_000));
        c.In(nameof(Runs), Runs, ValueRange.Closed(2, 100_000));
        c.In(nameof(PilotParticles), PilotParticles, ValueRange.Closed(10, 1_000_000));
        c.In(nameof(LevelProportion), LevelProportion, ValueRange.Closed(0.02, 0.8));
        c.In(nameof(MoveSteps), MoveSteps, ValueRange.Closed(1, 1000));
        c.In(nameof(InitialCorrelation), InitialCorrelation, new ValueRange(0, 1, MaxOpen: true));
        c.Defined(nameof(Method), Method);
        c.In(nameof(DefensiveShare), DefensiveShare, ValueRange.Closed(0.01, 1));
        c.In(nameof(MaxLevels), MaxLevels, ValueRange.Closed(1, 10_000));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public InputSplittingOptions Clone() => (InputSplittingOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
