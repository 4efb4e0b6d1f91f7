using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Actors;

namespace SanctionsSim.Simulation;

/// <summary>
/// What the runner fills with a batch's replications before freezing it into a <see cref="SanctionsSummary"/>:
/// counts and exact sums only, so accumulators of disjoint replication ranges merge exactly (bit-identical to one
/// batch). <see cref="Freeze"/> hands it over to the immutable summary; every mutator refuses a frozen accumulator.
/// </summary>
/// <threadsafety>Not thread-safe; each thread fills its own and they are merged.</threadsafety>
internal sealed partial class SanctionsAccumulator : IMergeableSummary<SanctionsAccumulator>
{
    private const int PathBins = 500;
    private const int OutcomeCount = 4; // the values of OutcomeType
    private readonly long[] _collapseWeekCounts;
    private readonly Histogram[] _sharePath;
    private readonly RunningMoments[] _revenuePath;
    private readonly RunningMoments[] _humanitarianPath;
    private readonly RunningMoments[] _factionShare;
    private readonly RunningMoments[] _generalsDefected;
    private readonly RunningMoments[] _seniorsDefected;
    private readonly RunningMoments[] _lowRankCrossed;
    private readonly RunningMoments[] _deserted;
    private readonly long[] _firstTipping;
    private readonly long[] _outcomeCounts = new long[OutcomeCount];
    private readonly long[] _outcomeWeekCounts;
    private readonly RunningMoments[] _outcomeWeek = Make(OutcomeCount);
    private readonly RunningMoments[] _senderCost;
    private readonly string[] _factionNames;
    private readonly string[] _senderNames;

    private readonly List<RunRecord>? _runs;
    private readonly AgentPathSummary _agents;
    private bool _frozen;

