using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.RareEvents;

/// <summary>
/// A reference value for a rare event's probability, to validate the estimators against: condition on one input
/// (on the scenarios, the corps' cohesion draw, coordinate 0 of block 0), estimate P(event | input = z) by plain Monte
/// Carlo at the nodes of a composite Gauss–Legendre rule, and integrate over the standard normal density
/// (docs/rare-events.md, §Validation).
/// </summary>
/// <remarks>
/// <para>
/// P = ∫ φ(z)·p(z) dz with p(z) = P(S ≥ target | g = z). Given the input, the event is not rare where it matters
/// (where φ(z)·p(z) is large), so plain Monte Carlo estimates p(z) there well. With nodes z_i and weights w_i of the
/// rule on [<see cref="ConditionalReferenceOptions.Lower"/>, <see cref="ConditionalReferenceOptions.Upper"/>] and
/// n_i independent replications at node i with the input held at z_i (every other input drawn from the prior),
/// P̂ = Σ_i w_i·φ(z_i)·(hits_i / n_i) is an unbiased estimate of the rule's value, with variance
/// Σ_i (w_i·φ(z_i))²·p_i(1 − p_i)/n_i.
/// </para>
/// <para>
/// Two stages: a pilot of <see cref="ConditionalReferenceOptions.PilotReplications"/> per node fits a probit curve
/// p̃(z) = Φ(α + βz) (weighted least squares on the nodes with some but not all hits), and the
/// <see cref="ConditionalReferenceOptions.Replications"/> of the second stage are allocated to the nodes in proportion
/// to w_i·φ(z_i)·√(p̃_i(1 − p̃_i)) (Neyman allocation), at least <see cref="ConditionalReferenceOptions.MinReplications"/>
/// each. Only the second stage enters the estimate, so the allocation does not bias it.
/// </para>
/// <para>
/// The error is stated in three parts: the Monte Carlo standard error (at a node with no hit or only hits, p_i is taken
/// from the probit curve fitted to the second stage, so a node that saw nothing still counts), the quadrature error of
/// the rule on the fitted curve (|rule − Φ(α/√(1 + β²))|, the curve's exact integral), and the mass outside the window,
/// at most Φ(Lower) + 1 − Φ(Upper) since p ≤ 1. Replications depend only on (seed, node, stage, index), not on the threads.
/// </para>
/// </remarks>
internal static class ConditionalReference
{
    /// <summary>Computes the reference.</summary>
    /// <param name="model">The model; its replications read the conditioning input from <see cref="ConditionalReferenceOptions.Block"/>, <see cref="ConditionalReferenceOptions.Coordinate"/>.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <returns>The reference with its errors and every node.</returns>
    /// <exception cref="ArgumentException">The options are invalid or the model's target is not finite.</exception>
    public static ConditionalReferenceResult Estimate(IInputSplittingModel model, ConditionalReferenceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = (options ?? new ConditionalReferenceOptions()).Clone();
        options.Validate();
        if (!double.IsFinite(model.Target))
        {
            throw new ArgumentException($"The model's target must be finite; got {model.Target}.", nameof(model));
        }

        var (z, weight) = Nodes(options);
        int k = z.Length;
        ulong key = KeyRegistry.Salted(options.Seed, SeedSalt.ConditionalReference);
        var pilot = new int[k];
        for (int i = 0; i < k; i++)
        {
            pilot[i] = Hits(model, options, RandomStream.CounterBits(key, i, 0), z[i], options.PilotReplications, cancellationToken);
        }

        var pilotFit = Probit(z, pilot, Enumerable.Repeat(options.PilotReplications, k).ToArray());
        var allocation = new double[k];
        for (int i = 0; i < k; i++)
        {
            double p = pilotFit is { } f ? f.At(z[i]) : (pilot[i] + 0.5) / (options.PilotReplications + 1.0);
            allocation[i] = weight[i] * Math.Sqrt(p * (1 - p));
        }

        double total = allocation.Sum();
        var n = new int[k];
        var hits = new int[k];
        for (int i = 0; i < k; i++)
        {
            double share = total > 0 ? allocation[i] / total : 1.0 / k;
            n[i] = (int)Math.Min(int.MaxValue, Math.Max(options.MinReplications, Math.Round(options.Replications * share)));
            hits[i] = Hits(model, options, RandomStream.CounterBits(key, i, 1), z[i], n[i], cancellationToken);
        }

        var fit = Probit(z, hits, n) ?? pilotFit;
        double estimate = 0, variance = 0;
        var nodes = new ConditionalReferenceNode[k];
        for (int i = 0; i < k; i++)
        {
            double p = (double)hits[i] / n[i];
            estimate += weight[i] * p;
            double pv = (hits[i] == 0 || hits[i] == n[i]) && fit is { } f ? f.At(z[i]) : p;
            variance += weight[i] * weight[i] * pv * (1 - pv) / n[i];
            nodes[i] = new ConditionalReferenceNode(z[i], weight[i], n[i], hits[i]);
        }

        double quadrature = double.NaN;
        if (fit is { } g)
        {
            double rule = 0;
            for (int i = 0; i < k; i++)
            {
                rule += weight[i] * g.At(z[i]);
            }

            quadrature = Math.Abs(rule - Normal.CDF(0, 1, g.Intercept / Math.Sqrt(1 + (g.Slope * g.Slope))));
        }

        return new ConditionalReferenceResult
        {
            Probability = estimate,
            StandardError = Math.Sqrt(variance),
            QuadratureError = quadrature,
            TruncationBound = Normal.CDF(0, 1, options.Lower) + Normal.CDF(0, 1, -options.Upper),
            ProbitIntercept = fit?.Intercept ?? double.NaN,
            ProbitSlope = fit?.Slope ?? double.NaN,
            Replications = ((long)options.PilotReplications * k) + n.Sum(x => (long)x),
            Nodes = nodes,
        };
    }

