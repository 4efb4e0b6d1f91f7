using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>
/// The summary of a batch of replications of a sanctions scenario: the probability of collapse with its
/// interval, the time-to-collapse distribution (survival curve), percentile bands of the defection path, the
/// cascade-size distribution, per-faction results, and costs. Holds counts and exact sums only, so summaries of
/// disjoint replication ranges combine exactly (<see cref="Combine"/>: bit-identical to one batch).
/// </summary>
/// <remarks>
/// Immutable: the runner fills an internal accumulator (one per worker block, merged in replication order) and
/// freezes the finished one into this summary, which nothing changes afterwards.
/// </remarks>
/// <threadsafety>Immutable; safe to read from several threads.</threadsafety>
public sealed class SanctionsSummary : ICombinableSummary<SanctionsSummary>
{
    private readonly SanctionsAccumulator _a;

    /// <summary>Wraps a frozen accumulator (<see cref="SanctionsAccumulator.Freeze"/>), which nothing changes afterwards.</summary>
    internal SanctionsSummary(SanctionsAccumulator frozen) => _a = frozen;

    /// <summary>The frozen state, read-only (serialisation, comparisons, copies to merge).</summary>
    internal SanctionsAccumulator State => _a;

    /// <summary>The scenario's name.</summary>
    public string ScenarioName => _a.ScenarioName;

    /// <summary>The horizon in weeks.</summary>
    public int Weeks => _a.Weeks;

    /// <summary>Number of replications summarised.</summary>
    public long Replications => _a.Replications;

    /// <summary>Replications in which the ruler was gone within the horizon: the regime collapsed by defection or the high command removed him (<see cref="OutcomeType"/>).</summary>
    public long Collapses => _a.Collapses;

    /// <summary>
    /// The probability that the ruler is gone within the horizon (the regime collapsed by defection, or the high command
    /// removed the ruler), with standard error and intervals: P(<see cref="OutcomeType.CollapseByDefection"/>) +
    /// P(<see cref="OutcomeType.RemovedByHighCommand"/>). The name is kept for compatibility; with the high command off it is
    /// the probability of collapse by defection.
    /// </summary>
    public ProportionEstimate CollapseProbability => _a.CollapseProbability;

    /// <summary>One outcome type: its probability and its timing (a snapshot).</summary>
    /// <param name="outcome">An outcome type.</param>
    /// <returns>The outcome's summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined <see cref="OutcomeType"/>.</exception>
    public OutcomeSummary Outcome(OutcomeType outcome) => _a.Outcome(outcome);

    /// <summary>Every outcome type, in the order of <see cref="OutcomeType"/>: survived, removed by the high command, collapse by defection, split.</summary>
    public IReadOnlyList<OutcomeSummary> Outcomes => _a.Outcomes;

    /// <summary>Moves the high command launched per run (0 with the high command off).</summary>
    public RunningMoments HighCommandMoves => _a.HighCommandMoves;

    /// <summary>Moves of the high command that failed per run (their plotters purged).</summary>
    public RunningMoments FailedHighCommandMoves => _a.FailedHighCommandMoves;

    /// <summary>Weeks until collapse (0-based week of collapse), over the replications that collapsed.</summary>
    public RunningMoments TimeToCollapse => _a.TimeToCollapse;

    /// <summary>Weeks the regime survived, capped at the horizon (restricted mean survival time; defined for every run).</summary>
    public RunningMoments WeeksSurvived => _a.WeeksSurvived;

    /// <summary>Final defected share of command strength.</summary>
    public RunningMoments FinalDefectedShare => _a.FinalDefectedShare;

    /// <summary>Distribution of the final defected share (1000 bins on [0, 1]).</summary>
    internal Histogram FinalDefectedShareDistribution => _a.FinalDefectedShareDistribution;

    /// <summary>
    /// A quantile of the final defected share over the replications (for example 0.05 and 0.95 for the range that holds
    /// 90 % of the runs), read from a histogram of 1,000 bins on [0, 1] and interpolated within its bin, so exact to
    /// 0.001; NaN when there are no replications.
    /// </summary>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>The share below which a fraction <paramref name="p"/> of the replications ended.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1] (NaN included).</exception>
    public double FinalDefectedShareQuantile(double p) => _a.FinalDefectedShareDistribution.Quantile(p);