    internal SanctionsAccumulator(string scenarioName, int weeks, string[] factionNames, string[] senderNames, bool recordRuns = false, double criticalShare = 1.0 / 3, AgentPathSummary? agents = null)
    {
        _agents = agents ?? new AgentPathSummary([], [], [], weeks);
        _runs = recordRuns ? [] : null;
        CriticalShare = criticalShare;
        ScenarioName = scenarioName;
        Weeks = weeks;
        _factionNames = factionNames;
        _senderNames = senderNames;
        _collapseWeekCounts = new long[weeks];
        _outcomeWeekCounts = new long[OutcomeCount * weeks];
        _sharePath = new Histogram[weeks];
        _revenuePath = new RunningMoments[weeks];
        _humanitarianPath = new RunningMoments[weeks];
        for (int w = 0; w < weeks; w++)
        {
            _sharePath[w] = new Histogram(0, 1, PathBins);
            _revenuePath[w] = new RunningMoments();
            _humanitarianPath[w] = new RunningMoments();
        }

        int f = factionNames.Length;
        _factionShare = Make(f);
        _generalsDefected = Make(f);
        _seniorsDefected = Make(f);
        _lowRankCrossed = Make(f);
        _deserted = Make(f);
        _firstTipping = new long[f];
        _senderCost = Make(senderNames.Length);
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>The horizon in weeks.</summary>
    public int Weeks { get; }

    /// <inheritdoc />
    public long Replications { get; private set; }

    /// <summary>Replications in which the ruler was gone within the horizon: the regime collapsed by defection or the high command removed him (<see cref="OutcomeType"/>).</summary>
    public long Collapses { get; private set; }

    /// <summary>
    /// The probability that the ruler is gone within the horizon (the regime collapsed by defection, or the high command
    /// removed the ruler), with standard error and intervals: P(<see cref="OutcomeType.CollapseByDefection"/>) +
    /// P(<see cref="OutcomeType.RemovedByHighCommand"/>). The name is kept for compatibility; with the high command off it is
    /// the probability of collapse by defection.
    /// </summary>
    public ProportionEstimate CollapseProbability => new(Collapses, Replications);

    /// <summary>The probability that a run ends in <paramref name="outcome"/>, with standard error and intervals; the four add up to 1.</summary>
    /// <param name="outcome">An outcome type.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined <see cref="OutcomeType"/>.</exception>
    public ProportionEstimate OutcomeProbability(OutcomeType outcome) => new(_outcomeCounts[Index(outcome)], Replications);

    /// <summary>One outcome type: its probability and its timing (a snapshot).</summary>
    /// <param name="outcome">An outcome type.</param>
    /// <returns>The outcome's summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined <see cref="OutcomeType"/>.</exception>
    public OutcomeSummary Outcome(OutcomeType outcome)
    {
        int k = Index(outcome);
        var week = new RunningMoments();
        week.Merge(_outcomeWeek[k]);
        return new OutcomeSummary
        {
            Outcome = outcome,
            Probability = new ProportionEstimate(_outcomeCounts[k], Replications),
            Week = week,
            WeekCounts = Array.AsReadOnly(_outcomeWeekCounts.AsSpan(k * Weeks, Weeks).ToArray()),
        };
    }

    /// <summary>Every outcome type, in the order of <see cref="OutcomeType"/>: survived, removed by the high command, collapse by defection, split.</summary>
    public IReadOnlyList<OutcomeSummary> Outcomes => [.. Enum.GetValues<OutcomeType>().Select(Outcome)];

    /// <summary>Moves the high command launched per run (0 with the high command off).</summary>
    public RunningMoments HighCommandMoves { get; } = new();

    /// <summary>Moves of the high command that failed per run (their plotters purged).</summary>
    public RunningMoments FailedHighCommandMoves { get; } = new();

    /// <summary>Weeks until collapse (0-based week of collapse), over the replications that collapsed.</summary>
    public RunningMoments TimeToCollapse { get; } = new();

    /// <summary>Weeks the regime survived, capped at the horizon (restricted mean survival time; defined for every run).</summary>
    public RunningMoments WeeksSurvived { get; } = new();

    /// <summary>Final defected share of command strength.</summary>
    public RunningMoments FinalDefectedShare { get; } = new();

    /// <summary>Distribution of the final defected share (1000 bins on [0, 1]).</summary>
    public Histogram FinalDefectedShareDistribution { get; } = new(0, 1, 1000);

    /// <summary>The largest number of officers defecting in one week (cascade size).</summary>
    public RunningMoments LargestWeeklyCascade { get; } = new();

    /// <summary>Distribution of the largest weekly cascade, in officers (log-friendly: 1 bin per officer up to 10,000).</summary>
    public Histogram LargestWeeklyCascadeDistribution { get; } = new(0, 10_000, 10_000);

    /// <summary>Officers purged after detected attempts.</summary>
    public RunningMoments Purges { get; } = new();

    /// <summary>Generals defecting in the first twelve weeks (January–March) (calibration: "a handful of senior officers").</summary>
    public RunningMoments EarlyGeneralDefections { get; } = new();

    /// <summary>Senior officers defecting in the first twelve weeks (January–March).</summary>
    public RunningMoments EarlySeniorDefections { get; } = new();

    /// <summary>Rank-and-file crossings in the first twelve weeks (January–March) (calibration: "hundreds of low-ranking members").</summary>
    public RunningMoments EarlyLowRankCrossings { get; } = new();

    /// <summary>Cumulative humanitarian burden over the run (USD billion of public spending lost outside patronage).</summary>
    public RunningMoments HumanitarianBurden { get; } = new();

    /// <summary>Cumulative revenue lost by the regime (USD billion).</summary>
    public RunningMoments RevenueLost { get; } = new();

    /// <summary>The regime's reserves abroad at the end (USD billion).</summary>
    public RunningMoments FinalReserves { get; } = new();

    /// <summary>The part of the reserves abroad the regime can still reach at the end (USD billion).</summary>
    public RunningMoments FinalReachableReserves { get; } = new();

    /// <summary>Officers reached by contact campaigns.</summary>
    public RunningMoments OfficersReached { get; } = new();

    /// <summary>One record per replication, in replication order, when the model was created with <c>recordRuns: true</c>; empty otherwise.</summary>
    public IReadOnlyList<RunRecord> Runs => (IReadOnlyList<RunRecord>?)_runs ?? [];

    /// <summary>Faction names, in scenario order.</summary>
    public IReadOnlyList<string> FactionNames => _factionNames;

    /// <summary>Sender names, in scenario order.</summary>
    public IReadOnlyList<string> SenderNames => _senderNames;

    /// <summary>The number of replications that collapsed in each week.</summary>
    public ReadOnlySpan<long> CollapseWeekCounts => _collapseWeekCounts;

    /// <summary>The survival curve: the probability that the regime still stands at the end of each week, with Wilson intervals.</summary>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>One (week, estimate, interval) per week.</returns>
    public IReadOnlyList<SurvivalPoint> SurvivalCurve(double confidence = 0.95)
    {
        var points = new SurvivalPoint[Weeks];
        long fallen = 0;
        for (int w = 0; w < Weeks; w++)
        {
            fallen += _collapseWeekCounts[w];
            var standing = new ProportionEstimate(Replications - fallen, Replications);
            points[w] = new SurvivalPoint(w, standing.Estimate, standing.Wilson(confidence));
        }

        return points;
    }

    /// <summary>The <paramref name="p"/>-quantile of the defected share at the end of each week (accurate to 0.002).</summary>
    /// <param name="p">Probability in [0, 1].</param>
    /// <returns>One value per week.</returns>
    public double[] DefectedSharePercentile(double p) => _sharePath.Select(h => h.Quantile(p)).ToArray();

    /// <summary>The mean revenue per week among runs still going that week (USD billion).</summary>
    /// <returns>One value per week (NaN when no run reached it).</returns>
    public double[] MeanRevenuePath() => _revenuePath.Select(m => m.Mean).ToArray();

    /// <summary>The mean humanitarian burden per week among runs still going (USD billion per week).</summary>
    /// <returns>One value per week.</returns>
    public double[] MeanHumanitarianPath() => _humanitarianPath.Select(m => m.Mean).ToArray();

    /// <summary>Per-faction results.</summary>
    /// <param name="faction">A faction name.</param>
    /// <returns>The faction's summary.</returns>
    /// <exception cref="KeyNotFoundException">No faction has that name.</exception>
    public FactionSummary Faction(string faction)
    {
        int f = Array.IndexOf(_factionNames, faction);
        if (f < 0)
        {
            throw new KeyNotFoundException($"No faction named '{faction}'; factions: {string.Join(", ", _factionNames)}.");
        }

        return new FactionSummary
        {
            Name = faction,
            DefectedShare = _factionShare[f],
            GeneralsDefected = _generalsDefected[f],
            SeniorOfficersDefected = _seniorsDefected[f],
            LowRankCrossings = _lowRankCrossed[f],
            Desertions = _deserted[f],
            TippedFirst = new ProportionEstimate(_firstTipping[f], Replications),
        };
    }

    /// <summary>A sender's total cost per replication (USD billion).</summary>
    /// <param name="sender">A sender name.</param>
    /// <returns>The cost's moments.</returns>
    /// <exception cref="KeyNotFoundException">No sender has that name.</exception>
    public RunningMoments SenderCost(string sender)
    {
        int s = Array.IndexOf(_senderNames, sender);
        return s >= 0 ? _senderCost[s] : throw new KeyNotFoundException($"No sender named '{sender}'; senders: {string.Join(", ", _senderNames)}.");
    }

    internal void Add(RunMetrics b, long replication)
    {
        System.Diagnostics.Debug.Assert(!_frozen, "A frozen accumulator is never filled."); // no check in Release: the hot path stays as it was
        _runs?.Add(new RunRecord(b, replication, _factionNames));
        Replications++;
        if (b.Collapsed)
        {
            Collapses++;
            _collapseWeekCounts[b.CollapseWeek]++;
            TimeToCollapse.Add(b.CollapseWeek);
        }

        int outcome = (int)b.Outcome;
        _outcomeCounts[outcome]++;
        if (b.OutcomeWeek >= 0)
        {
            _outcomeWeekCounts[(outcome * Weeks) + b.OutcomeWeek]++;
            _outcomeWeek[outcome].Add(b.OutcomeWeek);
        }

        HighCommandMoves.Add(b.HighCommandMoves);
        FailedHighCommandMoves.Add(b.FailedHighCommandMoves);
        WeeksSurvived.Add(b.Collapsed ? b.CollapseWeek : Weeks);
        FinalDefectedShare.Add(b.FinalShare);
        FinalDefectedShareDistribution.Add(b.FinalShare);
        LargestWeeklyCascade.Add(b.LargestWeeklyCascade);
        LargestWeeklyCascadeDistribution.Add(b.LargestWeeklyCascade);
        Purges.Add(b.Purges);
        EarlyGeneralDefections.Add(b.EarlyGeneralDefections);
        EarlySeniorDefections.Add(b.EarlySeniorDefections);
        EarlyLowRankCrossings.Add(b.EarlyLowRankCrossings);
        OfficersReached.Add(b.Reached);
        for (int w = 0; w < Weeks; w++)
        {
            _sharePath[w].Add(b.SharePath[w]);
        }

        for (int w = 0; w < b.WeeksRun; w++)
        {
            _revenuePath[w].Add(b.RevenuePath[w]);
            _humanitarianPath[w].Add(b.HumanitarianPath[w]);
        }

        HumanitarianBurden.Add(b.HumanitarianTotal);
        RevenueLost.Add(b.RevenueLostTotal);
        FinalReserves.Add(b.WeeksRun > 0 ? b.ReservesPath[b.WeeksRun - 1] : 0);
        FinalReachableReserves.Add(b.WeeksRun > 0 ? b.ReachableReservesPath[b.WeeksRun - 1] : 0);
        for (int f = 0; f < _factionNames.Length; f++)
        {
            _factionShare[f].Add(b.FactionShare[f]);
            _generalsDefected[f].Add(b.DefectedAgents[f * 2]);
            _seniorsDefected[f].Add(b.DefectedAgents[(f * 2) + 1]);
            _lowRankCrossed[f].Add(b.LowRankCrossed[f]);
            _deserted[f].Add(b.Deserted[f]);
        }

        if (b.FirstTippingFaction >= 0)
        {
            _firstTipping[b.FirstTippingFaction]++;
        }

        for (int s = 0; s < _senderNames.Length; s++)
        {
            _senderCost[s].Add(b.SenderCost[s]);
        }

        _agents.Add(b);
    }

    /// <summary>The adaptive agents' weekly series this scenario records (see <see cref="RunResult.AgentPaths"/>); empty without agents.</summary>
    public IReadOnlyList<string> AgentSeries => _agents.Names;

    /// <summary>The agents' per-run totals this scenario records (see <see cref="RunResult.AgentTotals"/>); empty without agents.</summary>
    public IReadOnlyList<string> AgentTotals => _agents.TotalNames;

    /// <summary>The <paramref name="p"/>-quantile of an agent series each week, over the runs still going that week (NaN for weeks no run reached); from a 200-bin histogram over the series' range, so exact to its bin width, and held within the values seen.</summary>
    /// <param name="series">A name from <see cref="AgentSeries"/>.</param>
    /// <param name="p">The quantile in [0, 1].</param>
    /// <returns>One value per week.</returns>
    /// <exception cref="ArgumentException">The scenario records no such series.</exception>
    public double[] AgentPathPercentile(string series, double p)
    {
        ArgumentNullException.ThrowIfNull(series);
        Internal.Guard.InRange(p, 0, 1);
        return _agents.Percentile(series, p);
    }

    /// <summary>The mean of an agent series each week with its standard error, over the runs still going that week.</summary>
    /// <param name="series">A name from <see cref="AgentSeries"/>.</param>
    /// <returns>One estimator per week.</returns>
    /// <exception cref="ArgumentException">The scenario records no such series.</exception>
    public IReadOnlyList<RunningMoments> AgentPathMean(string series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return _agents.Moments(series);
    }

    /// <summary>An agent total over runs (mean, standard error, range).</summary>
    /// <param name="name">A name from <see cref="AgentTotals"/>.</param>
    /// <returns>Its estimator.</returns>
    /// <exception cref="ArgumentException">The scenario records no such total.</exception>
    public RunningMoments AgentTotal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _agents.Total(name);
    }

