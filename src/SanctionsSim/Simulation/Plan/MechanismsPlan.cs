using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>The revised mechanisms (docs/model.md, §2c–2e) as the replication reads them: their switches and parameters, with the backfire cost per decision class.</summary>
internal sealed class MechanismsPlan
{
    public MechanismsPlan(Scenario scenario, int[] classFaction, string[] classNames, IReadOnlyList<Faction> factions)
    {
        ConditionalAmnesty a = scenario.ConditionalAmnesty;
        ConditionalAmnesty = a.Enabled;
        PriorStrength = a.PriorStrength;
        ProtectionAbroad = a.ProtectionAbroad;

        RepressionBackfire r = scenario.RepressionBackfire;
        Backfire = r.Enabled;
        ClassOrderCost = new double[classFaction.Length];
        var ruler = new HashSet<string>(r.RulerIdentities, StringComparer.Ordinal);
        for (int k = 0; k < classFaction.Length; k++)
        {
            Faction f = factions[classFaction[k]];
            double factor = 1.0;
            if (f.Identities.Count > 0)
            {
                // the class name is "faction/identity" (SimulationPlan.AssignIdentities)
                string identity = classNames[k][(f.Name.Length + 1)..];
                factor = ruler.Contains(identity) ? r.InGroupFactor : r.OutGroupFactor;
            }

            ClassOrderCost[k] = r.OrderCost * factor;
        }

        Mobilisation m = scenario.Mobilisation;
        Mobilisation = m.Enabled;
        ShockPerTenfold = m.ShockPerTenfold;
        ThresholdShare = m.ThresholdShare;
        DefectionFeedback = m.DefectionFeedback;
        RepressionFeedback = m.RepressionFeedback;
    }

    /// <summary>Whether amnesties are conditional, replace the prosecution term and are believed per officer (Eq. 20–22).</summary>
    public bool ConditionalAmnesty { get; }

    /// <summary>n₀.</summary>
    public double PriorStrength { get; }

    /// <summary>h.</summary>
    public double ProtectionAbroad { get; }

    /// <summary>Whether crackdown orders backfire on the units ordered (Eq. 23).</summary>
    public bool Backfire { get; }

    /// <summary>ρ·g_k per decision class k.</summary>
    public double[] ClassOrderCost { get; }

    /// <summary>Whether events with a participation shock by their mobilised share (Eq. 24–25).</summary>
    public bool Mobilisation { get; }

    /// <summary>κ_p.</summary>
    public double ShockPerTenfold { get; }

    /// <summary>p₀.</summary>
    public double ThresholdShare { get; }

    /// <summary>φ_s.</summary>
    public double DefectionFeedback { get; }

    /// <summary>φ_c.</summary>
    public double RepressionFeedback { get; }
}
