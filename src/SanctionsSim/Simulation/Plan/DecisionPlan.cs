using SanctionsSim.Model;

namespace SanctionsSim.Simulation.Plan;

/// <summary>How officers decide, and what the opposition promises and threatens, as the replication reads it.</summary>
internal sealed class DecisionPlan
{
    public DecisionPlan(DecisionModel d, Opposition o)
    {
        NoiseScale = d.NoiseScale;
        WeeklyNoise = d.NoiseScale * d.WeeklyNoiseScale;
        GrievanceSd = d.GrievanceSd;
        PublicNewsWeight = d.PublicNewsWeight;
        FallSteepness = d.FallSteepness;
        FallMidpoint = d.FallMidpoint;
        RevenueLossFallEffect = d.RevenueLossFallEffect;
        CohesionUncertainty = d.CohesionUncertainty;
        CascadeWithinWeek = d.CascadeWithinWeek;
        RecognitionCredibilityBoost = o.RecognitionCredibilityBoost;
        GainIfRegimeFalls = o.GainIfRegimeFalls;
        ProsecutionCost = o.ProsecutionCost;
        SanctionedProsecutionCost = o.SanctionedProsecutionCost;
    }

    /// <summary>τ.</summary>
    public double NoiseScale { get; }

    /// <summary>τ_w = τ · WeeklyNoiseScale: the logit scale of the weekly choice (Eq. 6; τ itself when the multiplier is 1).</summary>
    public double WeeklyNoise { get; }

    /// <summary>σ_g: the standard deviation of the officers' fixed grievances (0: none drawn).</summary>
    public double GrievanceSd { get; }

    /// <summary>Whether the officers carry fixed grievances (σ_g &gt; 0).</summary>
    public bool HasGrievances => GrievanceSd > 0;

    /// <summary>ω.</summary>
    public double PublicNewsWeight { get; }

    /// <summary>k.</summary>
    public double FallSteepness { get; }

    /// <summary>m.</summary>
    public double FallMidpoint { get; }

    /// <summary>ψ.</summary>
    public double RevenueLossFallEffect { get; }

    public double CohesionUncertainty { get; }

    public bool CascadeWithinWeek { get; }

    public double RecognitionCredibilityBoost { get; }

    /// <summary>G.</summary>
    public double GainIfRegimeFalls { get; }

    /// <summary>J.</summary>
    public double ProsecutionCost { get; }

    /// <summary>J_s.</summary>
    public double SanctionedProsecutionCost { get; }
}
