using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Cascades;

/// <summary>
/// A mergeable summary of cascade replications: how often the final active share reached the global-cascade
/// cut-off, the sizes of global cascades and of all cascades, and their distribution.
/// </summary>
/// <threadsafety>Not thread-safe; the runner gives each thread its own instance and merges them.</threadsafety>
public sealed class CascadeSummary : IMergeableSummary<CascadeSummary>
{
    private readonly RunningMoments _globalSizes = new();
    private readonly RunningMoments _sizes = new();
    private readonly RunningMoments _rounds = new();
    private readonly RunningMoments _edgesTouched = new();
    private readonly Histogram _sizeHistogram = new(0.0, 1.0, 1000);
    private readonly Histogram _logCountHistogram = new(0.0, 9.0, 900);

    /// <summary>Creates an empty summary.</summary>
    /// <param name="globalFraction">The final active share at or above which a cascade counts as global, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="globalFraction"/> is not in (0, 1].</exception>
    public CascadeSummary(double globalFraction)
    {
        GlobalFraction = Guard.InRange(globalFraction, double.Epsilon, 1.0);
    }

    /// <summary>The global-cascade cut-off (a final active share).</summary>
    public double GlobalFraction { get; }

    /// <inheritdoc />
    public long Replications { get; private set; }

    /// <summary>Replications whose final active share reached <see cref="GlobalFraction"/>.</summary>
    public long GlobalCascades { get; private set; }

    /// <summary>The frequency of global cascades, with its standard error and intervals.</summary>
    public ProportionEstimate GlobalCascadeFrequency => new(GlobalCascades, Replications);

    /// <summary>Final active shares of the global cascades (mean, standard error, extremes).</summary>
    public RunningMoments GlobalCascadeSize => _globalSizes;

    /// <summary>Final active shares of all replications.</summary>
    public RunningMoments CascadeSize => _sizes;

    /// <summary>Synchronous rounds until quiescence.</summary>
    public RunningMoments Rounds => _rounds;

    /// <summary>Edge slots examined per replication (the kernel's cost).</summary>
    public RunningMoments EdgesTouched => _edgesTouched;

    /// <summary>Distribution of the final active share (1000 bins on [0, 1]).</summary>
    internal Histogram SizeDistribution => _sizeHistogram;

    /// <summary>Distribution of log₁₀(final active agents), 100 bins per decade from 1 to 10⁹ agents: the cascade-size distribution at every scale.</summary>
    internal Histogram LogSizeDistribution => _logCountHistogram;

    /// <summary>Adds one replication's outcome.</summary>
    /// <param name="activeCount">Final number of active agents (0 ≤ activeCount ≤ nodeCount).</param>
    /// <param name="nodeCount">Number of agents (&gt; 0).</param>
    /// <param name="rounds">Rounds to quiescence (≥ 0).</param>
    /// <param name="edgesTouched">Edge slots examined (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    internal void Add(int activeCount, int nodeCount, int rounds, long edgesTouched)
    {
        Guard.Positive(nodeCount);
        Guard.InRange(activeCount, 0, nodeCount);
        double share = (double)activeCount / nodeCount;
        _sizes.Add(share);
        _sizeHistogram.Add(share);
        if (activeCount > 0)
        {
            _logCountHistogram.Add(Math.Log10(activeCount));
        }

        _rounds.Add(rounds);
        _edgesTouched.Add(edgesTouched);
        if (share >= GlobalFraction)
        {
            GlobalCascades++;
            _globalSizes.Add(share);
        }

        Replications++;
    }

    /// <summary>A new summary of the replications of this one and <paramref name="other"/> (disjoint replications of the same model); neither is changed. Exact, whatever the split or order.</summary>
    /// <param name="other">A summary of other replications with the same global-cascade cut-off.</param>
    /// <returns>The combined summary.</returns>
    public CascadeSummary Combine(CascadeSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var combined = new CascadeSummary(GlobalFraction);
        combined.MergeFrom(this);
        combined.MergeFrom(other);
        return combined;
    }

    /// <inheritdoc />
    void IMergeableSummary<CascadeSummary>.Merge(CascadeSummary other) => MergeFrom(other);

    /// <inheritdoc />
    void IMergeableSummary<CascadeSummary>.Clear() => Reset();

    private void MergeFrom(CascadeSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.GlobalFraction != GlobalFraction)
        {
            throw new ArgumentException("Summaries with different global-cascade cut-offs cannot be merged.", nameof(other));
        }

        _globalSizes.Merge(other._globalSizes);
        _sizes.Merge(other._sizes);
        _rounds.Merge(other._rounds);
        _edgesTouched.Merge(other._edgesTouched);
        _sizeHistogram.Merge(other._sizeHistogram);
        _logCountHistogram.Merge(other._logCountHistogram);
        GlobalCascades += other.GlobalCascades;
        Replications += other.Replications;
    }

    private void Reset()
    {
        _globalSizes.Clear();
        _sizes.Clear();
        _rounds.Clear();
        _edgesTouched.Clear();
        _sizeHistogram.Clear();
        _logCountHistogram.Clear();
        GlobalCascades = 0;
        Replications = 0;
    }

    /// <inheritdoc />
    public double StoppingHalfWidth(double confidence) => GlobalCascadeFrequency.Wilson(confidence).HalfWidth;

    /// <summary>A readable summary: the global-cascade frequency with its interval and the sizes.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Replications:N0} runs: P(global cascade) {GlobalCascadeFrequency.Estimate:F3}, 95% CI {GlobalCascadeFrequency.Wilson()}; mean global size {GlobalCascadeSize.Mean:F3}; mean size {CascadeSize.Mean:F3}");

    /// <summary>True when both summaries hold exactly the same statistics.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are identical.</returns>
    public bool ExactlyEquals(CascadeSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Replications == other.Replications && GlobalCascades == other.GlobalCascades
            && _globalSizes.ExactlyEquals(other._globalSizes) && _sizes.ExactlyEquals(other._sizes)
            && _rounds.ExactlyEquals(other._rounds) && _edgesTouched.ExactlyEquals(other._edgesTouched)
            && _sizeHistogram.ExactlyEquals(other._sizeHistogram) && _logCountHistogram.ExactlyEquals(other._logCountHistogram);
    }
}