    /// <summary>A new (unfrozen) accumulator of the replications of this one and <paramref name="other"/> (disjoint replications of the same scenario); neither is changed. Merging is exact: the result does not depend on how the replications were split or in which order the parts are combined.</summary>
    /// <param name="other">An accumulator of other replications of the same scenario.</param>
    /// <returns>The combined accumulator.</returns>
    /// <exception cref="ArgumentException">The accumulators are of scenarios of different shapes.</exception>
    public SanctionsAccumulator Combine(SanctionsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var combined = EmptyLike();
        combined.MergeFrom(this);
        combined.MergeFrom(other);
        return combined;
    }

    /// <summary>Whether <see cref="Freeze"/> handed this accumulator to a summary (nothing may change it then).</summary>
    internal bool IsFrozen => _frozen;

    /// <summary>Hands this accumulator over to an immutable summary: from now on every mutator throws.</summary>
    /// <returns>The summary.</returns>
    internal SanctionsSummary Freeze()
    {
        _frozen = true;
        return new SanctionsSummary(this);
    }

    /// <inheritdoc />
    void IMergeableSummary<SanctionsAccumulator>.Merge(SanctionsAccumulator other) => MergeFrom(other);

    /// <inheritdoc />
    void IMergeableSummary<SanctionsAccumulator>.Clear() => Reset();

