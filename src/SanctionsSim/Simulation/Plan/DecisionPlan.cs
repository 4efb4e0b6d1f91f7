using SanctionsSim.Model;

namespace SanctionsSim.Simulation;

/// <summary>How officers decide, and what the opposition promises and threatens, as the replication reads it.</summary>
internal sealed class DecisionPlan
{
    public DecisionPlan(DecisionModel d, Opposition o)
    {
        NoiseScale = d.NoiseScale;
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
