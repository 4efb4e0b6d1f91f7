using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Calibration;

/// <summary>One parameter's ranks, rank histogram, uniformity test, coverage and error over the synthetic bases.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed class CoverageParameterResult
{
    internal CoverageParameterResult(ExperimentParameter prior, CoverageCheckOptions options, double[] truths, double[] means, int[] ranks, bool[] covered50, bool[] covered90)
    {
        Name = prior.Name;
        Truths = truths;
        PosteriorMeans = means;
        Ranks = ranks;
        var histogram = new int[options.Bins];
        int width = (options.PosteriorDraws + 1) / options.Bins;
        foreach (int r in ranks)
        {
            histogram[r / width]++;
        }

        Histogram = histogram;
        (ChiSquare, PValue) = CoverageCheck.Uniformity(histogram);
        Coverage50 = new ProportionEstimate(covered50.Count(c => c), covered50.Length);
        Coverage90 = new ProportionEstimate(covered90.Count(c => c), covered90.Length);
        bool log = prior.Distribution == ParameterDistribution.LogUniform;
        Func<double, double> scale = log ? Math.Log : x => x;
        double unit = (scale(prior.Upper) - scale(prior.Lower)) / Math.Sqrt(12);
        var errors = truths.Select((t, i) => (scale(means[i]) - scale(t)) / unit).ToArray();
        Bias = errors.Average();
        RootMeanSquareError = Math.Sqrt(errors.Average(e => e * e));
        LogScale = log;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The true value of each synthetic base (drawn from the prior).</summary>
    public IReadOnlyList<double> Truths { get; }

    /// <summary>The weighted posterior mean of each synthetic base's calibration, on the prior's scale (geometric, exp of the mean of ln θ, for a log-uniform prior).</summary>
    public IReadOnlyList<double> PosteriorMeans { get; }

    /// <summary>Each truth's rank: how many of the <see cref="CoverageCheckOptions.PosteriorDraws"/> posterior draws lie below it (0 to L).</summary>
    public IReadOnlyList<int> Ranks { get; }

    /// <summary>The ranks in <see cref="CoverageCheckOptions.Bins"/> equal bins (flat if the calibration is right).</summary>
    public IReadOnlyList<int> Histogram { get; }

    /// <summary>The χ² statistic of <see cref="Histogram"/> against a flat one (bins − 1 degrees of freedom).</summary>
    public double ChiSquare { get; }

    /// <summary>Its p-value: small values reject uniform ranks.</summary>
    public double PValue { get; }

    /// <summary>The share of synthetic bases whose central 50 % credible interval (weighted quantiles 0.25 to 0.75) covers the truth.</summary>
    public ProportionEstimate Coverage50 { get; }

    /// <summary>The share whose central 90 % interval (0.05 to 0.95) covers the truth.</summary>
    public ProportionEstimate Coverage90 { get; }

    /// <summary>The mean of posterior mean − truth, on the prior's scale (<see cref="LogScale"/>) in units of the prior's range / √12 (a uniform prior's standard deviation).</summary>
    public double Bias { get; }

    /// <summary>The root mean square of posterior mean − truth, in the units of <see cref="Bias"/> (for a uniform prior, the prior's mean as the estimate gives 1: below 1, the cases taught something).</summary>
    public double RootMeanSquareError { get; }

    /// <summary>Whether errors are measured on the log scale (log-uniform priors).</summary>
    public bool LogScale { get; }
}
