using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>
/// Locates a tipping point: for one lever, where along its range the collapse probability crosses a level
/// (say 50 %). The lever runs over an even grid; every grid point runs the same replications (same seed and
/// indices: common random numbers), so the estimated curve is smooth and differences along it are precise.
/// The crossing is interpolated between the grid points on either side of the first crossing, and its interval
/// comes from a bootstrap that resamples replication indices jointly across the grid.
/// </summary>
public sealed class TippingScan
{
    private readonly TippingOptions _options;
    private readonly Sweep _sweep;

    /// <summary>Prepares a scan.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="lever">The lever (a scenario path with its range; the distribution is ignored, the grid is even).</param>
    /// <param name="options">Grid, level, replications; defaults when null.</param>
    /// <exception cref="ArgumentException">The lever is invalid.</exception>
    /// <exception cref="Validation.InvalidInputException">The options are invalid (every problem listed).</exception>
    public TippingScan(Scenario scenario, ExperimentParameter lever, TippingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lever);
        _options = (options ?? new TippingOptions()).Clone();
        _options.Validate();
        Lever = lever with { Distribution = ParameterDistribution.Uniform };
        _sweep = new Sweep(scenario, [Lever], new FullFactorialDesign([_options.Points]), new SweepOptions { MonteCarlo = _options.MonteCarlo, RecordOutcomes = true, Posterior = _options.Posterior });
    }

    /// <summary>The lever.</summary>
    public ExperimentParameter Lever { get; }

    /// <summary>Runs the scan.</summary>
    /// <param name="store">Where the grid points are committed (resumable; for example <c>SanctionsSim.IO.SweepDirectory</c>), or null.</param>
    /// <param name="resume">Resume the scan in <paramref name="store"/>.</param>
    /// <param name="progress">Progress per grid point: <see cref="MonteCarloProgress.Completed"/> points of <see cref="MonteCarloProgress.Total"/>.</param>
    /// <param name="cancellationToken">Stops the scan; the result is then incomplete.</param>
    /// <returns>The curve and the crossing.</returns>
    public Task<TippingResult> RunAsync(ISweepStore? store = null, bool resume = false, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => RunAsync(store, resume, SweepProgress.From(progress), cancellationToken);

    /// <summary>Runs the scan, reporting progress as the command line's progress lines take it.</summary>
    internal async Task<TippingResult> RunAsync(ISweepStore? store, bool resume, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        int g = _options.Points, r = (int)_options.MonteCarlo.Replications;
        var values = new double[g];
        var collapsed = new bool[g][];
        var curve = new List<TippingCurvePoint>(g);
        SweepResult run = await _sweep.RunAsync(store, resume, p =>
        {
            values[p.Index] = p.Values[0];
            collapsed[p.Index] = p.CollapseWeeks!.Select(w => w >= 0).ToArray();
            curve.Add(new TippingCurvePoint(p.Values[0], p.CollapseProbability, p.CollapseProbability.Wilson(_options.MonteCarlo.Confidence)));
        }, progress, cancellationToken).ConfigureAwait(false);
        if (!run.Completed)
        {
            return new TippingResult { Lever = Lever.Name, Level = _options.Level, Curve = curve, Crossing = null, CrossingInterval = new ConfidenceInterval(double.NaN, double.NaN, _options.MonteCarlo.Confidence), NoCrossingShare = double.NaN, Direction = 0, Completed = false, Sweep = run };
        }

        var p = curve.Select(c => c.Probability.Estimate).ToArray();
        var (crossing, direction) = Cross(values, p, _options.Level);

        var boot = new RandomStream(_options.MonteCarlo.Seed, 3, StreamKeys.Design);
        var counts = new int[g];
        var resampled = new double[g];
        var crossings = new List<double>(_options.Bootstrap);
        int none = 0;
        for (int b = 0; b < _options.Bootstrap; b++)
        {
            Array.Clear(counts);
            for (int i = 0; i < r; i++)
            {
                int pick = boot.NextInt32(r);
                for (int j = 0; j < g; j++)
                {
                    counts[j] += collapsed[j][pick] ? 1 : 0;
                }
            }

            for (int j = 0; j < g; j++)
            {
                resampled[j] = (double)counts[j] / r;
            }

            var (x, _) = Cross(values, resampled, _options.Level);
            if (x is double v)
            {
                crossings.Add(v);
            }
            else
            {
                none++;
            }
        }

        double tail = (1 - _options.MonteCarlo.Confidence) / 2;
        return new TippingResult
        {
            Lever = Lever.Name,
            Level = _options.Level,
            Curve = curve,
            Crossing = crossing,
            CrossingInterval = crossings.Count > 0 ? Bootstrap.Percentile([.. crossings], tail, _options.MonteCarlo.Confidence) : new ConfidenceInterval(double.NaN, double.NaN, _options.MonteCarlo.Confidence),
            NoCrossingShare = _options.Bootstrap > 0 ? (double)none / _options.Bootstrap : double.NaN,
            Direction = direction,
            Completed = true,
            Sweep = run,
        };
    }

    /// <summary>The first crossing of <paramref name="level"/> along the grid, linearly interpolated, and its direction.</summary>
    internal static (double? Crossing, int Direction) Cross(double[] x, double[] p, double level)
    {
        for (int j = 0; j + 1 < p.Length; j++)
        {
            bool below = p[j] < level, nextBelow = p[j + 1] < level;
            if (below != nextBelow)
            {
                double t = (level - p[j]) / (p[j + 1] - p[j]);
                return (x[j] + (t * (x[j + 1] - x[j])), below ? 1 : -1);
            }
        }

        return (null, 0);
    }
}
