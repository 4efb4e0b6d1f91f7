namespace SanctionsSim.Networks;

/// <summary>
/// A growable list of undirected edges that becomes a symmetric <see cref="CsrGraph"/> by counting sort in
/// O(n + m). Reused across replications, it stops allocating once it has grown to the largest graph seen.
/// </summary>
/// <threadsafety>Not thread-safe.</threadsafety>
internal sealed class EdgeList
{
    private int[] _from;
    private int[] _to;
    private double[]? _weight;
    private int[] _marks = [];
    private readonly int[][] _scratch = new int[3][];

    public EdgeList(int capacity = 16)
    {
        _from = new int[Math.Max(capacity, 16)];
        _to = new int[_from.Length];
    }

    public int Count { get; private set; }

    /// <summary>Erdős–Rényi scratch: random words drawn ahead, one block of pair indices, and their rows and columns (see ErdosRenyi.Build).</summary>
    internal ulong[] RandomWords => field ??= new ulong[ErdosRenyi.PairBlock];

    /// <summary>One block of pair indices.</summary>
    internal long[] PairBlock => field ??= new long[ErdosRenyi.PairBlock];

    /// <summary>The rows of one block of pairs.</summary>
    internal int[] RowBlock => field ??= new int[ErdosRenyi.PairBlock];

    /// <summary>The columns of one block of pairs.</summary>
    internal int[] ColumnBlock => field ??= new int[ErdosRenyi.PairBlock];

    /// <summary>Scratch buffers (0, 1, 2) for generators that build a CSR graph without an explicit edge list; reused, grown on demand, contents not kept.</summary>
    internal int[] Buffer(int which, long length)
    {
        _scratch[which] ??= [];
        if (_scratch[which].Length < length)
        {
            _scratch[which] = new int[Math.Min(Math.Max(length + (length / 8) + 64, _scratch[which].Length * 2L), Internal.Guard.MaxEdgeSlots)];
        }

        return _scratch[which];
    }

    public void Clear() => Count = 0;

    public void EnsureCapacity(long edges)
    {
        if (edges > _from.Length)
        {
            int size = (int)Math.Min(Math.Max(edges, (long)_from.Length * 2), Internal.Guard.MaxEdgeSlots / 2);
            Array.Resize(ref _from, size);
            Array.Resize(ref _to, size);
            if (_weight is not null)
            {
                Array.Resize(ref _weight, size);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int u, int v)
    {
        if (Count == _from.Length)
        {
            Grow();
        }

        _from[Count] = u;
        _to[Count] = v;
        Count++;
    }

    public void Add(int u, int v, double weight)
    {
        _weight ??= new double[_from.Length];
        if (Count == _from.Length)
        {
            Grow();
        }

        _from[Count] = u;
        _to[Count] = v;
        _weight[Count] = weight;
        Count++;
    }

    /// <summary>Writes the symmetric CSR graph of these edges into <paramref name="graph"/>.</summary>
    /// <param name="nodeCount">Number of nodes.</param>
    /// <param name="graph">The graph to fill.</param>
    /// <param name="simplify">Drop self-loops and repeated edges (keeping the first weight).</param>
    /// <param name="weighted">Store the weights given to <see cref="Add(int, int, double)"/>.</param>
    public CsrGraph BuildUndirected(int nodeCount, CsrGraph graph, bool simplify, bool weighted = false)
    {
        long slots = 2L * Count;
        Internal.Guard.EdgeSlots(slots, "edge slots");
        graph.Prepare(nodeCount, (int)slots, weighted);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        double[]? weights = graph.WeightArray;
        Span<int> degree = offsets.AsSpan(0, nodeCount + 1);
        degree.Clear();
        int[] from = _from;
        int[] to = _to;
        int m = Count;
        for (int e = 0; e < m; e++)
        {
            degree[from[e] + 1]++;
            degree[to[e] + 1]++;
        }

        for (int v = 0; v < nodeCount; v++)
        {
            degree[v + 1] += degree[v];
        }

        // offsets[v] now holds the start of row v; use it as a cursor, then shift back.
        for (int e = 0; e < m; e++)
        {
            int u = from[e];
            int v = to[e];
            int iu = offsets[u]++;
            int iv = offsets[v]++;
            targets[iu] = v;
            targets[iv] = u;
            if (weights is not null)
            {
                double w = _weight![e];
                weights[iu] = w;
                weights[iv] = w;
            }
        }

        for (int v = nodeCount; v > 0; v--)
        {
            offsets[v] = offsets[v - 1];
        }

        offsets[0] = 0;
        if (simplify)
        {
            Simplify(graph, nodeCount);
        }

        return graph;
    }

    private void Simplify(CsrGraph graph, int nodeCount)
    {
        if (_marks.Length < nodeCount)
        {
            _marks = new int[nodeCount];
        }

        Span<int> marks = _marks.AsSpan(0, nodeCount);
        marks.Clear();
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;
        double[]? weights = graph.WeightArray;
        int write = 0;
        int start = 0;
        for (int u = 0; u < nodeCount; u++)
        {
            int end = offsets[u + 1];
            offsets[u] = write;
            for (int i = start; i < end; i++)
            {
                int v = targets[i];
                if (v == u || marks[v] == u + 1)
                {
                    continue;
                }

                marks[v] = u + 1;
                targets[write] = v;
                if (weights is not null)
                {
                    weights[write] = weights[i];
                }

                write++;
            }

            start = end;
        }

        offsets[nodeCount] = write;
        graph.SetSlotCount(write);
    }

    private void Grow()
    {
        int size = (int)Math.Min((long)_from.Length * 2, Internal.Guard.MaxEdgeSlots / 2);
        if (size <= _from.Length)
        {
            throw new InvalidOperationException("The edge list cannot grow beyond the largest graph a CsrGraph can hold.");
        }

        Array.Resize(ref _from, size);
        Array.Resize(ref _to, size);
        if (_weight is not null)
        {
            Array.Resize(ref _weight, size);
        }
    }
}
