using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>
/// Compares policy packages (scenarios) on common random numbers: replication i of every arm uses the same
/// officers, network, events and decision noise (streams keyed by the same seed and i), so the difference
/// between arms is estimated with far less noise than either arm alone.
/// </summary>
/// <remarks>
/// For each arm k ≥ 1 and replication i the paired differences d_i = Y_k,i − Y_0,i of the collapse indicator
/// and of the weeks survived (capped at the horizon) are accumulated; their mean is the effect and their
/// standard error sqrt(Var(d)/n) its uncertainty. Had the arms run on independent streams, the variance of the
/// difference would be Var(Y_0) + Var(Y_k); the ratio of that to Var(d) is the variance reduction reported.
/// All arms must share the horizon.
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PolicyComparison : IMonteCarloExperiment<ComparisonSummary>
{
    private readonly SanctionsModel[] _arms;

    /// <summary>Prepares a comparison of two or more scenarios; the first is the reference arm.</summary>
    /// <param name="arms">The scenarios (at least two, same horizon).</param>
    /// <exception cref="ArgumentException">Fewer than two arms, or horizons differ.</exception>
    /// <exception cref="Scenarios.ScenarioValidationException">An arm is invalid.</exception>
    public PolicyComparison(IReadOnlyList<Scenario> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2)
        {
            throw new ArgumentException($"A comparison needs at least two arms; got {arms.Count}.", nameof(arms));
        }

        _arms = arms.Select(a => new SanctionsModel(a)).ToArray();
        int weeks = _arms[0].Scenario.Weeks;
        for (int k = 1; k < _arms.Length; k++)
        {
            if (_arms[k].Scenario.Weeks != weeks)
            {
                throw new ArgumentException($"All arms need the same horizon; arm 0 has {weeks} weeks, arm {k} ('{_arms[k].Scenario.Name}') has {_arms[k].Scenario.Weeks}.", nameof(arms));
            }
        }
    }

    /// <summary>The arms' scenarios.</summary>
    public IReadOnlyList<Scenario> Arms => _arms.Select(a => a.Scenario).ToArray();

    /// <summary>Runs the comparison.</summary>
    /// <param name="options">Replications, seed, threads.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch; the result is then partial.</param>
    /// <returns>The result.</returns>
    public MonteCarloResult<ComparisonSummary> Run(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => new MonteCarloRunner(options).Run(this, progress, cancellationToken);

    /// <inheritdoc />
    public IReplicationWorker<ComparisonSummary> CreateWorker() => new Worker(_arms);

    /// <inheritdoc />
    public ComparisonSummary CreateSummary() => new(_arms.Select(a => a.CreateSummary()).ToArray());

    private sealed class Worker : IReplicationWorker<ComparisonSummary>
    {
        private readonly Replication[] _workers;
        private readonly double[] _collapse;
        private readonly double[] _weeks;

        public Worker(SanctionsModel[] arms)
        {
            _workers = arms.Select(a => new Replication(a.Plan)).ToArray();
            _collapse = new double[arms.Length];
            _weeks = new double[arms.Length];
        }

        public void Run(ulong seed, long replication, ComparisonSummary summary)
        {
            for (int k = 0; k < _workers.Length; k++)
            {
                Replication w = _workers[k];
                w.Run(seed, replication);
                summary.ArmSummaries[k].Add(w.Metrics, replication);
                _collapse[k] = w.Metrics.Collapsed ? 1 : 0;
                _weeks[k] = w.Metrics.Collapsed ? w.Metrics.CollapseWeek : w.Metrics.SharePath.Length;
            }

            summary.AddPaired(_collapse, _weeks);
        }
    }
}

/// <summary>The summary of a common-random-numbers comparison: each arm's summary and paired differences against the first arm.</summary>
/// <threadsafety>Not thread-safe; merged by the runner.</threadsafety>
public sealed class ComparisonSummary : IMergeableSummary<ComparisonSummary>
{
    private readonly RunningMoments[] _collapseDifference;
    private readonly RunningMoments[] _weeksDifference;

    internal ComparisonSummary(SanctionsSummary[] arms)
    {
        ArmSummaries = arms;
        _collapseDifference = new RunningMoments[arms.Length];
        _weeksDifference = new RunningMoments[arms.Length];
        for (int k = 0; k < arms.Length; k++)
        {
            _collapseDifference[k] = new RunningMoments();
            _weeksDifference[k] = new RunningMoments();
        }
    }

    /// <summary>Each arm's own summary, in arm order.</summary>
    public IReadOnlyList<SanctionsSummary> Arms => ArmSummaries;

    /// <inheritdoc />
    public long Replications => ArmSummaries[0].Replications;

    internal SanctionsSummary[] ArmSummaries { get; }

