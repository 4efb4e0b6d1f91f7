using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SanctionsSim.Intrinsics;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Cascades;

/// <summary>
/// The event-driven threshold-cascade kernel. Only nodes that activate push influence, and only to their
/// neighbours, so a cascade costs O(seeds + edges touched), not O(n) per round. A kernel keeps its state
/// arrays between runs (one kernel per worker thread) and resets in O(1) by stamping, so running a cascade
/// allocates nothing once the kernel has seen the largest graph.
/// </summary>
/// <remarks>
/// Activation is permanent (the rule is monotone). A node activates when its count of active neighbours
/// reaches <see cref="IThresholdRule.RequiredCount"/>, or, in the weighted variant, when the weight of its
/// active neighbours divided by its total tie weight reaches its fractional threshold.
/// </remarks>
/// <threadsafety>Not thread-safe: use one kernel per thread.</threadsafety>
internal sealed class CascadeKernel
{
    private NodeState[] _nodes = [];
    private int[] _round = [];
    private double[] _weightHits = [];
    private double[] _weightTotals = [];
    private int[] _queue = [];
    private int _stamp;
    private int _nodeCount;
    private short[]? _dense;
    private int[] _flat = new int[FlatBatch + 32];
    private ushort[]? _flatSlots;

    /// <summary>Neighbour slots gathered per batch by the dense kernel (16 KB: stays in the L1 cache).</summary>
    private const int FlatBatch = 4096;

