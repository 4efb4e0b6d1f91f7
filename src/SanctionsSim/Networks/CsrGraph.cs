using SanctionsSim.Internal;

namespace SanctionsSim.Networks;

/// <summary>
/// A graph in compressed sparse row form: the neighbours of node v are
/// <c>Targets[Offsets[v] .. Offsets[v + 1])</c>, with optional edge weights alongside.
/// Undirected graphs store each edge in both directions.
/// </summary>
/// <remarks>
/// Generators can refill an existing instance (the <c>reuse</c> argument), growing its arrays only when a
/// larger graph arrives, so that a Monte Carlo worker generates a new graph every replication without
/// allocating. Memory: 4 bytes per directed edge slot (plus 8 with weights) and 4 bytes per node.
/// </remarks>
/// <threadsafety>Safe to read from many threads while no generator refills it.</threadsafety>
internal sealed class CsrGraph
{
    private int[] _offsets;
    private int[] _targets;
    private double[]? _weights;

    /// <summary>Creates a graph from CSR arrays (copied and validated).</summary>
    /// <param name="offsets">Row offsets, length n + 1, starting at 0 and non-decreasing.</param>
    /// <param name="targets">Neighbour indices, each in [0, n).</param>
    /// <param name="weights">Optional finite, non-negative edge weights, one per target.</param>
    /// <exception cref="ArgumentException">The arrays are inconsistent.</exception>
    public CsrGraph(ReadOnlySpan<int> offsets, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights = default)
    {
        if (offsets.Length < 1 || offsets[0] != 0)
        {
            throw new ArgumentException("offsets must have length n + 1 and start at 0.", nameof(offsets));
        }

        int n = offsets.Length - 1;
        for (int v = 0; v < n; v++)
        {
            if (offsets[v + 1] < offsets[v])
            {
                throw new ArgumentException($"offsets must be non-decreasing; offsets[{v + 1}] = {offsets[v + 1]} < offsets[{v}] = {offsets[v]}.", nameof(offsets));
            }
        }

        if (offsets[n] != targets.Length)
        {
            throw new ArgumentException($"offsets[n] = {offsets[n]} must equal the number of targets ({targets.Length}).", nameof(offsets));
        }

        for (int i = 0; i < targets.Length; i++)
        {
            if ((uint)targets[i] >= (uint)n)
            {
                throw new ArgumentException($"targets[{i}] = {targets[i]} is not a node index in [0, {n}).", nameof(targets));
            }
        }

        if (!weights.IsEmpty)
        {
            if (weights.Length != targets.Length)
            {
                throw new ArgumentException($"weights has {weights.Length} entries; one per target ({targets.Length}) is needed.", nameof(weights));
            }

            for (int i = 0; i < weights.Length; i++)
            {
                if (!(weights[i] >= 0.0 && double.IsFinite(weights[i])))
                {
                    throw new ArgumentException($"weights[{i}] = {Guard.Format(weights[i])} must be finite and >= 0.", nameof(weights));
                }
            }

            _weights = weights.ToArray();
        }

        _offsets = offsets.ToArray();
        _targets = targets.ToArray();
        NodeCount = n;
        EdgeSlotCount = targets.Length;
    }

    /// <summary>Creates an empty graph (for generators to fill through their <c>reuse</c> argument).</summary>
    public CsrGraph()
        : this(0, 0)
    {
    }

    /// <summary>Creates an empty graph with room for the given sizes (for reuse by generators).</summary>
    /// <param name="nodeCapacity">Nodes to reserve room for.</param>
    /// <param name="edgeSlotCapacity">Directed edge slots to reserve room for.</param>
    public CsrGraph(int nodeCapacity, int edgeSlotCapacity)
    {
        Guard.NonNegative(nodeCapacity);
        Guard.NonNegative(edgeSlotCapacity);
        _offsets = new int[nodeCapacity + 1];
        _targets = new int[edgeSlotCapacity];
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; private set; }

    /// <summary>Number of directed edge slots (twice the number of edges of an undirected graph).</summary>
    public int EdgeSlotCount { get; private set; }

    /// <summary>True when the graph carries edge weights.</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>The row offsets (length <see cref="NodeCount"/> + 1).</summary>
    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, NodeCount + 1);

    /// <summary>All neighbour indices, row after row.</summary>
    public ReadOnlySpan<int> Targets => _targets.AsSpan(0, EdgeSlotCount);

    /// <summary>All edge weights (empty when unweighted).</summary>
    public ReadOnlySpan<double> AllWeights => _weights is null ? default : _weights.AsSpan(0, EdgeSlotCount);

    /// <summary>The degree (number of edge slots) of node <paramref name="node"/>.</summary>
    /// <param name="node">A node index.</param>
    /// <returns>The out-degree.</returns>
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>The neighbours of node <paramref name="node"/>.</summary>
    /// <param name="node">A node index.</param>
    /// <returns>The neighbour indices.</returns>
    public ReadOnlySpan<int> Neighbors(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The weights of node <paramref name="node"/>'s edges, aligned with <see cref="Neighbors"/> (empty when unweighted).</summary>
    /// <param name="node">A node index.</param>
    /// <returns>The edge weights.</returns>
    public ReadOnlySpan<double> Weights(int node)
        => _weights is null ? default : _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The sum of node <paramref name="node"/>'s edge weights (its degree when unweighted).</summary>
    /// <param name="node">A node index.</param>
    /// <returns>The weighted degree.</returns>
    public double WeightedDegree(int node)
    {
        if (_weights is null)
        {
            return Degree(node);
        }

        double total = 0;
        foreach (double w in Weights(node))
        {
            total += w;
        }

        return total;
    }

    /// <summary>Bytes held by this graph's arrays (capacity, not just the used part).</summary>
    public long AllocatedBytes => (4L * _offsets.Length) + (4L * _targets.Length) + (8L * (_weights?.Length ?? 0));

    internal int[] OffsetArray => _offsets;

    internal int[] TargetArray => _targets;

    internal double[]? WeightArray => _weights;

    /// <summary>Prepares the arrays for a graph of the given size, growing them only when needed.</summary>
    internal void Prepare(int nodeCount, int slotCount, bool weighted)
    {
        if (_offsets.Length < nodeCount + 1)
        {
            _offsets = new int[nodeCount + 1];
        }

        if (_targets.Length < slotCount)
        {
            // Headroom, so that random graphs whose size fluctuates do not reallocate at every new maximum.
            _targets = new int[(int)Math.Min(Internal.Guard.MaxEdgeSlots, slotCount + (slotCount / 8L) + 64)];
        }

        if (weighted)
        {
            if (_weights is null || _weights.Length < slotCount)
            {
                _weights = new double[Math.Max(slotCount, _targets.Length)];
            }
        }
        else
        {
            _weights = null;
        }

        NodeCount = nodeCount;
        EdgeSlotCount = slotCount;
    }

    /// <summary>Shrinks the used slot count after in-place compaction.</summary>
    internal void SetSlotCount(int slotCount) => EdgeSlotCount = slotCount;
}
