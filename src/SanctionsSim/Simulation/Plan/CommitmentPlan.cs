using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Plan;

/// <summary>A <see cref="Policy.Commitment"/> as the replication reads it, with its law of motion (docs/model.md, Eq. 12).</summary>
internal sealed class CommitmentPlan
{
    public CommitmentPlan(Commitment c)
    {
        Initial = c.Initial;
        Rate = c.AdaptationRate;
        CostTolerance = c.CostTolerancePerWeek;
        CostSensitivity = c.CostSensitivity;
        HumanitarianSensitivity = c.HumanitarianSensitivity;
        ProgressFromDefections = c.ProgressFromDefections;
        ProgressFromRevenueLoss = c.ProgressFromRevenueLoss;
        Cohesion = c.AllianceCohesion;
        IsStatic = c.IsStatic;
    }

    public double Initial { get; }

    public double Rate { get; }

    public double CostTolerance { get; }

    public double CostSensitivity { get; }

    public double HumanitarianSensitivity { get; }

    public double ProgressFromDefections { get; }

    public double ProgressFromRevenueLoss { get; }

    public double Cohesion { get; }

    /// <summary>Whether commitment never moves (every sensitivity 0).</summary>
    public bool IsStatic { get; }

    /// <summary>
    /// Next week's commitment: c + r·(c* − c), clamped to [0, 1], with
    /// c* = c₀ − κ·cost/C_tol − h·burden + π_d·progress + π_r·loss + a·(partners − c).
    /// </summary>
    /// <param name="c">This week's commitment.</param>
    /// <param name="cost">The agent's own cost this week (USD billion).</param>
    /// <param name="burden">The humanitarian burden relative to the regime's baseline revenue.</param>
    /// <param name="progress">The defected share relative to the critical share.</param>
    /// <param name="loss">The regime's revenue lost share.</param>
    /// <param name="partners">The partners' mean commitment (the agent's own when it has none).</param>
    public double Next(double c, double cost, double burden, double progress, double loss, double partners)
    {
        if (IsStatic)
        {
            return c;
        }

        double target = Initial - (CostSensitivity * cost / CostTolerance) - (HumanitarianSensitivity * burden)
            + (ProgressFromDefections * progress) + (ProgressFromRevenueLoss * loss) + (Cohesion * (partners - c));
        return Math.Clamp(c + (Rate * (target - c)), 0.0, 1.0);
    }

    /// <summary>
    /// Moves every agent of a group (the senders, or the patrons) at once: each towards its target (<see cref="Next"/>)
    /// with the others' mean commitment this week as its partners'.
    /// </summary>
    /// <param name="plans">Each agent's law.</param>
    /// <param name="commitment">This week's commitments, replaced by next week's.</param>
    /// <param name="scratch">One slot per agent.</param>
    /// <param name="cost">Each agent's cost this week.</param>
    /// <param name="burden">The humanitarian burden relative to the regime's baseline revenue.</param>
    /// <param name="progress">The defected share relative to the critical share.</param>
    /// <param name="loss">The regime's revenue lost share.</param>
    public static void ReviseAll(CommitmentPlan[] plans, Span<double> commitment, Span<double> scratch, ReadOnlySpan<double> cost, double burden, double progress, double loss)
    {
        int n = commitment.Length;
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            total += commitment[j];
        }

        for (int j = 0; j < n; j++)
        {
            double partners = n > 1 ? (total - commitment[j]) / (n - 1) : commitment[j];
            scratch[j] = plans[j].Next(commitment[j], cost[j], burden, progress, loss, partners);
        }

        scratch[..n].CopyTo(commitment);
    }
}