    /// <summary>Creates a kernel, optionally reserving room for <paramref name="nodeCapacity"/> nodes.</summary>
    /// <param name="nodeCapacity">Nodes to reserve room for (≥ 0).</param>
    public CascadeKernel(int nodeCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCapacity);
        Ensure(nodeCapacity, weighted: false);
    }

    /// <summary>Number of active nodes after the last run.</summary>
    public int ActiveCount { get; private set; }

    /// <summary>Number of synchronous rounds after the seeds (0 when nothing beyond the seeds activated).</summary>
    public int Rounds { get; private set; }

    /// <summary>Number of edge slots the last run examined (its cost).</summary>
    public long EdgesTouched { get; private set; }

    /// <summary>The active nodes of the last run in activation order (seeds first).</summary>
    public ReadOnlySpan<int> ActivationOrder => _queue.AsSpan(0, ActiveCount);

    /// <summary>True when <paramref name="node"/> was active at the end of the last run.</summary>
    /// <param name="node">A node index.</param>
    /// <returns>Whether it is active.</returns>
    public bool IsActive(int node) => ActivationRound(node) >= 0;

    /// <summary>The round in which <paramref name="node"/> activated in the last run (0 for seeds, −1 if inactive). Under <see cref="CascadeUpdate.RandomOrder"/> this is the length of the influence chain from a seed.</summary>
    /// <param name="node">A node index.</param>
    /// <returns>The activation round, or −1.</returns>
    public int ActivationRound(int node)
    {
        if ((uint)node >= (uint)_nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"node must be in [0, {_nodeCount}).");
        }

        if (_dense is not null)
        {
            return _dense[node] <= 0 ? _round[node] : -1;
        }

        ref NodeState s = ref _nodes[node];
        return s.Stamp == _stamp && s.Remaining == 0 ? _round[node] : -1;
    }

    /// <summary>Runs a cascade to quiescence under a count-threshold rule.</summary>
    /// <typeparam name="TRule">The rule (a struct, so its call inlines).</typeparam>
    /// <param name="graph">The network.</param>
    /// <param name="rule">The threshold rule.</param>
    /// <param name="seeds">Initially active nodes (duplicates are ignored).</param>
    /// <param name="update">Update order; <see cref="CascadeUpdate.RandomOrder"/> needs <paramref name="random"/>.</param>
    /// <param name="random">Random stream for the random update order.</param>
    /// <returns>The number of active nodes at the end.</returns>
    /// <exception cref="ArgumentException">A seed is not a node, or a random order was asked for without a stream.</exception>
    public int Run<TRule>(CsrGraph graph, TRule rule, ReadOnlySpan<int> seeds, CascadeUpdate update = CascadeUpdate.Synchronous, RandomStream? random = null)
        where TRule : struct, IThresholdRule
    {
        ArgumentNullException.ThrowIfNull(graph);
        int tail = Begin(graph, seeds, update, random, weighted: false);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        NodeState[] nodes = _nodes;
        int[] round = _round;
        int[] queue = _queue;
        int stamp = _stamp;
        int head = 0;
        long touched = 0;
        while (head < tail)
        {
            if (update == CascadeUpdate.RandomOrder)
            {
                PickNextAtRandom(queue, head, tail, random!);
            }

            int u = queue[head++];
            int nextRound = round[u] + 1;
            int end = offsets[u + 1];
            int start = offsets[u];
            touched += end - start;
            for (int i = start; i < end; i++)
            {
                int v = targets[i];
                ref NodeState s = ref nodes[v];
                if (s.Stamp != stamp)
                {
                    // first touch this run: this hit counts towards the node's requirement
                    s.Stamp = stamp;
                    int need = rule.RequiredCount(v, offsets[v + 1] - offsets[v]);
                    if (need > 1)
                    {
                        s.Remaining = need - 1;
                        continue;
                    }

                    s.Remaining = 0;
                    round[v] = nextRound;
                    queue[tail++] = v;
                }
                else if (s.Remaining > 0 && --s.Remaining == 0)
                {
                    round[v] = nextRound;
                    queue[tail++] = v;
                }
            }
        }

        return Finish(tail, touched);
    }

    /// <summary>
    /// Runs a cascade to quiescence on a weighted graph: node v activates when (weight of its active
    /// neighbours) / (its total tie weight) ≥ φ_v, compared as a correctly rounded quotient.
    /// </summary>
    /// <param name="graph">A weighted network (unweighted graphs count every tie as weight 1).</param>
    /// <param name="phi">Fractional threshold per node (NaN is not allowed).</param>
    /// <param name="blocked">Optional: nodes that never activate through neighbours.</param>
    /// <param name="seeds">Initially active nodes.</param>
    /// <param name="update">Update order.</param>
    /// <param name="random">Random stream for the random update order.</param>
    /// <returns>The number of active nodes at the end.</returns>
    /// <exception cref="ArgumentException">The arrays do not match the graph, a seed is not a node, or a random order was asked for without a stream.</exception>
    public int RunWeighted(CsrGraph graph, ReadOnlySpan<double> phi, ReadOnlySpan<bool> blocked, ReadOnlySpan<int> seeds, CascadeUpdate update = CascadeUpdate.Synchronous, RandomStream? random = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (phi.Length != graph.NodeCount)
        {
            throw new ArgumentException($"phi has {phi.Length} entries; the graph has {graph.NodeCount} nodes.", nameof(phi));
        }

        if (!blocked.IsEmpty && blocked.Length != graph.NodeCount)
        {
            throw new ArgumentException($"blocked has {blocked.Length} entries; the graph has {graph.NodeCount} nodes.", nameof(blocked));
        }

        int tail = Begin(graph, seeds, update, random, weighted: true);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        double[]? weights = graph.WeightArray;
        NodeState[] nodes = _nodes;
        int[] round = _round;
        double[] hits = _weightHits;
        double[] totals = _weightTotals;
        int[] queue = _queue;
        int stamp = _stamp;
        int head = 0;
        long touched = 0;
        while (head < tail)
        {
            if (update == CascadeUpdate.RandomOrder)
            {
                PickNextAtRandom(queue, head, tail, random!);
            }

            int u = queue[head++];
            int nextRound = round[u] + 1;
            int end = offsets[u + 1];
            touched += end - offsets[u];
            for (int i = offsets[u]; i < end; i++)
            {
                int v = targets[i];
                ref NodeState s = ref nodes[v];
                if (s.Stamp != stamp)
                {
                    s.Stamp = stamp;
                    hits[v] = 0.0;
                    totals[v] = graph.WeightedDegree(v);
                    s.Remaining = !blocked.IsEmpty && blocked[v] ? Threshold.Never : 1; // 1: eligible, not yet active
                    if (double.IsNaN(phi[v]))
                    {
                        throw new ArgumentException($"phi[{v}] is NaN.", nameof(phi));
                    }
                }

                if (s.Remaining != 1)
                {
                    continue; // active (0) or blocked
                }

                double w = weights is null ? 1.0 : weights[i];
                hits[v] += w;
                double total = totals[v];
                double threshold = phi[v];
                if (threshold <= 0.0 || (total > 0.0 && hits[v] / total >= threshold))
                {
                    s.Remaining = 0;
                    round[v] = nextRound;
                    queue[tail++] = v;
                }
            }
        }

        return Finish(tail, touched);
    }

    /// <summary>
    /// The synchronous cascade with every node's requirement given up front: <paramref name="remaining"/>[v] is
    /// the number of active neighbours v still needs (at least 1; <see cref="short.MaxValue"/> for nodes that
    /// never switch), and is consumed; 2 bytes per node, so that the counters of 10⁴ nodes stay in the L1 cache.
    /// Every node's degree must be below 32,767 (a counter goes down by at most its degree). Same activation order, rounds and edges touched as
    /// <see cref="Run{TRule}"/> with the rule that yields those counts, but each edge costs one decrement of a
    /// dense 4-byte counter instead of a stamped 8-byte state and a first-touch branch: for models that build a
    /// whole graph per replication anyway (Watts), where the O(n) set-up is already paid.
    /// </summary>
    internal int RunCounts(CsrGraph graph, short[] remaining, ReadOnlySpan<int> seeds)
    {
        int n = graph.NodeCount;
        int tail = BeginDense(n, remaining, seeds); // may grow the kernel's arrays: read them after
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        int[] round = _round;
        int[] queue = _queue;

        // Two phases per batch of popped nodes, so that no branch depends on a node's degree (a per-node loop exit
        // mispredicted on almost every node and cost more than the edges themselves):
        // 1. copy each popped node's neighbour list into a flat buffer with a fixed 16-slot copy (two vector moves),
        //    advancing the write position by the degree: the next copy overwrites the surplus;
        // 2. one loop over the flat buffer, branch-free: every neighbour is decremented and written at the queue's
        //    tail, and the tail advances only when its counter reaches zero (the queue has one spare slot).
        // Batches never straddle a level, so rounds follow from the FIFO order: the nodes pushed while level L is
        // processed form level L + 1, and a node's round is set when it is popped. Same order as one loop per node.
        int head = 0;
        long touched = 0;
        int level = -1;
        int levelEnd = 0;
        int lastFullCopy = targets.Length - 16;
        ref short rem = ref MemoryMarshal.GetArrayDataReference(remaining);
        ref int tgt = ref MemoryMarshal.GetArrayDataReference(targets);
        ref int q = ref MemoryMarshal.GetArrayDataReference(queue);
        ref int off = ref MemoryMarshal.GetArrayDataReference(offsets);
        ref int rnd = ref MemoryMarshal.GetArrayDataReference(round);
        while (head < tail)
        {
            if (head == levelEnd)
            {
                level++;
                levelEnd = tail;
            }

            ref int fl = ref MemoryMarshal.GetArrayDataReference(_flat);
            int pos = 0;
            while (head < levelEnd && pos < FlatBatch)
            {
                // queue entries, offsets and targets are in range (node indices < n, checked when the graph was built)
                int u = Unsafe.Add(ref q, head++);
                Unsafe.Add(ref rnd, u) = level;
                int start = Unsafe.Add(ref off, u);
                int degree = Unsafe.Add(ref off, u + 1) - start;
                if (degree <= 16 && start <= lastFullCopy)
                {
                    BlockCopy.Copy16(ref tgt, (nuint)start, ref fl, (nuint)pos);
                }
                else
                {
                    CopyLongRow(targets, start, degree, pos);
                    fl = ref MemoryMarshal.GetArrayDataReference(_flat);
                }

                pos += degree;
            }

            touched += pos;
            tail = Decrement(ref fl, pos, ref rem, ref q, tail);
        }

        return FinishDense(tail, touched, level);
    }

    /// <summary>
    /// <see cref="RunCounts"/> on a <see cref="SlotGraph"/>: each popped node's row is one 32-byte vector, copied
    /// whole, so the gathering phase reads one aligned row per node. Same activation order, rounds and edges
    /// touched as <see cref="RunCounts"/> on the CSR graph of the same draws (rows hold neighbours in the same order).
    /// </summary>
    internal int RunSlots(SlotGraph graph, short[] remaining, ReadOnlySpan<int> seeds)
    {
        int n = graph.NodeCount;
        int tail = BeginDense(n, remaining, seeds);
        int head = 0;
        long touched = 0;
        int level = -1;
        int levelEnd = 0;
        _flatSlots ??= new ushort[FlatBatch + 32];
        ref short rem = ref MemoryMarshal.GetArrayDataReference(remaining);
        ref ushort slots = ref MemoryMarshal.GetArrayDataReference(graph.Slots);
        ref byte degrees = ref MemoryMarshal.GetArrayDataReference(graph.Degrees);
        ref int q = ref MemoryMarshal.GetArrayDataReference(_queue);
        ref int rnd = ref MemoryMarshal.GetArrayDataReference(_round);
        ref ushort fl = ref MemoryMarshal.GetArrayDataReference(_flatSlots);
        while (head < tail)
        {
            if (head == levelEnd)
            {
                level++;
                levelEnd = tail;
            }

            int pos = 0;
            while (head < levelEnd && pos < FlatBatch)
            {
                // queue entries are node indices < n; a row has Width slots and a degree below Width
                int u = Unsafe.Add(ref q, head++);
                Unsafe.Add(ref rnd, u) = level;
                BlockCopy.Copy16(ref slots, (nuint)u * SlotGraph.Width, ref fl, (nuint)pos);
                pos += Unsafe.Add(ref degrees, u);
            }

            touched += pos;
            tail = Decrement(ref fl, pos, ref rem, ref q, tail);
        }

        return FinishDense(tail, touched, level);
    }

    /// <summary>
    /// The dense kernels' second phase: decrements the counter of each of the <paramref name="count"/> gathered
    /// neighbours, writing each at the queue's tail and advancing the tail only when its counter reaches zero
    /// (branch-free; the queue has one spare slot for the write after the last activation). Neighbours are node
    /// indices below n, checked when the graph was built. Returns the new tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Decrement<T>(ref T flat, int count, ref short remaining, ref int queue, int tail)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        nint t = tail;
        for (nint i = 0; i < count; i++)
        {
            int v = int.CreateTruncating(Unsafe.Add(ref flat, i));
            int left = --Unsafe.Add(ref remaining, v);
            Unsafe.Add(ref queue, t) = v;
            t += left == 0 ? 1 : 0;
        }

        return (int)t;
    }

    /// <summary>The dense kernels' start: checks the seeds, activates them (duplicates once) and returns the queue's length.</summary>
    private int BeginDense(int n, short[] remaining, ReadOnlySpan<int> seeds)
    {
        Ensure(n, weighted: false);
        _nodeCount = n;
        _dense = remaining;
        int tail = 0;
        foreach (int seed in seeds)
        {
            if ((uint)seed >= (uint)n)
            {
                throw new ArgumentException($"Seed {seed} is not a node index in [0, {n}).", nameof(seeds));
            }

            if (remaining[seed] <= 0)
            {
                continue;
            }

            remaining[seed] = 0;
            _round[seed] = 0;
            _queue[tail++] = seed;
        }

        return tail;
    }

    /// <summary>The dense kernel's copy of a row longer than 16 slots (or at the end of the targets), growing the flat buffer for a hub larger than any seen before.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CopyLongRow(int[] targets, int start, int degree, int pos)
    {
        if (pos + degree > _flat.Length - 16)
        {
            Array.Resize(ref _flat, pos + degree + FlatBatch + 16);
        }

        targets.AsSpan(start, degree).CopyTo(_flat.AsSpan(pos));
    }

    private int Begin(CsrGraph graph, ReadOnlySpan<int> seeds, CascadeUpdate update, RandomStream? random, bool weighted)
    {
        if (update == CascadeUpdate.RandomOrder && random is null)
        {
            throw new ArgumentException("A random update order needs a random stream.", nameof(random));
        }

        if (update is not (CascadeUpdate.Synchronous or CascadeUpdate.RandomOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(update), update, "Unknown update order.");
        }

        int n = graph.NodeCount;
        Ensure(n, weighted);
        _nodeCount = n;
        _dense = null;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_nodes);
            _stamp = 1;
        }

        int stamp = _stamp;
        int tail = 0;
        foreach (int seed in seeds)
        {
            if ((uint)seed >= (uint)n)
            {
                throw new ArgumentException($"Seed {seed} is not a node index in [0, {n}).", nameof(seeds));
            }

            ref NodeState s = ref _nodes[seed];
            if (s.Stamp == stamp && s.Remaining == 0)
            {
                continue;
            }

            s.Stamp = stamp;
            s.Remaining = 0;
            _round[seed] = 0;
            _queue[tail++] = seed;
        }

        return tail;
    }

    /// <summary>Random-order updates: move a uniformly chosen pending node to the head of the queue.</summary>
    private static void PickNextAtRandom(int[] queue, int head, int tail, RandomStream random)
    {
        int pick = head + random.NextInt32(tail - head);
        (queue[head], queue[pick]) = (queue[pick], queue[head]);
    }

    /// <summary>The dense kernels' end: the rounds are the last level popped (levels only grow along the queue), so no pass over the active nodes.</summary>
    private int FinishDense(int active, long touched, int lastLevel)
    {
        ActiveCount = active;
        EdgesTouched = touched;
        Rounds = Math.Max(lastLevel, 0);
        return active;
    }

    private int Finish(int active, long touched)
    {
        ActiveCount = active;
        EdgesTouched = touched;
        int rounds = 0;
        foreach (int v in _queue.AsSpan(0, active))
        {
            rounds = Math.Max(rounds, _round[v]);
        }

        Rounds = rounds;
        return active;
    }

    private void Ensure(int n, bool weighted)
    {
        if (_nodes.Length < n)
        {
            _nodes = new NodeState[n];
            _round = new int[n];
            _queue = new int[n + 1];
            _stamp = 0;
        }

        if (weighted && _weightHits.Length < n)
        {
            _weightHits = new double[n];
            _weightTotals = new double[n];
        }
    }

    /// <summary>8 bytes per node: the run stamp (state is valid only when it equals the kernel's) and the hits still needed (0 = active).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NodeState
    {
        public int Stamp;
        public int Remaining;
    }
}
