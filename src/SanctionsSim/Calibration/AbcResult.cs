namespace SanctionsSim.Calibration;

/// <summary>The outcome of an ABC-SMC calibration: the posterior sample (the last population) and each generation's record.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class AbcResult
{
    internal AbcResult(AbcPopulation posterior, IReadOnlyList<AbcGenerationSummary> generations, AbcStopReason stopReason)
    {
        Posterior = posterior;
        Generations = generations;
        StopReason = stopReason;
    }

    /// <summary>The last population: the posterior sample with its weights.</summary>
    public AbcPopulation Posterior { get; }

    /// <summary>Each generation run (from the resumed one, when resuming).</summary>
    public IReadOnlyList<AbcGenerationSummary> Generations { get; }

    /// <summary>Why the calibration stopped.</summary>
    public AbcStopReason StopReason { get; }

    /// <summary>Data sets simulated over the generations listed.</summary>
    public long Simulations => Generations.Sum(g => g.Simulations);
}
