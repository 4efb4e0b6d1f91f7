using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>How the officers' ties are drawn, as the replication reads it.</summary>
internal sealed class NetworkPlan
{
    public NetworkPlan(OfficerNetwork n)
    {
        SiblingTieProbability = n.SiblingTieProbability;
        PeerTiesPerGeneral = n.PeerTiesPerGeneral;
        CrossFactionTiesPerGeneral = n.CrossFactionTiesPerGeneral;
        CommandTieWeight = n.CommandTieWeight;
        PeerTieWeight = n.PeerTieWeight;
    }

    public double SiblingTieProbability { get; }

    public double PeerTiesPerGeneral { get; }

    public double CrossFactionTiesPerGeneral { get; }

    public double CommandTieWeight { get; }

    public double PeerTieWeight { get; }
}
