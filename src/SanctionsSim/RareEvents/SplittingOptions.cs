using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.RareEvents;

/// <summary>Options of adaptive multilevel splitting (<see cref="AdaptiveMultilevelSplitting"/>).</summary>
internal sealed class SplittingOptions
{
    /// <summary>Paths per splitting run (n). Default 200; range [2, 1,000,000].</summary>
    public int Particles { get; set; } = 200;

    /// <summary>Independent splitting runs (R) averaged into the estimate; their spread gives its standard error. Default 20; range [2, 100,000].</summary>
    public int Runs { get; set; } = 20;

    /// <summary>The seed. Run r's paths start as replications r·n … r·n + n − 1 of it.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Confidence level of the interval. Default 0.95; range (0, 1).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>The most iterations of one run before it is stopped as stuck (reported, never silently used). Default 1,000,000.</summary>
    public int MaxIterations { get; set; } = 1_000_000;

    /// <summary>Threads over the independent runs; -1 for all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Validates the options, reporting every problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("splitting options");
        c.In(nameof(Particles), Particles, ValueRange.Closed(2, 1_000_000));
        c.In(nameof(Runs), Runs, ValueRange.Closed(2, 100_000));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.In(nameof(MaxIterations), MaxIterations, ValueRange.AtLeast(1));
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public SplittingOptions Clone() => (SplittingOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    /// <summary>The key of a stream of run <paramref name="run"/>'s iteration <paramref name="iteration"/> for path slot <paramref name="slot"/>.</summary>
    internal static RandomStream Stream(ulong seed, int run, long iteration, int slot)
        => new(RandomStream.Mix(RandomStream.CounterKey(KeyRegistry.Salted(seed, SeedSalt.Splitting), run) ^ (ulong)iteration), slot, StreamKeys.Splitting);
}