    /// <summary>The nodes of the composite rule and their weights times the standard normal density.</summary>
    internal static (double[] Z, double[] Weight) Nodes(ConditionalReferenceOptions options)
    {
        int panels = options.Panels;
        double width = (options.Upper - options.Lower) / panels;
        var z = new List<double>();
        var w = new List<double>();
        for (int p = 0; p < panels; p++)
        {
            var rule = new GaussLegendreRule(options.Lower + (p * width), options.Lower + ((p + 1) * width), options.PointsPerPanel);
            for (int j = 0; j < rule.Order; j++)
            {
                z.Add(rule.Abscissas[j]);
                w.Add(rule.Weights[j] * Normal.PDF(0, 1, rule.Abscissas[j]));
            }
        }

        return (z.ToArray(), w.ToArray());
    }

    /// <summary>How many of <paramref name="n"/> replications with the input held at <paramref name="z"/> reach the target.</summary>
    private static int Hits(IInputSplittingModel model, ConditionalReferenceOptions options, ulong seed, double z, int n, CancellationToken cancellationToken)
    {
        int hits = 0;
        Parallel.For(
            0,
            n,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken },
            () => (Path: model.CreateInputPath(), Spare: (RandomInputs?)null, Hits: 0),
            (j, _, local) =>
            {
                // the prior draw with the conditioning input moved to z: every other coordinate is the prior's
                var prior = RandomInputs.FromPrior(seed, j, local.Spare);
                double g = prior.Normal(options.Block, options.Coordinate);
                var shift = new InputShift([new ShiftedCoordinate { Block = options.Block, Coordinate = options.Coordinate, Mean = z - g }]);
                var inputs = RandomInputs.FromShiftedPrior(seed, j, shift, prior);
                double score = local.Path.Score(inputs);
                if (double.IsNaN(score))
                {
                    throw new InvalidOperationException("The model returned a score that is not a number.");
                }

                return (local.Path, inputs, local.Hits + (score >= model.Target ? 1 : 0));
            },
            local => Interlocked.Add(ref hits, local.Hits));
        return hits;
    }

    /// <summary>
    /// Weighted least squares of Φ⁻¹(hits/n) on z over the nodes with some but not all hits (weights n·φ(y)²/(p(1 − p)),
    /// the inverse delta-method variances); null when fewer than two such nodes.
    /// </summary>
    internal static ProbitCurve? Probit(double[] z, int[] hits, int[] n)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        int used = 0;
        for (int i = 0; i < z.Length; i++)
        {
            if (hits[i] <= 0 || hits[i] >= n[i])
            {
                continue;
            }

            double p = (double)hits[i] / n[i];
            double y = Normal.InvCDF(0, 1, p);
            double d = Normal.PDF(0, 1, y);
            double w = n[i] * d * d / (p * (1 - p));
            sw += w;
            sx += w * z[i];
            sy += w * y;
            sxx += w * z[i] * z[i];
            sxy += w * z[i] * y;
            used++;
        }

        double det = (sw * sxx) - (sx * sx);
        if (used < 2 || !(det > 1e-12 * sw * sxx))
        {
            return null;
        }

        double slope = ((sw * sxy) - (sx * sy)) / det;
        return new ProbitCurve((sy - (slope * sx)) / sw, slope);
    }

    /// <summary>p̃(z) = Φ(α + βz), kept away from 0 and 1.</summary>
    internal readonly record struct ProbitCurve(double Intercept, double Slope)
    {
        public double At(double z) => Math.Clamp(Normal.CDF(0, 1, Intercept + (Slope * z)), 1e-300, 1 - 1e-16);
    }
}
