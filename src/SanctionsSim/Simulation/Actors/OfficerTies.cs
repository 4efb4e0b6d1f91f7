using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The officers' ties, drawn per replication from the network stream (docs/model.md, §Network): each officer's
/// command tie to their superior; sibling ties among officers of the same rank under the same superior; peer
/// ties among a faction's generals; and ties between generals of different factions. Parallel ties merge,
/// adding their weights.
/// </summary>
internal sealed class OfficerTies
{
    private readonly SimulationPlan _plan;
    private readonly EdgeList _edges = new();
    private readonly double[] _weight;

    public OfficerTies(SimulationPlan plan)
    {
        _plan = plan;
        _weight = new double[plan.OfficerCount];
    }

    /// <summary>The tie graph, weighted.</summary>
    public CsrGraph Graph { get; } = new();

    /// <summary>Each officer's total tie weight.</summary>
    public ReadOnlySpan<double> Weight => _weight;

    public void Draw(RandomStream random)
    {
        SimulationPlan p = _plan;
        NetworkPlan net = p.Network;
        _edges.Clear();
        int n = p.OfficerCount;
        for (int i = 0; i < n; i++)
        {
            if (p.Superior[i] >= 0)
            {
                _edges.Add(i, p.Superior[i], net.CommandTieWeight);
            }
        }

        // siblings: officers with the same superior are contiguous runs of the layout
        if (net.SiblingTieProbability > 0)
        {
            int start = 0;
            while (start < n)
            {
                int end = start + 1;
                while (end < n && p.Superior[end] == p.Superior[start] && p.Superior[start] >= 0 && p.Rank[end] == p.Rank[start])
                {
                    end++;
                }

                if (p.Superior[start] >= 0)
                {
                    new GeometricSkip(net.SiblingTieProbability).Triangle(random, start, end - start, _edges, net.PeerTieWeight);
                }

                start = end;
            }
        }

        // peer ties among generals of a faction, and across factions
        int totalGenerals = p.GeneralCount.Sum();
        for (int f = 0; f < p.FactionCount; f++)
        {
            int gf = p.GeneralCount[f];
            if (gf > 1 && net.PeerTiesPerGeneral > 0)
            {
                new GeometricSkip(Math.Min(1.0, net.PeerTiesPerGeneral / (gf - 1))).Triangle(random, p.FactionStart[f], gf, _edges, net.PeerTieWeight);
            }

            for (int h = 0; h < f; h++)
            {
                int others = totalGenerals - gf;
                if (others > 0 && net.CrossFactionTiesPerGeneral > 0)
                {
                    double q = Math.Min(1.0, net.CrossFactionTiesPerGeneral / others);
                    new GeometricSkip(q).Rectangle(random, p.FactionStart[f], gf, p.FactionStart[h], p.GeneralCount[h], _edges, net.PeerTieWeight);
                }
            }
        }

        _edges.BuildUndirected(n, Graph, simplify: true, weighted: true);
        for (int i = 0; i < n; i++)
        {
            _weight[i] = Graph.WeightedDegree(i);
        }
    }
}
