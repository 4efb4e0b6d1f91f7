using SanctionsSim.MonteCarlo;
using SanctionsSim.Validation;

namespace SanctionsSim.Calibration;

/// <summary>Settings of an ABC-SMC calibration (<see cref="AbcSmc"/>).</summary>
public sealed class AbcOptions
{
    /// <summary>Particles per generation.</summary>
    /// <value>The default value is 1000. Range: 10 to 10^7.</value>
    public int Particles { get; set; } = 1000;

    /// <summary>The most generations (the first is drawn from the prior).</summary>
    /// <value>The default value is 8. Range: 1 to 1000.</value>
    public int Generations { get; set; } = 8;

    /// <summary>The seed: with it, the particles of every generation are the same whatever the threads.</summary>
    /// <value>The default value is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>
    /// α: each generation's tolerance is the α-quantile of the previous generation's distances (Del Moral, Doucet
    /// &amp; Jasra 2012 adapt it by effective sample size; a fixed quantile is the usual simpler rule).
    /// </summary>
    /// <value>The default value is 0.5. Range: (0, 1).</value>
    public double Quantile { get; set; } = 0.5;

    /// <summary>Stop after a generation whose acceptance rate (accepted / proposals simulated) falls below this.</summary>
    /// <value>The default value is 0.01. Range: (0, 1].</value>
    public double MinAcceptanceRate { get; set; } = 0.01;

    /// <summary>
    /// The perturbation kernel's covariance as a multiple of the previous generation's weighted covariance
    /// (Beaumont et al. 2009 show 2 minimises the Kullback–Leibler divergence for a Gaussian kernel).
    /// </summary>
    /// <value>The default value is 2. Range: (0, 100].</value>
    public double KernelScale { get; set; } = 2.0;

    /// <summary>Worker threads; -1 uses every core.</summary>
    /// <value>The default value is -1. Range: -1 or 1 to 1024.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public AbcOptions Clone() => (AbcOptions)MemberwiseClone();

    /// <summary>Checks every setting, reporting each problem at once.</summary>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate()
    {
        var c = new OptionsCollector("ABC options");
        Check(c, string.Empty);
        c.ThrowIfAny();
    }

    /// <summary>Adds every problem to <paramref name="c"/>, each option named after <paramref name="prefix"/>.</summary>
    internal void Check(InputCollector<OptionError> c, string prefix)
    {
        c.In(prefix + nameof(Particles), Particles, ValueRange.Closed(10, 10_000_000));
        c.In(prefix + nameof(Generations), Generations, ValueRange.Closed(1, 1000));
        c.In(prefix + nameof(Quantile), Quantile, ValueRange.OpenUnit);
        c.In(prefix + nameof(MinAcceptanceRate), MinAcceptanceRate, new ValueRange(0, 1, MinOpen: true));
        c.In(prefix + nameof(KernelScale), KernelScale, new ValueRange(0, 100, MinOpen: true));
        c.Threads(prefix + nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
    }

    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    internal int MaxAttemptsPerParticle => (int)Math.Min(int.MaxValue, Math.Ceiling(50.0 / MinAcceptanceRate));

    internal static ulong GenerationKey(ulong seed, int generation, int slot) => RandomStream.CounterBits(KeyRegistry.Salted(seed, SeedSalt.AbcGenerations), generation, slot);
}
