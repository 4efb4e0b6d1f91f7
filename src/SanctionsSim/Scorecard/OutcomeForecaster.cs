using SanctionsSim.Calibration;
using SanctionsSim.Model;

namespace SanctionsSim.Scorecard;

/// <summary>A way to forecast a held-out case's outcome type from the cases of the other folds.</summary>
internal abstract class OutcomeForecaster
{
    /// <summary>The number of outcome types.</summary>
    protected static readonly int Types = Enum.GetValues<OutcomeType>().Length;

    /// <summary>The forecaster's name in tables and files.</summary>
    public abstract string Name { get; }

    /// <summary>Fits on the training cases of a fold and returns the forecast of a held-out case.</summary>
    public abstract Func<HistoricalCase, double[]> Fit(IReadOnlyList<HistoricalCase> training, int fold);

    /// <summary>A case's observed outcome type (every case of the case base records one).</summary>
    protected static OutcomeType Observed(HistoricalCase c)
        => c.Observation.Outcome ?? (c.Observation.Collapsed ? OutcomeType.CollapseByDefection : OutcomeType.Survived);
}

/// <summary>The base rate: the training folds' frequency of each type, with one pseudo-case per type (Laplace).</summary>
internal sealed class BaseRateForecaster : OutcomeForecaster
{
    public override string Name => "base rate";

    public override Func<HistoricalCase, double[]> Fit(IReadOnlyList<HistoricalCase> training, int fold)
    {
        var counts = new double[Types];
        foreach (var c in training)
        {
            counts[(int)Observed(c)]++;
        }

        for (int k = 0; k < Types; k++)
        {
            counts[k]++;
        }

        double[] p = OutcomeForecast.Normalise(counts);
        return _ => p;
    }
}

/// <summary>"The regime survives": all the probability on survival but the floor.</summary>
internal sealed class SurvivesForecaster : OutcomeForecaster
{
    public override string Name => "the regime survives";

    public override Func<HistoricalCase, double[]> Fit(IReadOnlyList<HistoricalCase> training, int fold)
    {
        var weights = new double[Types];
        weights[(int)OutcomeType.Survived] = 1;
        double[] p = OutcomeForecast.Normalise(weights);
        return _ => p;
    }
}
