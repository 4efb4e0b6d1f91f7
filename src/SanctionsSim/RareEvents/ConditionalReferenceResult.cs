namespace SanctionsSim.RareEvents;

/// <summary>A reference probability computed by <see cref="ConditionalReference"/>, with its three sources of error.</summary>
internal sealed record ConditionalReferenceResult
{
    /// <summary>The reference probability: Σ_i w_i·φ(z_i)·(hits_i / n_i) over the second stage.</summary>
    public required double Probability { get; init; }

    /// <summary>Its Monte Carlo standard error (at nodes with no hit or only hits, p from the fitted probit curve).</summary>
    public required double StandardError { get; init; }

    /// <summary>The rule's error on the fitted probit curve, whose integral is known exactly (NaN when no curve could be fitted).</summary>
    public required double QuadratureError { get; init; }

    /// <summary>A bound on the probability mass outside the window: Φ(Lower) + 1 − Φ(Upper).</summary>
    public required double TruncationBound { get; init; }

    /// <summary>α of the fitted curve p̃(z) = Φ(α + βz) (NaN when none).</summary>
    public required double ProbitIntercept { get; init; }

    /// <summary>β of the fitted curve (NaN when none).</summary>
    public required double ProbitSlope { get; init; }

    /// <summary>Replications simulated, both stages.</summary>
    public required long Replications { get; init; }

    /// <summary>The nodes of the second stage.</summary>
    internal IReadOnlyList<ConditionalReferenceNode> Nodes { get; init; } = [];

    /// <summary>The standard error over the probability (∞ when it is 0).</summary>
    public double RelativeError => Probability > 0 ? StandardError / Probability : double.PositiveInfinity;

    /// <summary>The systematic part of the error: quadrature (0 when unknown) plus truncation.</summary>
    public double SystematicError => (double.IsNaN(QuadratureError) ? 0 : QuadratureError) + TruncationBound;
}
