using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;

namespace SanctionsSim.Cascades;

/// <summary>Ways to choose the initially active agents of a cascade.</summary>
internal static class SeedSelection
{
    /// <summary>Draws <paramref name="destination"/>.Length distinct agents uniformly from [0, n), without allocating.</summary>
    /// <param name="nodeCount">n, the number of agents.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="destination">Where to write the agents; its length k must satisfy 0 ≤ k ≤ n.</param>
    /// <remarks>For k ≤ 64 Floyd's algorithm with a linear membership test (O(k²)); otherwise Knuth's selection sampling (Algorithm S, O(n)), which returns the agents in increasing order.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">k exceeds n.</exception>
    public static void Random(int nodeCount, RandomStream random, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.NonNegative(nodeCount);
        int k = destination.Length;
        if (k > nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), k, $"Cannot draw {k} distinct agents out of {nodeCount}.");
        }

        if (k <= 64)
        {
            // Floyd (Bentley & Floyd 1987): for j = n − k .. n − 1, pick t in [0, j]; take t unless taken, else j.
            int filled = 0;
            for (int j = nodeCount - k; j < nodeCount; j++)
            {
                int t = random.NextInt32(j + 1);
                destination[filled++] = destination[..(filled - 1)].Contains(t) ? j : t;
            }

            return;
        }

        int chosen = 0;
        for (int v = 0; v < nodeCount && chosen < k; v++)
        {
            if ((nodeCount - v) * random.NextDouble() < k - chosen)
            {
                destination[chosen++] = v;
            }
        }
    }

    /// <summary>Draws round(fraction · n) distinct agents uniformly.</summary>
    /// <param name="nodeCount">n.</param>
    /// <param name="fraction">Share of agents to seed, in [0, 1].</param>
    /// <param name="random">The random stream.</param>
    /// <returns>The seeds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not a probability.</exception>
    public static int[] RandomFraction(int nodeCount, double fraction, RandomStream random)
    {
        Guard.Probability(fraction);
        int k = (int)Math.Round(fraction * nodeCount, MidpointRounding.ToEven);
        var seeds = new int[k];
        Random(nodeCount, random, seeds);
        return seeds;
    }

    /// <summary>The <paramref name="count"/> agents with the highest degree (ties: lower index first).</summary>
    /// <param name="graph">The network.</param>
    /// <param name="count">How many, 0 ≤ count ≤ n.</param>
    /// <returns>The seeds, highest degree first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public static int[] HighestDegree(CsrGraph graph, int count)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var scores = new double[graph.NodeCount];
        for (int v = 0; v < scores.Length; v++)
        {
            scores[v] = graph.Degree(v);
        }

        return Top(scores, count);
    }

    /// <summary>The <paramref name="count"/> agents with the highest weight (for example troops commanded), or highest weighted degree when <paramref name="nodeWeights"/> is empty.</summary>
    /// <param name="graph">The network.</param>
    /// <param name="count">How many, 0 ≤ count ≤ n.</param>
    /// <param name="nodeWeights">Optional weight per agent; empty to use the weighted degree.</param>
    /// <returns>The seeds, heaviest first (ties: lower index first).</returns>
    /// <exception cref="ArgumentException">The weights do not match the graph or contain NaN.</exception>
    public static int[] HighestWeight(CsrGraph graph, int count, ReadOnlySpan<double> nodeWeights = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var scores = new double[graph.NodeCount];
        if (nodeWeights.IsEmpty)
        {
            for (int v = 0; v < scores.Length; v++)
            {
                scores[v] = graph.WeightedDegree(v);
            }
        }
        else
        {
            if (nodeWeights.Length != graph.NodeCount)
            {
                throw new ArgumentException($"nodeWeights has {nodeWeights.Length} entries; the graph has {graph.NodeCount} nodes.", nameof(nodeWeights));
            }

            for (int v = 0; v < scores.Length; v++)
            {
                scores[v] = double.IsNaN(nodeWeights[v])
                    ? throw new ArgumentException($"nodeWeights[{v}] is NaN.", nameof(nodeWeights))
                    : nodeWeights[v];
            }
        }

        return Top(scores, count);
    }

    /// <summary>Agents whose rule needs no active neighbour at all (threshold ≤ 0): they act on their own, as Granovetter's instigators do.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="graph">The network.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The agents, in increasing order.</returns>
    public static int[] Spontaneous<TRule>(CsrGraph graph, TRule rule)
        where TRule : struct, IThresholdRule
    {
        ArgumentNullException.ThrowIfNull(graph);
        var list = new List<int>();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (rule.RequiredCount(v, graph.Degree(v)) <= 0)
            {
                list.Add(v);
            }
        }

        return [.. list];
    }

    private static int[] Top(double[] scores, int count)
    {
        Guard.InRange(count, 0, scores.Length);
        var order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = scores[b].CompareTo(scores[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order[..count];
    }
}
