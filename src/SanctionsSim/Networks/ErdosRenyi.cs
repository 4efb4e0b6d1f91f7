using SanctionsSim.Internal;
using SanctionsSim.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// The Erdős–Rényi random graph G(n, p): each of the n(n − 1)/2 pairs is tied independently with
/// probability p. Generated in O(n + m) time by geometric skipping (Batagelj &amp; Brandes 2005), never by a
/// loop over all pairs.
/// </summary>
internal static class ErdosRenyi
{
    /// <summary>The tie probability giving mean degree <paramref name="meanDegree"/>: p = z / (n − 1), capped at 1.</summary>
    /// <param name="nodeCount">Number of nodes, at least 2.</param>
    /// <param name="meanDegree">Mean degree z, finite and ≥ 0.</param>
    /// <returns>The edge probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double EdgeProbability(int nodeCount, double meanDegree)
    {
        Guard.InRange(nodeCount, 2, int.MaxValue);
        Guard.NonNegative(meanDegree);
        return Math.Min(1.0, meanDegree / (nodeCount - 1));
    }

    /// <summary>Draws a G(n, p) graph.</summary>
    /// <remarks>The graph's random words come from four generators seeded by the next sixteen words of
    /// <paramref name="random"/>, which therefore moves on by sixteen words whatever the graph's size.</remarks>
    /// <param name="nodeCount">Number of nodes, ≥ 0.</param>
    /// <param name="edgeProbability">Tie probability p in [0, 1].</param>
    /// <param name="random">The random stream to draw from.</param>
    /// <param name="reuse">An existing graph to refill (no allocation once large enough), or null for a new one.</param>
    /// <returns>The graph (<paramref name="reuse"/> when given).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or the expected graph cannot fit in memory.</exception>
    public static CsrGraph Generate(int nodeCount, double edgeProbability, RandomStream random, CsrGraph? reuse = null)
        => Generate(nodeCount, edgeProbability, random, reuse, new EdgeList());

    internal static CsrGraph Generate(int nodeCount, double edgeProbability, RandomStream random, CsrGraph? reuse, EdgeList edges)
    {
        Guard.NonNegative(nodeCount);
        Guard.Probability(edgeProbability);
        ArgumentNullException.ThrowIfNull(random);
        double pairs = (double)nodeCount * (nodeCount - 1) / 2.0;
        double expected = pairs * edgeProbability;
        Guard.EdgeSlots(2.0 * (expected + (6.0 * Math.Sqrt(expected + 1.0))), nameof(edgeProbability));
        edges.Clear();
        return Build(nodeCount, new GeometricSkip(edgeProbability), random, reuse ?? new CsrGraph(), edges, (long)(expected + (4.0 * Math.Sqrt(expected + 1.0)) + 16));
    }

    /// <summary>
    /// Batagelj–Brandes: walk the pairs (v, w), w &lt; v, in row order, jumping over failures with geometric
    /// gaps; then lay out the CSR graph without an edge list. Row v's draws are v's lower neighbours, already
    /// contiguous and sorted, so they are copied; only the upper half (v as a neighbour of each w &lt; v) is
    /// scattered, and degrees of the lower half come from row lengths. Half the random memory traffic of a
    /// counting sort over an edge list, and the same graph, slot for slot (a test compares the two).
    /// </summary>
    /// <remarks>
    /// The pairs are drawn in blocks of <see cref="PairBlock"/>, each in three passes that do not wait on one
    /// another: the gaps (from random words drawn ahead into a buffer by four xoshiro256** generators in vector lanes,
    /// seeded from the stream, so that no single generator's dependency chain limits the walk), the pair → (v, w)
    /// mapping (a square root, eight pairs at a time in vector registers), and the row
    /// and degree counts. One fused loop did all three per pair and was a third slower.
    /// </remarks>
    private static CsrGraph Build(int n, GeometricSkip skip, RandomStream random, CsrGraph graph, EdgeList scratch, long expectedEdges)
    {
        int[] lower = scratch.Buffer(0, expectedEdges + PairBlock);
        int[] rows = scratch.Buffer(2, (long)n + 1);
        int[] upper = scratch.Buffer(1, (long)n + 1);
        Array.Clear(upper, 0, n + 1);
        Array.Clear(rows, 0, n + 1);
        int[] blockRows = scratch.RowBlock;
        int[] blockColumns = scratch.ColumnBlock;
        int m = 0;
        var walk = new PairWalk(n, skip, random, scratch);
        while (!walk.Done)
        {
            int count = walk.NextBlock();
            if (m > lower.Length - count)
            {
                lower = Grow(scratch, lower, m);
            }

            for (int k = 0; k < count; k++)
            {
                int w = blockColumns[k];
                lower[m++] = w;
                rows[blockRows[k] + 1]++;
                upper[w]++;
            }
        }

        for (int r = 0; r < n; r++)
        {
            rows[r + 1] += rows[r];
        }

        Internal.Guard.EdgeSlots(2L * m, "edge slots");
        graph.Prepare(n, 2 * m, weighted: false);
        int[] offsets = graph.OffsetArray;
        int[] targets = graph.TargetArray;

        // offsets from lower (row length) plus upper degrees; upper[] becomes each node's cursor for its upper neighbours
        int start = 0;
        for (int u = 0; u < n; u++)
        {
            offsets[u] = start;
            int lowerCount = rows[u + 1] - rows[u];
            int upperCount = upper[u];
            upper[u] = start + lowerCount;
            start += lowerCount + upperCount;
        }

        offsets[n] = start;
        for (int u = 0; u < n; u++)
        {
            int from = rows[u], to = rows[u + 1], at = offsets[u] - from;
            for (int e = from; e < to; e++)
            {
                // rows are a few entries long: a plain loop beats Array.Copy's call overhead
                int w = lower[e];
                targets[at + e] = w;
                targets[upper[w]++] = u;
            }
        }

        return graph;
    }