    /// <summary>The effect of arm <paramref name="arm"/> against arm 0.</summary>
    /// <param name="arm">Arm index, 1 to arms − 1.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The paired effect estimates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arm"/> is out of range.</exception>
    public ArmEffect Effect(int arm, double confidence = 0.95)
    {
        Guard.InRange(arm, 1, ArmSummaries.Length - 1);
        SanctionsSummary a = ArmSummaries[0], b = ArmSummaries[arm];
        RunningMoments dc = _collapseDifference[arm], dw = _weeksDifference[arm];
        double independentCollapseVariance = Variance(b.CollapseProbability) + Variance(a.CollapseProbability);
        double independentWeeksVariance = b.WeeksSurvived.Variance + a.WeeksSurvived.Variance;
        return new ArmEffect
        {
            Arm = b.ScenarioName,
            Reference = a.ScenarioName,
            CollapseProbabilityDifference = dc.Mean,
            CollapseProbabilityDifferenceStandardError = dc.StandardError,
            CollapseProbabilityDifferenceInterval = dc.MeanInterval(confidence),
            WeeksSurvivedDifference = dw.Mean,
            WeeksSurvivedDifferenceStandardError = dw.StandardError,
            WeeksSurvivedDifferenceInterval = dw.MeanInterval(confidence),
            CollapseVarianceReduction = dc.Variance > 0 ? independentCollapseVariance / dc.Variance : double.PositiveInfinity,
            WeeksVarianceReduction = dw.Variance > 0 ? independentWeeksVariance / dw.Variance : double.PositiveInfinity,
        };

        static double Variance(ProportionEstimate p) => p.Trials < 2 ? double.NaN : p.Estimate * (1 - p.Estimate) * p.Trials / (p.Trials - 1);
    }

    internal void AddPaired(double[] collapse, double[] weeks)
    {
        for (int k = 1; k < collapse.Length; k++)
        {
            _collapseDifference[k].Add(collapse[k] - collapse[0]);
            _weeksDifference[k].Add(weeks[k] - weeks[0]);
        }
    }

    /// <inheritdoc />
    public void Merge(ComparisonSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int k = 0; k < ArmSummaries.Length; k++)
        {
            ArmSummaries[k].Merge(other.ArmSummaries[k]);
            _collapseDifference[k].Merge(other._collapseDifference[k]);
            _weeksDifference[k].Merge(other._weeksDifference[k]);
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        for (int k = 0; k < ArmSummaries.Length; k++)
        {
            ArmSummaries[k].Clear();
            _collapseDifference[k].Clear();
            _weeksDifference[k].Clear();
        }
    }

    /// <summary>A readable table: each arm's collapse probability and its paired effect against the first arm.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var b = new System.Text.StringBuilder();
        b.Append(c, $"{Replications:N0} paired runs (common random numbers)");
        for (int k = 0; k < ArmSummaries.Length; k++)
        {
            var p = ArmSummaries[k].CollapseProbability;
            b.Append(c, $"\n  {ArmSummaries[k].ScenarioName}: P(collapse) {p.Estimate:F3} {p.Wilson()}");
            if (k > 0 && Replications > 1)
            {
                var e = Effect(k);
                b.Append(c, $"; ΔP {e.CollapseProbabilityDifference:+0.000;-0.000;0.000} {e.CollapseProbabilityDifferenceInterval}, Δ weeks {e.WeeksSurvivedDifference:+0.0;-0.0;0.0}");
            }
        }

        return b.ToString();
    }

    /// <inheritdoc />
    public double StoppingHalfWidth(double confidence)
    {
        double worst = 0;
        for (int k = 1; k < ArmSummaries.Length; k++)
        {
            worst = Math.Max(worst, _collapseDifference[k].MeanInterval(confidence).HalfWidth);
        }

        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }
}

/// <summary>The effect of one arm against the reference arm, from paired (common-random-number) replications.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ArmEffect
{
    /// <summary>The arm's scenario name.</summary>
    public required string Arm { get; init; }

    /// <summary>The reference arm's scenario name.</summary>
    public required string Reference { get; init; }

    /// <summary>P(collapse | arm) − P(collapse | reference).</summary>
    public required double CollapseProbabilityDifference { get; init; }

    /// <summary>Its standard error from the paired differences.</summary>
    public required double CollapseProbabilityDifferenceStandardError { get; init; }

    /// <summary>Its confidence interval.</summary>
    public required ConfidenceInterval CollapseProbabilityDifferenceInterval { get; init; }

    /// <summary>Mean weeks survived (capped at the horizon) in the arm minus in the reference: negative means earlier collapse.</summary>
    public required double WeeksSurvivedDifference { get; init; }

    /// <summary>Its standard error.</summary>
    public required double WeeksSurvivedDifferenceStandardError { get; init; }

    /// <summary>Its confidence interval.</summary>
    public required ConfidenceInterval WeeksSurvivedDifferenceInterval { get; init; }

    /// <summary>Variance of the collapse difference under independent streams divided by the paired variance (how many times fewer runs common random numbers need).</summary>
    public required double CollapseVarianceReduction { get; init; }

    /// <summary>The same ratio for weeks survived.</summary>
    public required double WeeksVarianceReduction { get; init; }
}
