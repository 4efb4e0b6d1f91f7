using SanctionsSim.Model;

namespace SanctionsSim.Scorecard;

/// <summary>
/// A forecast of a held-out case's outcome type: a probability for each <see cref="OutcomeType"/> (in the enum's
/// order, summing to 1) and what happened, with its scores (docs/validation.md, §The scorecard).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OutcomeForecast
{
    /// <summary>The smallest probability a forecast may give a type: log scores stay finite (a forecaster that says "never" and is wrong scores −ln 0.005 ≈ 5.3).</summary>
    public const double Floor = 0.005;

    /// <summary>The case's name.</summary>
    public required string Case { get; init; }

    /// <summary>The forecaster's name.</summary>
    public required string Forecaster { get; init; }

    /// <summary>The fold the case was held out in.</summary>
    public required int Fold { get; init; }

    /// <summary>The probability of each outcome type, in the order of <see cref="OutcomeType"/>.</summary>
    public required IReadOnlyList<double> Probabilities { get; init; }

    /// <summary>What happened.</summary>
    public required OutcomeType Observed { get; init; }

    /// <summary>The Brier score over the four types, Σ_k (p_k − 1[k = observed])², in [0, 2]; lower is better.</summary>
    public double Brier => Probabilities.Select((p, k) => Square(p - (k == (int)Observed ? 1 : 0))).Sum();

    /// <summary>The log score, −ln p(observed) with p floored at <see cref="Floor"/>; lower is better.</summary>
    public double LogScore => -Math.Log(Math.Max(Floor, Probabilities[(int)Observed]));

    /// <summary>The type the forecast finds most likely (the first of equals).</summary>
    public OutcomeType MostLikely => (OutcomeType)Probabilities.Select((p, k) => (p, k)).MaxBy(x => x.p).k;

    /// <summary>Whether the most likely type is what happened.</summary>
    public bool Hit => MostLikely == Observed;

    /// <summary>Probabilities floored at <see cref="Floor"/> and renormalised.</summary>
    /// <param name="raw">Non-negative weights, one per type.</param>
    /// <returns>The probabilities.</returns>
    internal static double[] Normalise(ReadOnlySpan<double> raw)
    {
        var p = new double[raw.Length];
        double sum = 0;
        for (int k = 0; k < p.Length; k++)
        {
            sum += raw[k];
        }

        double total = 0;
        for (int k = 0; k < p.Length; k++)
        {
            p[k] = Math.Max(Floor, sum > 0 ? raw[k] / sum : 1.0 / p.Length);
            total += p[k];
        }

        for (int k = 0; k < p.Length; k++)
        {
            p[k] /= total;
        }

        return p;
    }

    private static double Square(double x) => x * x;
}
