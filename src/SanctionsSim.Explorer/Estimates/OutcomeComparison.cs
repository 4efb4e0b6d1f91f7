using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Explorer.Estimates;

/// <summary>
/// A <see cref="PolicyComparison"/> that also keeps, for each outcome type, the paired difference of its indicator
/// (package minus baseline, replication by replication): the difference in percentage points of P(survived),
/// P(removed by the high command), P(collapse by defection) and P(split) on common random numbers, as
/// <see cref="ArmEffect.CollapseProbabilityDifference"/> is for P(collapse). The comparison inside is run and
/// merged exactly as <see cref="PolicyComparison.Run"/> runs it, so its numbers are <c>compare</c>'s.
/// </summary>
internal sealed class OutcomeComparison : IMonteCarloExperiment<OutcomeComparison.Summary>
{
    private static readonly OutcomeType[] Types = Enum.GetValues<OutcomeType>();
    private readonly PolicyComparison _comparison;

    public OutcomeComparison(IReadOnlyList<Scenario> arms) => _comparison = new PolicyComparison(arms);

    public Summary CreateSummary() => new(_comparison.CreateSummary());

    public IReplicationWorker<Summary> CreateWorker() => new Worker(_comparison.CreateWorker());

    /// <summary>The comparison and, per outcome type, the paired differences of its indicator (arm 1 minus arm 0).</summary>
    internal sealed class Summary : IMergeableSummary<Summary>
    {
        private readonly RunningMoments[] _difference = [.. Types.Select(_ => new RunningMoments())];

        private ComparisonSummary? _frozen;

        public Summary(ComparisonAccumulator comparison) => Accumulator = comparison;

        /// <summary>The comparison being filled (the runner's).</summary>
        internal ComparisonAccumulator Accumulator { get; }

        /// <summary>The finished comparison, as <see cref="PolicyComparison.Run"/> gives it: frozen on first read, after which nothing may merge into this summary.</summary>
        public ComparisonSummary Comparison => _frozen ??= Accumulator.Freeze();

        public long Replications => Accumulator.Replications;

        /// <summary>The paired difference of P(<paramref name="type"/>), package minus baseline, as a proportion.</summary>
        public RunningMoments Difference(OutcomeType type) => _difference[(int)type];

        public void Merge(Summary other)
        {
            ((IMergeableSummary<ComparisonAccumulator>)Accumulator).Merge(other.Accumulator);
            for (int t = 0; t < _difference.Length; t++)
            {
                _difference[t].Merge(other._difference[t]);
            }
        }

        public void Clear()
        {
            ((IMergeableSummary<ComparisonAccumulator>)Accumulator).Clear();
            foreach (RunningMoments d in _difference)
            {
                d.Clear();
            }
        }

        public double StoppingHalfWidth(double confidence) => Accumulator.StoppingHalfWidth(confidence);

        /// <summary>A new summary of this one's replications and then <paramref name="other"/>'s; neither is changed (as <see cref="ComparisonSummary.Combine"/>).</summary>
        public Summary Combine(Summary other)
        {
            var combined = new Summary(Accumulator.Combine(other.Accumulator));
            for (int t = 0; t < _difference.Length; t++)
            {
                combined._difference[t].Merge(_difference[t]);
                combined._difference[t].Merge(other._difference[t]);
            }

            return combined;
        }

        /// <summary>Records the replication just added to the arms: each arm's outcome is the type whose count grew.</summary>
        internal void AddPaired(long[] before)
        {
            SanctionsAccumulator[] arms = Accumulator.ArmSummaries;
            OutcomeType baseline = Grown(arms[0], before, 0), package = Grown(arms[1], before, Types.Length);
            for (int t = 0; t < Types.Length; t++)
            {
                _difference[t].Add((package == Types[t] ? 1 : 0) - (baseline == Types[t] ? 1 : 0));
            }
        }

        internal void Count(long[] counts)
        {
            SanctionsAccumulator[] arms = Accumulator.ArmSummaries;
            for (int t = 0; t < Types.Length; t++)
            {
                counts[t] = arms[0].OutcomeProbability(Types[t]).Successes;
                counts[Types.Length + t] = arms[1].OutcomeProbability(Types[t]).Successes;
            }
        }

        private static OutcomeType Grown(SanctionsAccumulator arm, long[] before, int offset)
        {
            foreach (OutcomeType t in Types)
            {
                if (arm.OutcomeProbability(t).Successes != before[offset + (int)t])
                {
                    return t;
                }
            }

            throw new InvalidOperationException("A replication ended in no outcome type.");
        }
    }

    private sealed class Worker(IReplicationWorker<ComparisonAccumulator> inner) : IReplicationWorker<Summary>
    {
        private readonly long[] _before = new long[2 * Types.Length];

        public void Run(ulong seed, long replication, Summary summary)
        {
            summary.Count(_before);
            inner.Run(seed, replication, summary.Accumulator);
            summary.AddPaired(_before);
        }
    }
}
