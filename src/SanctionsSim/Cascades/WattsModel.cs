using SanctionsSim.Internal;
using SanctionsSim.Intrinsics;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Cascades;

/// <summary>
/// Watts's (2002) model of global cascades: every replication draws a new Erdős–Rényi graph of N agents with
/// mean degree z, gives every agent the fractional threshold φ, activates one (or more) random seeds and runs
/// the cascade to quiescence. A replication is a global cascade when the final active share reaches
/// <see cref="GlobalFraction"/>.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class WattsModel : IMonteCarloExperiment<CascadeSummary>
{
    /// <summary>N, the number of agents.</summary>
    /// <value>The default value is 10,000. Range: 2 to 2^31 − 1 (memory permitting).</value>
    public int NodeCount { get; init; } = 10_000;

    /// <summary>z, the mean degree.</summary>
    /// <value>The default value is 4. Range: ≥ 0, finite.</value>
    public double MeanDegree { get; init; } = 4.0;

    /// <summary>φ, the fractional threshold of every agent.</summary>
    /// <value>The default value is 0.18 (Watts 2002, Fig. 2). Range: (0, 1].</value>
    public double Threshold { get; init; } = 0.18;

    /// <summary>Initially active agents per replication, drawn uniformly.</summary>
    /// <value>The default value is 1 (Watts's single-node perturbation). Range: 1 to N.</value>
    public int Seeds { get; init; } = 1;

    /// <summary>The final active share at or above which a run counts as a global cascade.</summary>
    /// <value>The default value is 0.1. Range: (0, 1].</value>
    public double GlobalFraction { get; init; } = 0.1;

    /// <summary>The update order of the cascade (the final set does not depend on it).</summary>
    /// <value>The default value is <see cref="CascadeUpdate.Synchronous"/>.</value>
    internal CascadeUpdate Update { get; init; } = CascadeUpdate.Synchronous;

    /// <summary>Checks every parameter, reporting all problems at once.</summary>
    /// <exception cref="ArgumentException">At least one parameter is invalid; the message names each.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (NodeCount < 2)
        {
            errors.Add($"NodeCount must be >= 2; got {NodeCount}.");
        }

        if (!(MeanDegree >= 0 && double.IsFinite(MeanDegree)))
        {
            errors.Add($"MeanDegree must be a finite number >= 0; got {Guard.Format(MeanDegree)}.");
        }
        else if (NodeCount >= 2 && MeanDegree > NodeCount - 1)
        {
            errors.Add($"MeanDegree must be at most NodeCount - 1 = {NodeCount - 1}; got {Guard.Format(MeanDegree)}.");
        }
        else if (NodeCount >= 2 && (double)NodeCount * MeanDegree > Guard.MaxEdgeSlots * 0.95)
        {
            errors.Add($"NodeCount × MeanDegree = {(double)NodeCount * MeanDegree:0.###e+0} directed edge slots do not fit in one graph (at most {Guard.MaxEdgeSlots}).");
        }

        else if (NodeCount >= 2 && EstimatedBytesPerWorker(NodeCount, MeanDegree) > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)
        {
            errors.Add($"NodeCount = {NodeCount} with MeanDegree = {Guard.Format(MeanDegree)} needs about {EstimatedBytesPerWorker(NodeCount, MeanDegree) / (1 << 20):N0} MiB per worker thread, more than the {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):N0} MiB available.");
        }

        if (!(Threshold > 0 && Threshold <= 1))
        {
            errors.Add($"Threshold must lie in (0, 1]; got {Guard.Format(Threshold)}.");
        }

        if (Seeds < 1 || Seeds > NodeCount)
        {
            errors.Add($"Seeds must lie in [1, NodeCount = {NodeCount}]; got {Seeds}.");
        }

        if (!(GlobalFraction > 0 && GlobalFraction <= 1))
        {
            errors.Add($"GlobalFraction must lie in (0, 1]; got {Guard.Format(GlobalFraction)}.");
        }

        if (Update is not (CascadeUpdate.Synchronous or CascadeUpdate.RandomOrder))
        {
            errors.Add($"Update must be Synchronous or RandomOrder; got {Update}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Watts model:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors));
        }
    }

    /// <summary>Memory one worker needs: CSR offsets and targets (with headroom), the edge list, and the kernel's 16 bytes per node.</summary>
    private static double EstimatedBytesPerWorker(int nodes, double meanDegree)
        => (nodes * 24.0) + (nodes * meanDegree * (4.5 + 4.5));

    /// <summary>The analytic prediction for this model (infinite-size limit).</summary>
    /// <returns>The cascade condition, global-cascade probability and expected size.</returns>
    public CascadePrediction Predict()
    {
        Validate();
        return WattsAnalytics.ErdosRenyi(MeanDegree, Threshold, NodeCount);
    }

    /// <summary>Runs a Monte Carlo batch of this model.</summary>
    /// <param name="options">Replications, seed, threads; null for the defaults.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops the batch (the result is then partial).</param>
    /// <returns>The batch result.</returns>
    public MonteCarloResult<CascadeSummary> Simulate(MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate();
        return new MonteCarloRunner(options).Run(this, progress, cancellationToken);
    }

    /// <inheritdoc />
    IReplicationWorker<CascadeSummary> IMonteCarloExperiment<CascadeSummary>.CreateWorker() => CreateWorker();

    /// <summary>Creates the state one worker thread reuses for all its replications.</summary>
    /// <returns>A new worker.</returns>
    internal IReplicationWorker<CascadeSummary> CreateWorker()
    {
        Validate();
        return new Worker(this);
    }

    /// <inheritdoc />
    CascadeSummary IMonteCarloExperiment<CascadeSummary>.CreateSummary() => CreateSummary();

    /// <summary>Creates an empty summary.</summary>
    /// <returns>A summary of zero replications.</returns>
    internal CascadeSummary CreateSummary() => new(GlobalFraction);

    /// <summary>One thread's reusable state: the graph, the edge list, the kernel and the random stream.</summary>
    internal sealed class Worker : IReplicationWorker<CascadeSummary>
    {
        private readonly WattsModel _model;
        private readonly double _p;
        private readonly UniformFractionalThreshold _rule;
        private readonly RandomStream _random = new(0);
        private readonly CsrGraph _graph = new();
        private readonly EdgeList _edges = new();
        private readonly CascadeKernel _kernel;
        private readonly int[] _seeds;
        private short[] _remaining = [];
        private readonly short[] _requirement = new short[256]; // required count by degree, as 2-byte counters (at least 1)
        private readonly SlotGraph? _slots;
        private readonly bool _requirementsFitBytes; // requirements for degrees 0–16 below 256 (always, for φ ≤ 1)

        public Worker(WattsModel model)
        {
            _model = model;
            _p = ErdosRenyi.EdgeProbability(model.NodeCount, model.MeanDegree);
            _rule = new UniformFractionalThreshold(model.Threshold);
            for (int k = 0; k < _requirement.Length; k++)
            {
                _requirement[k] = (short)Math.Clamp(_rule.RequiredCount(0, k), 1, short.MaxValue);
            }

            _kernel = new CascadeKernel(model.NodeCount);
            _seeds = new int[model.Seeds];
            _requirementsFitBytes = SmallTable.FitsBytes(_requirement);
            if (model.Update == CascadeUpdate.Synchronous && SlotGraph.Suits(model.NodeCount, model.MeanDegree))
            {
                _slots = new SlotGraph();
            }
        }

        public CsrGraph Graph => _graph;

        /// <summary>Draws that overflowed the slot layout and were redone as CSR graphs.</summary>
        public long SlotOverflows { get; private set; }

        /// <summary>Whether this worker draws slot graphs first.</summary>
        public bool UsesSlots => _slots is not null;

        public CascadeKernel Kernel => _kernel;

        /// <summary>Every node's requirement from its degree, for the dense kernel; false when a degree is too large for its 2-byte counters.</summary>
        private bool TryRequirements(int n)
        {
            ReadOnlySpan<int> offsets = _graph.OffsetArray.AsSpan(0, n + 1);
            if (_remaining.Length < n)
            {
                _remaining = new short[n];
            }

            Span<short> remaining = _remaining.AsSpan(0, n);
            ReadOnlySpan<short> table = _requirement;
            int previous = offsets[0];
            for (int v = 0; v < remaining.Length; v++)
            {
                int next = offsets[v + 1];
                int degree = next - previous;
                previous = next;
                if ((uint)degree < (uint)table.Length)
                {
                    remaining[v] = table[degree];
                }
                else if (degree >= short.MaxValue)
                {
                    return false;
                }
                else
                {
                    remaining[v] = (short)Math.Clamp(_rule.RequiredCount(v, degree), 1, short.MaxValue);
                }
            }

            return true;
        }

        /// <summary>Every node's requirement from its degree in the slot graph (all degrees are at most 16).</summary>
        private void SlotRequirements(int n)
        {
            if (_remaining.Length < n)
            {
                _remaining = new short[n];
            }

            // sixteen nodes at a time where 128-bit vectors are accelerated: a byte shuffle through the requirement by
            // degree 0–16 (all degrees are at most 16; the requirements fit in a byte, at most ⌈φ·16⌉ ≤ 16)
            SmallTable.Map(_slots!.Degrees.AsSpan(0, n), _requirement, _remaining.AsSpan(0, n), SmallTable.IsAccelerated && _requirementsFitBytes);
        }

        public void Run(ulong seed, long replication, CascadeSummary summary)
        {
            int n = _model.NodeCount;
            _random.Reset(seed, replication, StreamKeys.Network);
            if (_slots is not null)
            {
                // the same graph in fixed 16-slot rows when no node has more than 16 neighbours (99 draws in 100 at N = 10^4, z = 4)
                if (ErdosRenyi.TryGenerateSlots(n, _p, _random, _slots, _edges))
                {
                    _random.Reset(seed, replication, StreamKeys.Seeding);
                    SeedSelection.Random(n, _random, _seeds);
                    SlotRequirements(n);
                    int reached = _kernel.RunSlots(_slots, _remaining, _seeds);
                    summary.Add(reached, n, _kernel.Rounds, _kernel.EdgesTouched);
                    return;
                }

                SlotOverflows++;
                _random.Reset(seed, replication, StreamKeys.Network);
            }

            ErdosRenyi.Generate(n, _p, _random, _graph, _edges);
            _random.Reset(seed, replication, StreamKeys.Seeding);
            SeedSelection.Random(n, _random, _seeds);
            if (_model.Update == CascadeUpdate.RandomOrder)
            {
                _random.Reset(seed, replication, StreamKeys.Dynamics);
            }

            int active;
            if (_model.Update == CascadeUpdate.Synchronous && TryRequirements(n))
            {
                // the dense kernel: same result as Run, one 2-byte decrement per edge
                active = _kernel.RunCounts(_graph, _remaining, _seeds);
            }
            else
            {
                active = _kernel.Run(_graph, _rule, _seeds, _model.Update, _random);
            }

            summary.Add(active, n, _kernel.Rounds, _kernel.EdgesTouched);
        }
    }
}
