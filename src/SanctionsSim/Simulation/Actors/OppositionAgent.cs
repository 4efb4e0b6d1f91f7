using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The opposition: what it promises defectors and threatens loyalists if the regime falls (G, J, J_s of Eq. 3–4),
/// and how its recognition abroad makes the coalition's offers more credible (Eq. 6). docs/model.md, §Opposition.
/// </summary>
internal sealed class OppositionAgent
{
    private DecisionPlan _plan;

    public OppositionAgent(DecisionPlan plan) => _plan = plan;

    /// <summary>Reads another structure's decision plan (<see cref="Replication.Rebind"/>).</summary>
    public void Rebind(DecisionPlan plan) => _plan = plan;

    /// <summary>The multiplier of every offer's credibility when <paramref name="recognising"/> instruments recognise the opposition: 1 + boost · count.</summary>
    public double CredibilityMultiplier(int recognising) => 1 + (_plan.RecognitionCredibilityBoost * recognising);

    /// <summary>G: a defector's gain if the regime falls.</summary>
    public double GainIfRegimeFalls => _plan.GainIfRegimeFalls;

    /// <summary>J: what a loyalist loses to prosecution if the regime falls.</summary>
    public double ProsecutionCost => _plan.ProsecutionCost;

    /// <summary>J_s: the extra prosecution cost of a personally sanctioned loyalist.</summary>
    public double SanctionedProsecutionCost => _plan.SanctionedProsecutionCost;
}