    /// <summary>
    /// Draws the same G(n, p) graph as <see cref="Generate(int, double, RandomStream, CsrGraph?, EdgeList)"/>, from
    /// the same words, into fixed 16-slot rows (same neighbour order), in one pass over the edges.
    /// </summary>
    /// <returns>False when some node has more than 16 neighbours: the slots are then incomplete and the stream's position
    /// unspecified (the caller resets it and draws a CSR graph instead).</returns>
    internal static bool TryGenerateSlots(int nodeCount, double edgeProbability, RandomStream random, SlotGraph graph, EdgeList scratch)
    {
        if (nodeCount > SlotGraph.MaxNodes)
        {
            return false;
        }

        int n = nodeCount;
        var skip = new GeometricSkip(edgeProbability);
        graph.Prepare(n);
        int[] blockRows = scratch.RowBlock;
        int[] blockColumns = scratch.ColumnBlock;
        ref ushort slots = ref MemoryMarshal.GetArrayDataReference(graph.Slots);
        ref byte degrees = ref MemoryMarshal.GetArrayDataReference(graph.Degrees);
        var walk = new PairWalk(n, skip, random, scratch);
        while (!walk.Done)
        {
            int count = walk.NextBlock();
            int seen = 0;
            for (int k = 0; k < count; k++)
            {
                // v and w are node indices < n ≤ 65,536; a 17th neighbour (dv = 16) wraps within its row and is caught below
                int v = blockRows[k], w = blockColumns[k];
                int dv = Unsafe.Add(ref degrees, v);
                Unsafe.Add(ref slots, (v * SlotGraph.Width) + (dv & (SlotGraph.Width - 1))) = (ushort)w;
                Unsafe.Add(ref degrees, v) = (byte)(dv + 1);
                int dw = Unsafe.Add(ref degrees, w);
                Unsafe.Add(ref slots, (w * SlotGraph.Width) + (dw & (SlotGraph.Width - 1))) = (ushort)v;
                Unsafe.Add(ref degrees, w) = (byte)(dw + 1);
                seen |= dv | dw;
            }

            if (seen >= SlotGraph.Width)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pairs <see cref="Generate(int, double, RandomStream, CsrGraph?)"/> draws, as an edge list (v, w), w &lt; v, in row order: the reference its direct layout is tested against.</summary>
    internal static void DrawEdges(int nodeCount, double edgeProbability, RandomStream random, EdgeList edges)
    {
        var walk = new PairWalk(nodeCount, new GeometricSkip(edgeProbability), random, edges);
        while (!walk.Done)
        {
            int count = walk.NextBlock();
            for (int k = 0; k < count; k++)
            {
                edges.Add(edges.RowBlock[k], edges.ColumnBlock[k]);
            }
        }
    }

    /// <summary>
    /// The walk over the lower triangle's pair indices L = v(v − 1)/2 + w in row order, a block at a time: each block's
    /// pairs are drawn (geometric gaps; none when p is 0 or 1) and mapped to rows and columns (<see cref="EdgeList.RowBlock"/>,
    /// <see cref="EdgeList.ColumnBlock"/>) with a square root instead of walking rows, so no loop has a data-dependent
    /// branch to mispredict. Shared by the CSR and the slot layouts, so both see the same pairs.
    /// </summary>
    private struct PairWalk
    {
        private readonly GeometricSkip _skip;
        private readonly long _total;
        private readonly EdgeList _scratch;
        private BufferedXoshiro _source;
        private long _pair;

        public PairWalk(int n, GeometricSkip skip, RandomStream random, EdgeList scratch)
        {
            _skip = skip;
            _total = (long)n * (n - 1) / 2;
            _scratch = scratch;
            var parent = random.Detach();
            _source = new BufferedXoshiro(scratch.RandomWords, parent.SeedFourLanes());
            random.Restore(parent); // the stream moves on by the sixteen seeding words, whatever the graph's size
            _pair = -1;
            Done = _total <= 0;
        }

        /// <summary>True once the last pair has been drawn.</summary>
        public bool Done { get; private set; }

        /// <summary>Draws and maps the next block; returns its number of pairs (at most <see cref="PairBlock"/>, possibly 0 at the end).</summary>
        public int NextBlock()
        {
            long[] pairs = _scratch.PairBlock;
            int count = 0;
            bool done;
            if (_skip.InverseLogQ == 0)
            {
                // p = 0 (no pair) or p = 1 (every pair): no draws
                for (; count < PairBlock && _skip.P >= 1.0 && _pair + 1 < _total; count++)
                {
                    pairs[count] = ++_pair;
                }

                done = count < PairBlock;
            }
            else
            {
                count = DrawPairs(ref _source, pairs, ref _pair, _total, _skip.InverseLogQ, out done);
            }

            Done = done;
            MapPairs(pairs.AsSpan(0, count), _scratch.RowBlock, _scratch.ColumnBlock);
            return count;
        }

    }

    /// <summary>
    /// Up to <see cref="PairBlock"/> successive pair indices after <paramref name="pair"/>, one geometric gap each;
    /// <paramref name="done"/> when the next gap passes the last pair. A method of its own so that its few locals
    /// (buffer position, pair, tables) live in registers.
    /// </summary>
    private static int DrawPairs(ref BufferedXoshiro source, long[] pairs, ref long pair, long total, double scale, out bool done)
    {
        ulong[] words = source.Buffer;
        int index = source.Index;
        long current = pair;
        ref ulong ke = ref MemoryMarshal.GetArrayDataReference(ExponentialZiggurat.Ke);
        ref double we = ref MemoryMarshal.GetArrayDataReference(ExponentialZiggurat.We);
        ref ulong word = ref MemoryMarshal.GetArrayDataReference(words);
        ref long pairSlot = ref MemoryMarshal.GetArrayDataReference(pairs);
        bool vector = PairSteps.IsAccelerated;
        done = false;
        int count = 0;
        while (count < pairs.Length)
        {
            // Four words at a time while all four take the ziggurat's fast path and stay inside the triangle: the
            // same arithmetic as the scalar step below, lane for lane ((j · w_layer) · scale, truncated), so the same
            // pairs. Any other case (the rare slow path, the walk's end, a buffer's end) takes one scalar step.
            if (vector && count <= pairs.Length - 4 && index <= words.Length - 4
                && PairSteps.TryFour(ref Unsafe.Add(ref word, index), ref ke, ref we, scale, current, total, ref Unsafe.Add(ref pairSlot, count), out long last))
            {
                current = last;
                count += 4;
                index += 4;
                continue;
            }

            if (index == words.Length)
            {
                source.Refill();
                index = 0;
            }

            // ExponentialZiggurat.Next on the buffered words: the layer's rectangle in about 99 % of draws
            ulong bits = Unsafe.Add(ref word, index++);
            nint layer = (nint)(bits & 255);
            ulong jj = bits >> 11;
            double e;
            if (jj < Unsafe.Add(ref ke, layer))
            {
                e = (long)jj * Unsafe.Add(ref we, layer); // j < 2^53: the signed conversion is exact
            }
            else
            {
                source.Index = index;
                e = CompleteExponential(ref source, bits);
                index = source.Index;
            }

            double gd = e * scale;
            long gap = gd < 9.0e18 ? PairSteps.Truncate(gd) : long.MaxValue;
            if (gap >= total - current - 1)
            {
                done = true;
                break;
            }

            current += 1 + gap;
            pairs[count++] = current;
        }

        source.Index = index;
        pair = current;
        return count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double CompleteExponential(ref BufferedXoshiro source, ulong bits) => ExponentialZiggurat.CompleteSlow(ref source, bits);

    /// <summary>Pairs drawn per block (see <see cref="Build"/>).</summary>
    internal const int PairBlock = 256;

    /// <summary>Row and column of each lower-triangle pair index (<see cref="TrianglePairs.Map"/>, by vectors where accelerated).</summary>
    internal static void MapPairs(ReadOnlySpan<long> pairs, Span<int> rows, Span<int> columns)
        => TrianglePairs.Map(pairs, rows, columns, TrianglePairs.IsAccelerated);

    private static int[] Grow(EdgeList scratch, int[] lower, int m)
    {
        int[] copy = [.. lower.AsSpan(0, m)];
        int[] bigger = scratch.Buffer(0, (long)m * 2);
        copy.CopyTo(bigger, 0);
        return bigger;
    }
}
