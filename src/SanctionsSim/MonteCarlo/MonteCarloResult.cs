namespace SanctionsSim.MonteCarlo;

/// <summary>The outcome of a Monte Carlo batch: a summary of replications [FirstReplication, FirstReplication + Replications).</summary>
/// <typeparam name="TSummary">The experiment's summary type.</typeparam>
/// <threadsafety>The result is not changed by the runner after it is returned.</threadsafety>
public sealed class MonteCarloResult<TSummary>
    where TSummary : class
{
    /// <summary>Creates a result, for batches assembled from shards or resumed from a checkpoint.</summary>
    /// <param name="summary">The merged summary.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="first">The first replication index (≥ 0).</param>
    /// <param name="replications">The number of replications summarised (≥ 0).</param>
    /// <param name="reason">Why the batch ended.</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public MonteCarloResult(TSummary summary, ulong seed, long first, long replications, StopReason reason, double confidence)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(replications);
        Internal.Guard.OpenUnit(confidence);
        Summary = summary;
        Seed = seed;
        FirstReplication = first;
        Replications = replications;
        StopReason = reason;
        Confidence = confidence;
    }

    /// <summary>The merged summary.</summary>
    public TSummary Summary { get; }

    /// <summary>The experiment seed.</summary>
    public ulong Seed { get; }

    /// <summary>The first replication index.</summary>
    public long FirstReplication { get; }

    /// <summary>The number of replications summarised (contiguous from <see cref="FirstReplication"/>).</summary>
    public long Replications { get; }

    /// <summary>Why the batch ended.</summary>
    public StopReason StopReason { get; }

    /// <summary>True when the batch was cancelled before running everything it was asked to.</summary>
    public bool IsPartial => StopReason == StopReason.Cancelled;

    /// <summary>The confidence level intervals are reported at.</summary>
    public double Confidence { get; }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"replications [{FirstReplication}, {FirstReplication + Replications}) of seed {Seed}{(IsPartial ? " (PARTIAL: cancelled)" : "")}") + Environment.NewLine + Summary;
}
