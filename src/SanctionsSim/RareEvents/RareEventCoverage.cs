using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>
/// A coverage study of the rare-event estimators: <see cref="InputSplitting"/> run at many seeds against a known
/// probability (for example a <see cref="ConditionalReference"/>), counting the intervals that cover it, with the
/// estimators' bias, error and cost (docs/rare-events.md, §Validation).
/// </summary>
/// <remarks>
/// Seed s runs one pilot (<see cref="InputSplitting.Pilot(ScenarioSplitting, InputSplittingOptions?, CancellationToken)"/>) and each method with that pilot's levels and shift, so the
/// methods are compared on the same pilot; each method's cost counts the pilot in full. Seed s is
/// <c>options.Seed + s</c>, s = 0 … seeds − 1.
/// </remarks>
internal static class RareEventCoverage
{
    /// <summary>Runs the study.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The probability the intervals should cover.</param>
    /// <param name="options">The estimators' options; <see cref="InputSplittingOptions.Seed"/> is the first seed and <see cref="InputSplittingOptions.Method"/> is ignored.</param>
    /// <param name="seeds">How many seeds. Range [1, 1,000,000].</param>
    /// <param name="methods">The methods; null for both (importance sampling, then splitting).</param>
    /// <param name="onEstimate">Called with each estimate as it finishes.</param>
    /// <param name="cancellationToken">Stops the study.</param>
    /// <returns>One row per method, with every estimate.</returns>
    /// <exception cref="ArgumentException">The options, the reference or the number of seeds are invalid.</exception>
    public static RareEventCoverageResult Run(IInputSplittingModel model, double reference, InputSplittingOptions options, int seeds, IReadOnlyList<InputSplittingMethod>? methods = null, Action<RareEventCoverageEstimate>? onEstimate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!(reference > 0 && reference < 1))
        {
            throw new ArgumentException($"The reference must be a probability in (0, 1); got {reference}.", nameof(reference));
        }

        if (seeds is < 1 or > 1_000_000)
        {
            throw new ArgumentException($"seeds must be in [1, 1000000]; got {seeds}.", nameof(seeds));
        }

        methods ??= [InputSplittingMethod.ImportanceSampling, InputSplittingMethod.Splitting];
        var estimates = methods.ToDictionary(m => m, _ => new List<RareEventCoverageEstimate>());
        for (int s = 0; s < seeds; s++)
        {
            var seeded = options.Clone();
            seeded.Seed = options.Seed + (ulong)s;
            var levels = InputSplitting.Pilot(model, seeded, cancellationToken);
            foreach (var method in methods)
            {
                seeded.Method = method;
                var result = InputSplitting.Estimate(model, seeded, levels, cancellationToken: cancellationToken);
                var estimate = new RareEventCoverageEstimate
                {
                    Method = method,
                    Seed = seeded.Seed,
                    Probability = result.Probability,
                    StandardError = result.StandardError,
                    Interval = result.Interval,
                    Replications = result.Paths,
                    Shifted = method == InputSplittingMethod.ImportanceSampling ? levels.Shift.Count : 0,
                    Runs = result.Runs.Select(r => r.Estimate).ToArray(),
                    Covers = result.Interval.Contains(reference),
                };
                estimates[method].Add(estimate);
                onEstimate?.Invoke(estimate);
            }
        }

        return new RareEventCoverageResult
        {
            Reference = reference,
            Confidence = options.Confidence,
            Rows = methods.Select(m => Row(m, reference, estimates[m])).ToList(),
        };
    }

    /// <summary>One interval construction on runs' estimates: Student's (<paramref name="skew"/> false), Hall's, or the lognormal one.</summary>
    internal static ConfidenceInterval Interval(IReadOnlyList<double> runs, double confidence, RunInterval kind, bool skew)
    {
        if (kind == RunInterval.LogNormal)
        {
            return SplittingResult.LogNormalInterval(runs, confidence);
        }

        int r = runs.Count;
        double mean = runs.Sum() / r;
        double m2 = 0, m3 = 0;
        foreach (double x in runs)
        {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        double se = Math.Sqrt(m2 / (r - 1) / r);
        double gamma = skew && m2 > 0 ? (m3 / r) / Math.Pow(m2 / r, 1.5) : 0;
        return SplittingResult.SkewCorrectedInterval(mean, se, gamma, r, confidence);
    }

    /// <summary>A method's row from its estimates.</summary>
    internal static RareEventCoverageRow Row(InputSplittingMethod method, double reference, List<RareEventCoverageEstimate> list)
    {
        int n = list.Count;
        double mean = list.Average(e => e.Probability);
        double sd = n > 1 ? Math.Sqrt(list.Sum(e => (e.Probability - mean) * (e.Probability - mean)) / (n - 1)) : double.NaN;
        double mse = list.Average(e => (e.Probability - reference) * (e.Probability - reference));
        double replications = list.Average(e => (double)e.Replications);
        return new RareEventCoverageRow
        {
            Method = method,
            Coverage = new ProportionEstimate(list.Count(e => e.Covers), n),
            Below = list.Count(e => e.Interval.Upper < reference),
            Above = list.Count(e => e.Interval.Lower > reference),
            Zeros = list.Count(e => e.Probability == 0),
            RelativeBias = (mean / reference) - 1,
            RelativeBiasError = sd / Math.Sqrt(n) / reference,
            RelativeRmse = Math.Sqrt(mse) / reference,
            MeanReportedRelativeError = list.Average(e => e.Probability > 0 ? e.StandardError / e.Probability : double.PositiveInfinity),
            MeanReplications = replications,
            WorkNormalizedVariance = mse / (reference * reference) * replications,
            Estimates = list,
        };
    }
}