    /// <summary>
    /// A quantile of the largest weekly cascade (officers defecting in one week) over the replications, read from a
    /// histogram with one bin per officer up to 10,000 and interpolated within its bin (a cascade larger than 10,000
    /// counts as 10,000); NaN when there are no replications.
    /// </summary>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>The cascade size below which a fraction <paramref name="p"/> of the replications' largest cascades lie.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1] (NaN included).</exception>
    public double LargestWeeklyCascadeQuantile(double p) => _a.LargestWeeklyCascadeDistribution.Quantile(p);

    /// <summary>The largest number of officers defecting in one week (cascade size).</summary>
    public RunningMoments LargestWeeklyCascade => _a.LargestWeeklyCascade;

    /// <summary>Distribution of the largest weekly cascade, in officers (log-friendly: 1 bin per officer up to 10,000).</summary>
    internal Histogram LargestWeeklyCascadeDistribution => _a.LargestWeeklyCascadeDistribution;

    /// <summary>Officers purged after detected attempts.</summary>
    public RunningMoments Purges => _a.Purges;

    /// <summary>Generals defecting in the first twelve weeks (January–March) (calibration: "a handful of senior officers").</summary>
    public RunningMoments EarlyGeneralDefections => _a.EarlyGeneralDefections;

    /// <summary>Senior officers defecting in the first twelve weeks (January–March).</summary>
    public RunningMoments EarlySeniorDefections => _a.EarlySeniorDefections;

    /// <summary>Rank-and-file crossings in the first twelve weeks (January–March) (calibration: "hundreds of low-ranking members").</summary>
    public RunningMoments EarlyLowRankCrossings => _a.EarlyLowRankCrossings;

    /// <summary>Cumulative humanitarian burden over the run (USD billion of public spending lost outside patronage).</summary>
    public RunningMoments HumanitarianBurden => _a.HumanitarianBurden;

    /// <summary>Cumulative revenue lost by the regime (USD billion).</summary>
    public RunningMoments RevenueLost => _a.RevenueLost;

    /// <summary>The regime's reserves abroad at the end (USD billion).</summary>
    public RunningMoments FinalReserves => _a.FinalReserves;

    /// <summary>The part of the reserves abroad the regime can still reach at the end (USD billion).</summary>
    public RunningMoments FinalReachableReserves => _a.FinalReachableReserves;

    /// <summary>Officers reached by contact campaigns.</summary>
    public RunningMoments OfficersReached => _a.OfficersReached;

    /// <summary>One record per replication, in replication order, when the model was created with <c>recordRuns: true</c>; empty otherwise.</summary>
    internal IReadOnlyList<RunRecord> Runs => _a.Runs;

    /// <summary>Faction names, in scenario order.</summary>
    public IReadOnlyList<string> FactionNames => _a.FactionNames;

    /// <summary>Sender names, in scenario order.</summary>
    public IReadOnlyList<string> SenderNames => _a.SenderNames;

    /// <summary>The number of replications that collapsed in each week.</summary>
    public ReadOnlySpan<long> CollapseWeekCounts => _a.CollapseWeekCounts;

    /// <summary>The survival curve: the probability that the regime still stands at the end of each week, with Wilson intervals.</summary>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>One (week, estimate, interval) per week.</returns>
    public IReadOnlyList<SurvivalPoint> SurvivalCurve(double confidence = 0.95) => _a.SurvivalCurve(confidence);

    /// <summary>Per-faction results.</summary>
    /// <param name="faction">A faction name.</param>
    /// <returns>The faction's summary.</returns>
    /// <exception cref="KeyNotFoundException">No faction has that name.</exception>
    public FactionSummary Faction(string faction) => _a.Faction(faction);

    /// <summary>A sender's total cost per replication (USD billion).</summary>
    /// <param name="sender">A sender name.</param>
    /// <returns>The cost's moments.</returns>
    /// <exception cref="KeyNotFoundException">No sender has that name.</exception>
    public RunningMoments SenderCost(string sender) => _a.SenderCost(sender);

    /// <summary>The adaptive agents' weekly series this scenario records (see <see cref="RunResult.AgentPaths"/>); empty without agents.</summary>
    public IReadOnlyList<string> AgentSeries => _a.AgentSeries;

