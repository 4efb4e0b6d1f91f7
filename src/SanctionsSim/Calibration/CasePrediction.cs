using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Calibration;

/// <summary>
/// A case's posterior predictive check: replications with structural parameters drawn from a posterior, set
/// against what happened. <see cref="Hit"/> says whether the qualitative outcome is reproduced: a case that fell
/// needs P(collapse) &gt; 1/2, a case that held P(collapse) &lt; 1/2.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class CasePrediction
{
    internal CasePrediction(HistoricalCase historicalCase, CaseStatistics[] draws, double confidence)
    {
        Case = historicalCase;
        Replications = draws.Length;
        Collapse = new ProportionEstimate(draws.Count(d => d.Collapsed), draws.Length);
        CollapseInterval = Collapse.Wilson(confidence);
        Confidence = confidence;
        var weeks = draws.Where(d => d.Collapsed).Select(d => (double)d.CollapseWeek).ToArray();
        CollapseWeek = weeks.Length == 0 ? null : Band(weeks);
        EarlyGeneralDefections = Band(draws.Select(d => (double)d.EarlyGeneralDefections).ToArray());
        GeneralsDefected = Band(draws.Select(d => (double)d.GeneralsDefected).ToArray());
        DefectedShare = Band(draws.Select(d => d.DefectedShare).ToArray());
        EarlyLowRankCrossings = Band(draws.Select(d => d.EarlyLowRankCrossings).ToArray());
        LowRankCrossings = Band(draws.Select(d => d.LowRankCrossings).ToArray());
        MeanDistance = draws.Average(d => historicalCase.Distance(d));
    }

    /// <summary>The case.</summary>
    public HistoricalCase Case { get; }

    /// <summary>Replications simulated (each with its own posterior draw).</summary>
    public int Replications { get; }

    /// <summary>The predictive probability of collapse within the horizon.</summary>
    public ProportionEstimate Collapse { get; }

    /// <summary>Its Wilson interval.</summary>
    public ConfidenceInterval CollapseInterval { get; }

    /// <summary>The confidence level of <see cref="CollapseInterval"/>.</summary>
    public double Confidence { get; }

    /// <summary>The week of collapse among replications that collapsed (median and 5–95 % band), or null if none did.</summary>
    public PredictiveBand? CollapseWeek { get; }

    /// <summary>Generals defecting in the first twelve weeks.</summary>
    public PredictiveBand EarlyGeneralDefections { get; }

    /// <summary>Generals defecting over the horizon.</summary>
    public PredictiveBand GeneralsDefected { get; }

    /// <summary>The final defected share.</summary>
    public PredictiveBand DefectedShare { get; }

    /// <summary>Rank-and-file crossings in the first twelve weeks.</summary>
    public PredictiveBand EarlyLowRankCrossings { get; }

    /// <summary>Rank-and-file crossings over the horizon.</summary>
    public PredictiveBand LowRankCrossings { get; }

    /// <summary>The mean distance of the replications to the observation.</summary>
    public double MeanDistance { get; }

    /// <summary>Whether the qualitative outcome is reproduced (P(collapse) on the observed side of 1/2).</summary>
    public bool Hit => Case.Observation.Collapsed ? Collapse.Estimate > 0.5 : Collapse.Estimate < 0.5;

    /// <summary>Whether the interval of P(collapse) lies entirely on the observed side of 1/2 (a hit beyond Monte Carlo doubt).</summary>
    public bool ClearHit => Case.Observation.Collapsed ? CollapseInterval.Lower > 0.5 : CollapseInterval.Upper < 0.5;

    /// <summary>Runs the check.</summary>
    /// <param name="historicalCase">The case.</param>
    /// <param name="posterior">The posterior.</param>
    /// <param name="replications">Replications (each draws its particle; ≥ 1).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="threads">Worker threads (−1: every core).</param>
    /// <param name="confidence">The confidence level of the collapse interval.</param>
    /// <returns>The check.</returns>
    public static CasePrediction Run(HistoricalCase historicalCase, Posterior posterior, int replications = 400, ulong seed = 1, int threads = -1, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(historicalCase);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        Internal.Guard.OpenUnit(confidence);
        // the case's uncertain facts are drawn within their ranges as the structure is drawn from the posterior
        Func<ulong, long, Simulation.RunResult> run = historicalCase.Ranges.Count > 0
            ? new FactRangeModel(historicalCase.Scenario, historicalCase.Ranges, posterior).RunSingle
            : new PosteriorModel(historicalCase.Scenario, posterior).RunSingle;
        var draws = new CaseStatistics[replications];
        Parallel.For(0, replications, new ParallelOptions { MaxDegreeOfParallelism = threads == -1 ? Environment.ProcessorCount : threads }, i =>
            draws[i] = CaseStatistics.From(run(seed, i)));
        return new CasePrediction(historicalCase, draws, confidence);
    }

    private static PredictiveBand Band(double[] values)
    {
        Array.Sort(values);
        return new PredictiveBand(MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(values, 0.5),
            MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(values, 0.05),
            MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(values, 0.95));
    }
}
