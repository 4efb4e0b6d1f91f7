using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>What the runner fills with a comparison's replications before freezing it into a <see cref="ComparisonSummary"/>: each arm's accumulator and the paired differences against the first arm.</summary>
/// <threadsafety>Not thread-safe; merged by the runner.</threadsafety>
internal sealed class ComparisonAccumulator : IMergeableSummary<ComparisonAccumulator>
{
    private readonly RunningMoments[] _collapseDifference;
    private readonly RunningMoments[] _weeksDifference;

    internal ComparisonAccumulator(SanctionsAccumulator[] arms)
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

    /// <inheritdoc />
    public long Replications => ArmSummaries[0].Replications;

    /// <summary>Each arm's accumulator, in arm order.</summary>
    internal SanctionsAccumulator[] ArmSummaries { get; }

    /// <summary>The paired differences of the collapse indicator, arm k − arm 0 (index 0 unused).</summary>
    internal RunningMoments[] CollapseDifference => _collapseDifference;

    /// <summary>The paired differences of the weeks survived, arm k − arm 0 (index 0 unused).</summary>
    internal RunningMoments[] WeeksDifference => _weeksDifference;

    internal void AddPaired(double[] collapse, double[] weeks)
    {
        for (int k = 1; k < collapse.Length; k++)
        {
            _collapseDifference[k].Add(collapse[k] - collapse[0]);
            _weeksDifference[k].Add(weeks[k] - weeks[0]);
        }
    }

    /// <summary>A new (unfrozen) accumulator of the replications of this one and <paramref name="other"/> (disjoint replications of the same arms); neither is changed. Exact, whatever the split or order.</summary>
    /// <param name="other">An accumulator of other replications of the same arms.</param>
    /// <returns>The combined accumulator.</returns>
    public ComparisonAccumulator Combine(ComparisonAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var combined = new ComparisonAccumulator(ArmSummaries.Select(a => a.EmptyLike()).ToArray());
        combined.MergeFrom(this);
        combined.MergeFrom(other);
        return combined;
    }

    /// <inheritdoc />
    void IMergeableSummary<ComparisonAccumulator>.Merge(ComparisonAccumulator other) => MergeFrom(other);

    /// <inheritdoc />
    void IMergeableSummary<ComparisonAccumulator>.Clear() => Reset();

    /// <summary>Hands this accumulator over to an immutable comparison (every arm's accumulator is frozen with it).</summary>
    /// <returns>The comparison.</returns>
    internal ComparisonSummary Freeze() => new(this, ArmSummaries.Select(a => a.Freeze()).ToArray());

    private void MergeFrom(ComparisonAccumulator other)
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

    /// <summary>Writes the comparison's exact state (every arm's accumulator and the paired differences): see <see cref="ComparisonSummary.WriteTo"/>.</summary>
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

        foreach (SanctionsAccumulator arm in ArmSummaries)
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

            foreach (SanctionsAccumulator arm in ArmSummaries)
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