    /// <summary>The agents' per-run totals this scenario records (see <see cref="RunResult.AgentTotals"/>); empty without agents.</summary>
    public IReadOnlyList<string> AgentTotals => _a.AgentTotals;

    /// <summary>The <paramref name="p"/>-quantile of an agent series each week, over the runs still going that week (NaN for weeks no run reached); from a 200-bin histogram over the series' range, so exact to its bin width, and held within the values seen.</summary>
    /// <param name="series">A name from <see cref="AgentSeries"/>.</param>
    /// <param name="p">The quantile in [0, 1].</param>
    /// <returns>One value per week.</returns>
    /// <exception cref="ArgumentException">The scenario records no such series.</exception>
    public double[] AgentPathPercentile(string series, double p) => _a.AgentPathPercentile(series, p);

    /// <summary>The mean of an agent series each week with its standard error, over the runs still going that week.</summary>
    /// <param name="series">A name from <see cref="AgentSeries"/>.</param>
    /// <returns>One estimator per week.</returns>
    /// <exception cref="ArgumentException">The scenario records no such series.</exception>
    public IReadOnlyList<RunningMoments> AgentPathMean(string series) => _a.AgentPathMean(series);

    /// <summary>An agent total over runs (mean, standard error, range).</summary>
    /// <param name="name">A name from <see cref="AgentTotals"/>.</param>
    /// <returns>Its estimator.</returns>
    /// <exception cref="ArgumentException">The scenario records no such total.</exception>
    public RunningMoments AgentTotal(string name) => _a.AgentTotal(name);

    /// <summary>A new summary of the replications of this one and <paramref name="other"/> (disjoint replications of the same scenario, for example shards run on different machines); neither is changed. Merging is exact: the result does not depend on how the replications were split or in which order the parts are combined.</summary>
    /// <param name="other">A summary of other replications of the same scenario.</param>
    /// <returns>The combined summary.</returns>
    /// <exception cref="ArgumentException">The summaries are of scenarios of different shapes.</exception>
    public SanctionsSummary Combine(SanctionsSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _a.Combine(other._a).Freeze();
    }

    /// <summary>The scenario's collapse threshold: the defected share of command strength at which the regime falls (charts draw it).</summary>
    public double CriticalShare => _a.CriticalShare;

    /// <summary>A readable multi-line summary: collapse probability with its interval, timing, defections, costs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _a.ToString();

    /// <summary>True when both summaries hold exactly the same statistics.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are identical.</returns>
    public bool ExactlyEquals(SanctionsSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _a.ExactlyEquals(other._a);
    }

    /// <summary>The probability that a run ends in <paramref name="outcome"/>, with standard error and intervals; the four add up to 1.</summary>
    /// <param name="outcome">An outcome type.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined <see cref="OutcomeType"/>.</exception>
    public ProportionEstimate OutcomeProbability(OutcomeType outcome) => _a.OutcomeProbability(outcome);

    /// <summary>The <paramref name="p"/>-quantile of the defected share at the end of each week (accurate to 0.002).</summary>
    /// <param name="p">Probability in [0, 1].</param>
    /// <returns>One value per week.</returns>
    public double[] DefectedSharePercentile(double p) => _a.DefectedSharePercentile(p);

    /// <summary>The mean revenue per week among runs still going that week (USD billion).</summary>
    /// <returns>One value per week (NaN when no run reached it).</returns>
    public double[] MeanRevenuePath() => _a.MeanRevenuePath();

    /// <summary>The mean humanitarian burden per week among runs still going (USD billion per week).</summary>
    /// <returns>One value per week.</returns>
    public double[] MeanHumanitarianPath() => _a.MeanHumanitarianPath();

    /// <summary>The half-width of the collapse probability's Wilson interval (what sequential stopping watches).</summary>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The half-width; NaN or infinity when unknown.</returns>
    public double StoppingHalfWidth(double confidence) => _a.StoppingHalfWidth(confidence);

    /// <summary>
    /// Writes the summary's exact state (counts, exact sums, histograms, run records) in a binary checkpoint
    /// format, so that a batch can be resumed later and finish bit-identical to an uninterrupted one.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream) => _a.WriteTo(stream);
}