    /// <summary>An empty (unfrozen) accumulator of the same scenario's shape.</summary>
    internal SanctionsAccumulator EmptyLike() => new(ScenarioName, Weeks, _factionNames, _senderNames, _runs is not null, CriticalShare, _agents.EmptyLike());

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("This accumulator was frozen into a SanctionsSummary, which is immutable.");
        }
    }

    /// <summary>The scenario's collapse threshold: the defected share of command strength at which the regime falls (charts draw it).</summary>
    public double CriticalShare { get; }

    internal void MergeFrom(SanctionsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfFrozen();
        if (other.Weeks != Weeks || other._factionNames.Length != _factionNames.Length || other._senderNames.Length != _senderNames.Length
            || !other._agents.Names.AsSpan().SequenceEqual(_agents.Names) || !other._agents.TotalNames.AsSpan().SequenceEqual(_agents.TotalNames))
        {
            throw new ArgumentException("Only summaries of the same scenario can be merged.", nameof(other));
        }

        Replications += other.Replications;
        Collapses += other.Collapses;
        if (_runs is not null && other._runs is not null)
        {
            _runs.AddRange(other._runs);
        }

        for (int w = 0; w < Weeks; w++)
        {
            _collapseWeekCounts[w] += other._collapseWeekCounts[w];
            _sharePath[w].Merge(other._sharePath[w]);
            _revenuePath[w].Merge(other._revenuePath[w]);
            _humanitarianPath[w].Merge(other._humanitarianPath[w]);
        }

        foreach (var (mine, theirs) in Pairs(other))
        {
            mine.Merge(theirs);
        }

        FinalDefectedShareDistribution.Merge(other.FinalDefectedShareDistribution);
        LargestWeeklyCascadeDistribution.Merge(other.LargestWeeklyCascadeDistribution);
        _agents.MergeFrom(other._agents);
        for (int f = 0; f < _firstTipping.Length; f++)
        {
            _firstTipping[f] += other._firstTipping[f];
        }

        for (int k = 0; k < _outcomeCounts.Length; k++)
        {
            _outcomeCounts[k] += other._outcomeCounts[k];
        }

        for (int k = 0; k < _outcomeWeekCounts.Length; k++)
        {
            _outcomeWeekCounts[k] += other._outcomeWeekCounts[k];
        }
    }

    internal void Reset()
    {
        ThrowIfFrozen();
        _runs?.Clear();
        Replications = 0;
        Collapses = 0;
        Array.Clear(_collapseWeekCounts);
        Array.Clear(_firstTipping);
        Array.Clear(_outcomeCounts);
        Array.Clear(_outcomeWeekCounts);
        for (int w = 0; w < Weeks; w++)
        {
            _sharePath[w].Clear();
            _revenuePath[w].Clear();
            _humanitarianPath[w].Clear();
        }

        foreach (var (mine, _) in Pairs(this))
        {
            mine.Clear();
        }

        FinalDefectedShareDistribution.Clear();
        LargestWeeklyCascadeDistribution.Clear();
        _agents.Reset();
    }

    /// <inheritdoc />
    public double StoppingHalfWidth(double confidence) => CollapseProbability.Wilson(confidence).HalfWidth;

    /// <summary>A readable multi-line summary: collapse probability with its interval, timing, defections, costs.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var b = new System.Text.StringBuilder();
        b.Append(c, $"{ScenarioName}: {Replications:N0} runs of {Weeks} weeks\n");
        b.Append(c, $"  P(collapse)            {CollapseProbability.Estimate:F3}  95% CI {CollapseProbability.Wilson()}\n");
        if (TimeToCollapse.Count > 0)
        {
            b.Append(c, $"  week of collapse       {TimeToCollapse.Mean + 1:F1} ± {TimeToCollapse.StandardError:F1} (runs that collapsed)\n");
        }

        b.Append(c, $"  final defected share   {FinalDefectedShare.Mean:P2} ± {FinalDefectedShare.StandardError:P2} (p05 {FinalDefectedShareDistribution.Quantile(0.05):P1}, p95 {FinalDefectedShareDistribution.Quantile(0.95):P1})\n");
        b.Append(c, $"  largest weekly cascade {LargestWeeklyCascade.Mean:F1} officers ± {LargestWeeklyCascade.StandardError:F1}\n");
        b.Append(c, $"  weeks 1–12             {EarlyGeneralDefections.Mean:F2} generals, {EarlySeniorDefections.Mean:F2} senior officers, {EarlyLowRankCrossings.Mean:N0} rank and file\n");
        b.Append(c, $"  humanitarian burden    USD {HumanitarianBurden.Mean:F2} bn ± {HumanitarianBurden.StandardError:F2}");
        return b.ToString();
    }

    /// <summary>True when both summaries hold exactly the same statistics.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are identical.</returns>
    public bool ExactlyEquals(SanctionsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Replications != other.Replications || Collapses != other.Collapses || Weeks != other.Weeks
            || !_collapseWeekCounts.AsSpan().SequenceEqual(other._collapseWeekCounts) || !_firstTipping.AsSpan().SequenceEqual(other._firstTipping)
            || !_outcomeCounts.AsSpan().SequenceEqual(other._outcomeCounts) || !_outcomeWeekCounts.AsSpan().SequenceEqual(other._outcomeWeekCounts)
            || !FinalDefectedShareDistribution.ExactlyEquals(other.FinalDefectedShareDistribution))
        {
            return false;
        }

        for (int w = 0; w < Weeks; w++)
        {
            if (!_sharePath[w].ExactlyEquals(other._sharePath[w]) || !_revenuePath[w].ExactlyEquals(other._revenuePath[w]))
            {
                return false;
            }
        }

        return Pairs(other).All(p => p.Mine.ExactlyEquals(p.Theirs)) && _agents.ExactlyEquals(other._agents);
    }

    private IEnumerable<(RunningMoments Mine, RunningMoments Theirs)> Pairs(SanctionsAccumulator other)
    {
        yield return (TimeToCollapse, other.TimeToCollapse);
        yield return (WeeksSurvived, other.WeeksSurvived);
        yield return (FinalDefectedShare, other.FinalDefectedShare);
        yield return (LargestWeeklyCascade, other.LargestWeeklyCascade);
        yield return (Purges, other.Purges);
        yield return (EarlyGeneralDefections, other.EarlyGeneralDefections);
        yield return (EarlySeniorDefections, other.EarlySeniorDefections);
        yield return (EarlyLowRankCrossings, other.EarlyLowRankCrossings);
        yield return (HumanitarianBurden, other.HumanitarianBurden);
        yield return (RevenueLost, other.RevenueLost);
        yield return (FinalReserves, other.FinalReserves);
        yield return (OfficersReached, other.OfficersReached);
        yield return (FinalReachableReserves, other.FinalReachableReserves);
        for (int f = 0; f < _factionNames.Length; f++)
        {
            yield return (_factionShare[f], other._factionShare[f]);
            yield return (_generalsDefected[f], other._generalsDefected[f]);
            yield return (_seniorsDefected[f], other._seniorsDefected[f]);
            yield return (_lowRankCrossed[f], other._lowRankCrossed[f]);
            yield return (_deserted[f], other._deserted[f]);
        }

        for (int s = 0; s < _senderNames.Length; s++)
        {
            yield return (_senderCost[s], other._senderCost[s]);
        }

        for (int k = 0; k < OutcomeCount; k++)
        {
            yield return (_outcomeWeek[k], other._outcomeWeek[k]);
        }

        yield return (HighCommandMoves, other.HighCommandMoves);
        yield return (FailedHighCommandMoves, other.FailedHighCommandMoves);
    }

    private static int Index(OutcomeType outcome)
        => outcome is >= OutcomeType.Survived and <= OutcomeType.Split ? (int)outcome
            : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a defined OutcomeType.");

    private static RunningMoments[] Make(int count)
    {
        var a = new RunningMoments[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = new RunningMoments();
        }

        return a;
    }
}
