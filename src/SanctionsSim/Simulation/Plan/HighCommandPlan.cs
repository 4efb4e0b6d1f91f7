using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>
/// The high command as the replication reads it (hoisted from <see cref="Model.HighCommand"/>): its members, each
/// faction's top general and the generals directly under him in the command tree (1 + CommandBranching, at most the
/// faction's generals), and their weights, the faction's share of the importance-weighted command strength split
/// equally among its members (docs/model.md, Eq. 16).
/// </summary>
internal sealed class HighCommandPlan
{
    public HighCommandPlan(HighCommand h, Scenario scenario, int[] factionStart, double[] factionImportance, double[] factionTroops, double importanceWeightedStrength)
    {
        Enabled = h.Enabled;
        RegimeTypeEffect type = scenario.Regime.TypeEffects.For(scenario.Regime.Type);
        SuccessThreshold = Math.Min(1.0, h.SuccessThreshold * type.MoveThreshold); // Eq. 28: exactly κ when λ_κ = 1
        StrengthNoise = h.StrengthNoise;
        SignalNoise = h.SignalNoise;
        PriorPrecision = 1.0 / (h.StrengthNoise * h.StrengthNoise);
        SignalPrecision = 1.0 / (h.SignalNoise * h.SignalNoise);
        DeliberationWeeks = h.DeliberationWeeks;
        Gain = h.GainIfMoveSucceeds * type.FallGain; // Eq. 26
        FailureCost = h.FailureCost;
        DetectionAfterFailure = h.DetectionAfterFailedMove;
        var members = new List<int>();
        var weights = new List<double>();
        for (int f = 0; f < scenario.Factions.Count; f++)
        {
            Faction fa = scenario.Factions[f];
            int count = Math.Min(fa.Generals, 1 + fa.CommandBranching);
            double weight = factionImportance[f] * factionTroops[f] / importanceWeightedStrength / count;
            for (int j = 0; j < count; j++)
            {
                members.Add(factionStart[f] + j); // generals come first in a faction, the top general at its start
                weights.Add(weight);
            }
        }

        Members = [.. members];
        MemberWeight = [.. weights];
    }

    public bool Enabled { get; }

    /// <summary>κ, times the regime type's λ_κ and capped at 1 (Eq. 28).</summary>
    public double SuccessThreshold { get; }

    /// <summary>σ_θ.</summary>
    public double StrengthNoise { get; }

    /// <summary>σ.</summary>
    public double SignalNoise { get; }

    /// <summary>α = 1/σ_θ².</summary>
    public double PriorPrecision { get; }

    /// <summary>β = 1/σ².</summary>
    public double SignalPrecision { get; }

    /// <summary>d.</summary>
    public int DeliberationWeeks { get; }

    /// <summary>B, times the regime type's λ_G (Eq. 26).</summary>
    public double Gain { get; }

    /// <summary>K.</summary>
    public double FailureCost { get; }

    public double DetectionAfterFailure { get; }

    /// <summary>The members' officer indices.</summary>
    public int[] Members { get; }

    /// <summary>w_j: each member's share of the importance-weighted command strength (they add up to 1).</summary>
    public double[] MemberWeight { get; }
}
