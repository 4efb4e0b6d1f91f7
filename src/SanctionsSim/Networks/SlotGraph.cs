using MathNet.Numerics.Distributions;

namespace SanctionsSim.Networks;

/// <summary>
/// An undirected graph of at most 65,536 nodes whose every node has at most <see cref="Width"/> neighbours,
/// stored as one fixed row of 16 two-byte slots per node: the neighbours of v are
/// <c>Slots[16v .. 16v + Degrees[v])</c>. Built in one pass over the edges (each edge appends to two rows), where a
/// CSR graph needs a count, a prefix sum and a scatter; and a row is one aligned 32-byte vector, so the cascade
/// kernel copies it whole. Neighbour order matches the CSR graph of the same draws, row for row.
/// </summary>
/// <remarks>For Monte Carlo workers that draw a new sparse graph every replication (Watts); a draw that overflows a row is
/// redone as a <see cref="CsrGraph"/>.</remarks>
internal sealed class SlotGraph
{
    /// <summary>Slots per node: degrees up to 16 fit.</summary>
    public const int Width = 16;

    /// <summary>Node indices must fit in two bytes.</summary>
    public const int MaxNodes = 1 << 16;

    /// <summary>The largest expected number of overflowing draws per graph for which slots are used.</summary>
    private const double MaxOverflowRate = 0.1;

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; private set; }

    /// <summary>Row v holds v's neighbours in its first <see cref="Degrees"/>[v] slots.</summary>
    public ushort[] Slots { get; private set; } = [];

    /// <summary>Degree of each node (at most <see cref="Width"/> when the graph fitted).</summary>
    public byte[] Degrees { get; private set; } = [];

    /// <summary>
    /// Whether an Erdős–Rényi graph of <paramref name="nodeCount"/> nodes and mean degree <paramref name="meanDegree"/>
    /// suits slots: node indices fit in two bytes, and the expected number of nodes of degree ≥ 17 (a Poisson
    /// tail, n · P(K ≥ 17)) is at most 0.1, so that at most about one draw in ten is redone as a CSR graph.
    /// </summary>
    public static bool Suits(int nodeCount, double meanDegree)
        => nodeCount is >= 2 and <= MaxNodes
           && meanDegree >= 0 && double.IsFinite(meanDegree)
           && (meanDegree == 0 || nodeCount * (1.0 - Poisson.CDF(meanDegree, Width)) <= MaxOverflowRate);

    /// <summary>Clears the degrees of <paramref name="nodeCount"/> nodes, growing the arrays on first use only.</summary>
    public void Prepare(int nodeCount)
    {
        if (Degrees.Length < nodeCount)
        {
            Degrees = new byte[nodeCount];
            Slots = new ushort[(nodeCount * Width) + Width];
        }

        Array.Clear(Degrees, 0, nodeCount);
        NodeCount = nodeCount;
    }
}
