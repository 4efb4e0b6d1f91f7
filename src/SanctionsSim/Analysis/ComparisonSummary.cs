using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

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

    /// <summary>A new comparison of the replications of this one and <paramref name="other"/> (disjoint replications of the same arms); neither is changed. Exact, whatever the split or order.</summary>
    /// <param name="other">A comparison of other replications of the same arms.</param>
    /// <returns>The combined comparison.</returns>
    public ComparisonSummary Combine(ComparisonSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var combined = new ComparisonSummary(ArmSummaries.Select(a => a.EmptyLike()).ToArray());
        combined.MergeFrom(this);
        combined.MergeFrom(other);
        return combined;
    }

    /// <inheritdoc />
    void IMergeableSummary<ComparisonSummary>.Merge(ComparisonSummary other) => MergeFrom(other);

    /// <inheritdoc />
    void IMergeableSummary<ComparisonSummary>.Clear() => Reset();

    private void MergeFrom(ComparisonSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ArmSummaries.Length != ArmSummaries.Length)
        {
            throw new ArgumentException("Only comparisons of the same arms can be merged.", nameof(other));
        }

        for (int k = 0; k < ArmSummaries.Length; k++)
        {
            ArmSummaries[k].MergeFrom(other.ArmSummaries[k]);
            _collapseDifference[k].Merge(other._collapseDifference[k]);
            _weeksDifference[k].Merge(other._weeksDifference[k]);
        }
    }

    private const long Magic = 0x31504D434D495353; // "SSIMCMP1"

    /// <summary>
    /// Writes the comparison's exact state (every arm's summary and the paired differences) in a binary format, for
    /// shards run on other machines; <see cref="PolicyComparison.ReadSummary"/> reads it back and merging gives the
    /// single-machine result bit for bit.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(ArmSummaries.Length);
            for (int k = 0; k < ArmSummaries.Length; k++)
            {
                _collapseDifference[k].Write(w);
                _weeksDifference[k].Write(w);
            }
        }

        foreach (SanctionsSummary arm in ArmSummaries)
        {
            arm.WriteTo(stream);
        }
    }

    /// <summary>Replaces this (empty) comparison's state with one written by <see cref="WriteTo"/> for the same arms.</summary>
    /// <exception cref="InvalidDataException">Not a comparison of these arms, or truncated.</exception>
    internal void ReadFrom(Stream stream)
    {
        try
        {
            using (var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                if (r.ReadInt64() != Magic)
                {
                    throw new InvalidDataException("Not a SanctionsSim comparison summary.");
                }

                int arms = r.ReadInt32();
                if (arms != ArmSummaries.Length)
                {
                    throw new InvalidDataException($"The data holds a comparison of {arms} arms, not {ArmSummaries.Length}.");
                }

                for (int k = 0; k < arms; k++)
                {
                    _collapseDifference[k].Read(r);
                    _weeksDifference[k].Read(r);
                }
            }

            foreach (SanctionsSummary arm in ArmSummaries)
            {
                arm.ReadFrom(stream);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The comparison summary is truncated.", e);
        }
    }

    private void Reset()
    {
        for (int k = 0; k < ArmSummaries.Length; k++)
        {
            ArmSummaries[k].Reset();
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
