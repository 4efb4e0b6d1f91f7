using SanctionsSim.MonteCarlo;

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

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names each one, its value and the allowed range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Particles is < 2 or > 1_000_000)
        {
            errors.Add($"Particles must be in [2, 1000000]; got {Particles}.");
        }

        if (Runs is < 2 or > 100_000)
        {
            errors.Add($"Runs must be in [2, 100000]; got {Runs}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            errors.Add($"Confidence must be strictly between 0 and 1; got {Confidence}.");
        }

        if (MaxIterations < 1)
        {
            errors.Add($"MaxIterations must be at least 1; got {MaxIterations}.");
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
    public SplittingOptions Clone() => (SplittingOptions)MemberwiseClone();

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    /// <summary>The key of a stream of run <paramref name="run"/>'s iteration <paramref name="iteration"/> for path slot <paramref name="slot"/>.</summary>
    internal static RandomStream Stream(ulong seed, int run, long iteration, int slot)
        => new(RandomStream.Mix(RandomStream.CounterKey(KeyRegistry.Salted(seed, SeedSalt.Splitting), run) ^ (ulong)iteration), slot, StreamKeys.Splitting);
}
