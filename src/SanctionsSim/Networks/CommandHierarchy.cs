using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Networks;

/// <summary>
/// A chain of command: a rooted tree with a given branching factor per level (the root at level 0 commands
/// <c>branching[0]</c> subordinates, each of whom commands <c>branching[1]</c>, and so on), plus peer ties
/// between siblings (officers under the same superior) and between officers of the same level.
/// Nodes are numbered level by level, so a level's nodes are contiguous.
/// </summary>
/// <threadsafety>Immutable once created.</threadsafety>
internal sealed class CommandHierarchy
{
    private readonly int[] _parent;
    private readonly int[] _level;
    private readonly int[] _levelStart;

    private CommandHierarchy(CsrGraph graph, int[] parent, int[] level, int[] levelStart)
    {
        Graph = graph;
        _parent = parent;
        _level = level;
        _levelStart = levelStart;
    }

    /// <summary>The ties: command edges (weight <c>commandWeight</c>) and peer edges (weight <c>peerWeight</c>).</summary>
    public CsrGraph Graph { get; }

    /// <summary>Number of officers (nodes).</summary>
    public int NodeCount => _parent.Length;

    /// <summary>Number of levels (the root's level is 0).</summary>
    public int LevelCount => _levelStart.Length - 1;

    /// <summary>The superior of every node (−1 for the root).</summary>
    public ReadOnlySpan<int> Parent => _parent;

    /// <summary>The level of every node (0 for the root).</summary>
    public ReadOnlySpan<int> Level => _level;

    /// <summary>The first node of every level, plus <see cref="NodeCount"/> at the end.</summary>
    public ReadOnlySpan<int> LevelStart => _levelStart;

    /// <summary>Builds a command hierarchy.</summary>
    /// <param name="branching">Subordinates per superior at each level (each ≥ 1); the tree has 1 + b₀ + b₀b₁ + … nodes.</param>
    /// <param name="siblingTieProbability">Probability that two officers with the same superior are tied, in [0, 1].</param>
    /// <param name="levelTieProbability">Probability that any two officers of the same level are tied, in [0, 1]; drawn independently of the sibling tie, so siblings are tied with probability 1 − (1 − p_s)(1 − p_l).</param>
    /// <param name="random">Random stream for the peer ties (may be null when both probabilities are 0 or 1).</param>
    /// <param name="commandWeight">Weight of a superior–subordinate tie, finite and ≥ 0.</param>
    /// <param name="peerWeight">Weight of a peer tie, finite and ≥ 0.</param>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="ArgumentException">An argument is outside its range or the tree would not fit in memory.</exception>
    public static CommandHierarchy Generate(
        ReadOnlySpan<int> branching,
        double siblingTieProbability,
        double levelTieProbability,
        RandomStream? random,
        double commandWeight = 1.0,
        double peerWeight = 1.0)
    {
        Guard.Probability(siblingTieProbability);
        Guard.Probability(levelTieProbability);
        Guard.NonNegative(commandWeight);
        Guard.NonNegative(peerWeight);
        bool needsRandom = siblingTieProbability is > 0 and < 1 || levelTieProbability is > 0 and < 1;
        if (needsRandom && random is null)
        {
            throw new ArgumentNullException(nameof(random), "A random stream is needed when a tie probability is strictly between 0 and 1.");
        }

        int levels = branching.Length + 1;
        var levelStart = new int[levels + 1];
        long count = 1;
        long width = 1;
        levelStart[1] = 1;
        for (int l = 0; l < branching.Length; l++)
        {
            if (branching[l] < 1)
            {
                throw new ArgumentException($"branching[{l}] = {branching[l]} must be >= 1.", nameof(branching));
            }

            width *= branching[l];
            count += width;
            if (count > 50_000_000)
            {
                throw new ArgumentException($"The hierarchy would have more than 50,000,000 officers (at least {count}).", nameof(branching));
            }

            levelStart[l + 2] = (int)count;
        }

        int n = (int)count;
        var parent = new int[n];
        var level = new int[n];
        parent[0] = -1;
        var edges = new EdgeList(n * 2);
        for (int l = 1; l < levels; l++)
        {
            int b = branching[l - 1];
            for (int v = levelStart[l]; v < levelStart[l + 1]; v++)
            {
                int p = levelStart[l - 1] + ((v - levelStart[l]) / b);
                parent[v] = p;
                level[v] = l;
                edges.Add(v, p, commandWeight);
            }
        }

        for (int l = 1; l < levels; l++)
        {
            int first = levelStart[l];
            int size = levelStart[l + 1] - first;
            if (levelTieProbability > 0)
            {
                AddRandomTies(edges, first, size, levelTieProbability, random, peerWeight);
            }

            if (siblingTieProbability > 0)
            {
                int b = branching[l - 1];
                for (int group = first; group < levelStart[l + 1]; group += b)
                {
                    AddRandomTies(edges, group, b, siblingTieProbability, random, peerWeight);
                }
            }
        }

        // Simplify: a pair drawn twice (sibling and level draws) is one tie; a command tie keeps its weight.
        var graph = edges.BuildUndirected(n, new CsrGraph(), simplify: true, weighted: true);
        return new CommandHierarchy(graph, parent, level, levelStart);
    }

    private static void AddRandomTies(EdgeList edges, int first, int size, double p, RandomStream? random, double weight)
    {
        // with p = 1 every gap is 0 and no random draw is made, so random may be null then
        new GeometricSkip(p).Triangle(random!, first, size, edges, weight);
    }
}
