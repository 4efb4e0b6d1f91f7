using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>The summary of a common-random-numbers comparison: each arm's summary and paired differences against the first arm.</summary>
/// <remarks>Immutable: the runner fills an internal accumulator and freezes the finished one into this summary.</remarks>
/// <threadsafety>Immutable; safe to read from several threads.</threadsafety>
public sealed class ComparisonSummary : ICombinableSummary<ComparisonSummary>
{
    private readonly ComparisonAccumulator _a;
    private readonly SanctionsSummary[] _arms;

    /// <summary>Wraps a frozen accumulator and its arms' frozen summaries (<see cref="ComparisonAccumulator.Freeze"/>).</summary>
    internal ComparisonSummary(ComparisonAccumulator frozen, SanctionsSummary[] arms)
    {
        _a = frozen;
        _arms = arms;
    }

    /// <summary>Each arm's own summary, in arm order.</summary>
    public IReadOnlyList<SanctionsSummary> Arms => _arms;

    /// <summary>Number of paired replications summarised.</summary>
    public long Replications => _a.Replications;

    /// <summary>The effect of arm <paramref name="arm"/> against arm 0.</summary>
    /// <param name="arm">Arm index, 1 to arms − 1.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The paired effect estimates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arm"/> is out of range.</exception>
    public ArmEffect Effect(int arm, double confidence = 0.95)
    {
        Guard.InRange(arm, 1, _arms.Length - 1);
        SanctionsSummary a = _arms[0], b = _arms[arm];
        RunningMoments dc = _a.CollapseDifference[arm], dw = _a.WeeksDifference[arm];
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

    /// <summary>A new comparison of the replications of this one and <paramref name="other"/> (disjoint replications of the same arms); neither is changed. Exact, whatever the split or order.</summary>
    /// <param name="other">A comparison of other replications of the same arms.</param>
    /// <returns>The combined comparison.</returns>
    public ComparisonSummary Combine(ComparisonSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _a.Combine(other._a).Freeze();
    }

    /// <summary>
    /// Writes the comparison's exact state (every arm's summary and the paired differences) in a binary format, for
    /// shards run on other machines; <see cref="PolicyComparison.ReadSummary"/> reads it back and combining gives the
    /// single-machine result bit for bit.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream) => _a.WriteTo(stream);

    /// <summary>The largest half-width of the paired collapse differences' intervals (what sequential stopping watches).</summary>
    /// <param name="confidence">The confidence level.</param>
    /// <returns>The half-width; infinity when unknown.</returns>
    public double StoppingHalfWidth(double confidence) => _a.StoppingHalfWidth(confidence);

    /// <summary>A readable table: each arm's collapse probability and its paired effect against the first arm.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var b = new System.Text.StringBuilder();
        b.Append(c, $"{Replications:N0} paired runs (common random numbers)");
        for (int k = 0; k < _arms.Length; k++)
        {
            var p = _arms[k].CollapseProbability;
            b.Append(c, $"\n  {_arms[k].ScenarioName}: P(collapse) {p.Estimate:F3} {p.Wilson()}");
            if (k > 0 && Replications > 1)
            {
                var e = Effect(k);
                b.Append(c, $"; ΔP {e.CollapseProbabilityDifference:+0.000;-0.000;0.000} {e.CollapseProbabilityDifferenceInterval}, Δ weeks {e.WeeksSurvivedDifference:+0.0;-0.0;0.0}");
            }
        }

        return b.ToString();
    }
}
