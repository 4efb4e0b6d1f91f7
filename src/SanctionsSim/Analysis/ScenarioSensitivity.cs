using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>
/// Global sensitivity analysis of the sanctions model: which levers drive an output such as the collapse
/// probability. A <see cref="Sweep"/> runs a Saltelli (Sobol) or Morris design over the levers, each point with
/// R replications on common random numbers; the indices are computed from the points' mean outputs, and the
/// share of their variance that is the model's own noise is reported beside them (a stochastic model is not
/// treated as deterministic). With a store (<see cref="ISweepStore"/>) the sweep is committed point by point and resumes after a kill.
/// </summary>
public sealed class ScenarioSensitivity
{
    private readonly SensitivityOptions _options;
    private readonly ExperimentDesign _design;
    private readonly Sweep _sweep;

    /// <summary>Prepares an analysis.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="parameters">The levers (scenario paths with ranges).</param>
    /// <param name="options">Method, samples, replications, metric; defaults when null.</param>
    /// <exception cref="ArgumentException">A lever is invalid.</exception>
    /// <exception cref="Validation.InvalidInputException">The options are invalid (every problem listed).</exception>
    public ScenarioSensitivity(Scenario scenario, IReadOnlyList<ExperimentParameter> parameters, SensitivityOptions? options = null)
    {
        ExperimentParameter.ValidateAll(parameters, nameof(parameters));
        _options = (options ?? new SensitivityOptions()).Clone();
        _options.Validate();
        ulong seed = _options.MonteCarlo.Seed;
        _design = _options.Method == SensitivityMethod.Sobol
            ? new SaltelliDesign(_options.Samples, parameters.Count, seed)
            : new MorrisDesign(_options.Samples, parameters.Count, _options.MorrisLevels, seed);
        _sweep = new Sweep(scenario, parameters, _design, new SweepOptions { MonteCarlo = _options.MonteCarlo, Posterior = _options.Posterior });
    }

    /// <summary>The design's points (each run with the replications per point).</summary>
    public long Points => _design.Count;

    /// <summary>The sweep underneath.</summary>
    public Sweep Sweep => _sweep;

    /// <summary>Runs the analysis.</summary>
    /// <param name="store">Where the sweep's points are committed (resumable; for example <c>SanctionsSim.IO.SweepDirectory</c>), or null.</param>
    /// <param name="resume">Resume the sweep in <paramref name="store"/>.</param>
    /// <param name="progress">Progress per point: <see cref="MonteCarloProgress.Completed"/> points of <see cref="MonteCarloProgress.Total"/>.</param>
    /// <param name="cancellationToken">Stops the sweep; the result is then incomplete, without indices.</param>
    /// <returns>The indices and the noise share.</returns>
    public Task<SensitivityResult> RunAsync(ISweepStore? store = null, bool resume = false, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => RunAsync(store, resume, SweepProgress.From(progress), cancellationToken);

    /// <summary>Runs the analysis, reporting progress as the command line's progress lines take it.</summary>
    internal async Task<SensitivityResult> RunAsync(ISweepStore? store, bool resume, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        var outputs = new double[_design.Count];
        double noise = 0;
        long seen = 0;
        SweepMetric metric = _options.Metric;
        SweepResult run = await _sweep.RunAsync(store, resume, p =>
        {
            outputs[p.Index] = p.Mean(metric);
            noise += p.Variance(metric) / p.Replications;
            seen++;
        }, progress, cancellationToken).ConfigureAwait(false);
        string[] names = _sweep.Parameters.Select(p => p.Name).ToArray();
        bool complete = run.Completed;
        double variance = complete ? MathNet.Numerics.Statistics.Statistics.Variance(outputs) : double.NaN;
        IReadOnlyList<SobolIndex> sobol = complete && _design is SaltelliDesign saltelli ? SobolAnalysis.FromOutputs(saltelli, outputs, names, _options.MonteCarlo.Seed, _options.Bootstrap, _options.MonteCarlo.Confidence) : [];
        IReadOnlyList<MorrisIndex> morris = complete && _design is MorrisDesign m ? MorrisAnalysis.FromOutputs(m, outputs, names, _options.MonteCarlo.Seed, _options.Bootstrap, _options.MonteCarlo.Confidence) : [];
        return new SensitivityResult
        {
            Method = _options.Method,
            Metric = metric,
            Design = _design.Description,
            Points = _design.Count,
            ReplicationsPerPoint = (int)_options.MonteCarlo.Replications,
            Sobol = sobol,
            Morris = morris,
            OutputVariance = variance,
            NoiseVariance = seen > 0 ? noise / seen : double.NaN,
            Completed = complete,
            Sweep = run,
        };
    }
}
