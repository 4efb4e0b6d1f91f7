using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// The erased configuration model (Newman 2010, Networks, §13.2): stubs are paired uniformly at random and
/// the self-loops and repeated edges this creates are erased, so a node may end with slightly fewer ties than
/// asked for (a vanishing share for degree sequences with a finite second moment).
/// </summary>
internal static class ConfigurationModel
{
    /// <summary>Draws a simple graph whose degrees follow <paramref name="degrees"/> up to erased loops and multi-edges.</summary>
    /// <param name="degrees">The degree of every node; each ≥ 0 and the sum even.</param>
    /// <param name="random">The random stream to draw from.</param>
    /// <param name="reuse">An existing graph to refill, or null.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentException">A degree is negative or the degree sum is odd.</exception>
    public static CsrGraph Generate(ReadOnlySpan<int> degrees, RandomStream random, CsrGraph? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        long total = 0;
        for (int i = 0; i < degrees.Length; i++)
        {
            if (degrees[i] < 0)
            {
                throw new ArgumentException($"degrees[{i}] = {degrees[i]} must be >= 0.", nameof(degrees));
            }

            total += degrees[i];
        }

        if ((total & 1) != 0)
        {
            throw new ArgumentException($"The degrees must sum to an even number; they sum to {total}.", nameof(degrees));
        }

        Guard.EdgeSlots(total, nameof(degrees));
        int[] stubs = new int[total];
        int k = 0;
        for (int v = 0; v < degrees.Length; v++)
        {
            for (int d = 0; d < degrees[v]; d++)
            {
                stubs[k++] = v;
            }
        }

        // Fisher–Yates shuffle, then pair consecutive stubs.
        for (int i = stubs.Length - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (stubs[i], stubs[j]) = (stubs[j], stubs[i]);
        }

        var edges = new EdgeList(stubs.Length / 2);
        for (int i = 0; i + 1 < stubs.Length; i += 2)
        {
            edges.Add(stubs[i], stubs[i + 1]);
        }

        return edges.BuildUndirected(degrees.Length, reuse ?? new CsrGraph(), simplify: true);
    }

    /// <summary>Draws a degree sequence of length <paramref name="nodeCount"/> from a MathNet discrete distribution, making the sum even by adding one to a random node if needed.</summary>
    /// <param name="nodeCount">Number of nodes, ≥ 1.</param>
    /// <param name="distribution">Degree distribution (negative draws are rejected).</param>
    /// <param name="random">The random stream to draw from.</param>
    /// <returns>The degree sequence.</returns>
    /// <exception cref="ArgumentException">The distribution produced a negative degree.</exception>
    public static int[] SampleDegrees(int nodeCount, MathNet.Numerics.Distributions.IDiscreteDistribution distribution, RandomStream random)
    {
        Guard.Positive(nodeCount);
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(random);
        distribution.RandomSource = random;
        int[] degrees = new int[nodeCount];
        long sum = 0;
        for (int i = 0; i < nodeCount; i++)
        {
            int d = distribution.Sample();
            if (d < 0)
            {
                throw new ArgumentException($"The degree distribution produced a negative degree ({d}).", nameof(distribution));
            }

            degrees[i] = d;
            sum += d;
        }

        if ((sum & 1) != 0)
        {
            degrees[random.NextInt32(nodeCount)]++;
        }

        return degrees;
    }
}
