using System.Text.Json.Nodes;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Experiments;

/// <summary>
/// Runs the sanctions model at every point of an <see cref="ExperimentDesign"/>, the design's unit coordinates
/// mapped to lever values by the parameters' distributions and set in the scenario by path
/// (<see cref="ScenarioTemplate"/>). Points run in order, each with its replications in parallel on common
/// random numbers; finished points stream to a store (<see cref="ISweepStore"/>, for example the resumable
/// sweep folder of the <c>SanctionsSim.IO</c> package) as they finish, so memory stays flat however many points.
/// </summary>
/// <remarks>
/// A store commits each point as it finishes; a sweep resumed from a store reads the committed points back
/// (never recomputes them) and ends with exactly what an uninterrupted sweep would have stored.
/// </remarks>
public sealed class Sweep
{
    private static readonly string[] Columns =
    [
        "replications", "collapses", "collapseProbability", "collapseLower", "collapseUpper", "weeksSurvivedMean", "weeksSurvivedVariance",
        "collapseWeekMean", "finalShareMean", "finalShareVariance", "earlyGeneralsMean", "earlyGeneralsVariance", "humanitarianBurdenMean", "humanitarianBurdenVariance",
    ];

    private readonly ScenarioTemplate _template;
    private readonly ExperimentParameter[] _parameters;
    private readonly SweepOptions _options;

    /// <summary>Prepares a sweep.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="parameters">The levers: each name a scenario path (see <see cref="ScenarioTemplate"/>), with its range and distribution.</param>
    /// <param name="design">The design; its dimensions must equal the number of parameters.</param>
    /// <param name="options">Replications, seed, threads; defaults when null.</param>
    /// <exception cref="ArgumentException">The design's dimensions are not the number of parameters.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A parameter or path is invalid, or a lever's range produces an invalid scenario at either end (the message names the lever, the value and the rule).</exception>
    /// <exception cref="Validation.InvalidInputException">The options are invalid (every problem listed).</exception>
    public Sweep(Scenario scenario, IReadOnlyList<ExperimentParameter> parameters, ExperimentDesign design, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(design);
        if (design.Dimensions != parameters.Count)
        {
            throw new ArgumentException($"The design has {design.Dimensions} dimensions but there are {parameters.Count} parameters.", nameof(design));
        }

        _options = (options ?? new SweepOptions()).Clone();
        _options.Validate();
        try
        {
            ExperimentParameter.ValidateAll(parameters, nameof(parameters));
            _parameters = parameters.ToArray();
            _template = new ScenarioTemplate(scenario, _parameters.Select(p => p.Name).ToArray());

            // both ends of every range must make a valid scenario (others at their base values' points) before any compute is spent
            var values = new double[_parameters.Length];
            for (int i = 0; i < _parameters.Length; i++)
            {
                for (int j = 0; j < values.Length; j++)
                {
                    values[j] = _parameters[j].FromUnit(0.5);
                }

                foreach (double u in (ReadOnlySpan<double>)[0.0, 1.0])
                {
                    values[i] = _parameters[i].FromUnit(u);
                    _template.Apply(values);
                }
            }
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // a lever that names no numeric field, or whose range makes an invalid scenario, is the caller's input
            string message = e.ParamName is string name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            throw new System.ComponentModel.DataAnnotations.ValidationException("Invalid sweep levers: " + message, e);
        }

        Design = design;

        ScenarioHash = ScenarioJson.ExperimentHash(scenario, _options.Posterior?.Hash);
    }

    /// <summary>The design.</summary>
    public ExperimentDesign Design { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<ExperimentParameter> Parameters => _parameters;

    /// <summary>The scenario template (levers resolved to JSON paths).</summary>
    internal ScenarioTemplate Template => _template;

    /// <summary>The SHA-256 of the base scenario, recorded in the manifest.</summary>
    public string ScenarioHash { get; }

    /// <summary>The options (a copy).</summary>
    public SweepOptions Options => _options.Clone();

    /// <summary>The scenario of design point <paramref name="index"/>.</summary>
    /// <param name="index">The point's index.</param>
    /// <returns>The scenario, named after the base with the point's index.</returns>
    public Scenario ScenarioAt(long index) => _template.Apply(ValuesAt(index), $"{_template.Scenario.Name}#{index}");

    /// <summary>The lever values of design point <paramref name="index"/> (integer levers rounded).</summary>
    /// <param name="index">The point's index.</param>
    /// <returns>The values.</returns>
    public double[] ValuesAt(long index)
    {
        var unit = new double[_parameters.Length];
        Design.Point(index, unit);
        var values = new double[unit.Length];
        for (int j = 0; j < unit.Length; j++)
        {
            double v = _parameters[j].FromUnit(unit[j]);
            values[j] = _template.IsInteger[j] ? Math.Round(v, MidpointRounding.AwayFromZero) : v;
        }

        return values;
    }

    /// <summary>Runs one design point (no files).</summary>
    /// <param name="index">The point's index.</param>
    /// <param name="cancellationToken">Stops the point; the result is then null.</param>
    /// <returns>The point, or null when cancelled.</returns>
    public SweepPoint? RunPoint(long index, CancellationToken cancellationToken = default)
    {
        double[] values = ValuesAt(index);
        var scenario = _template.Apply(values, $"{_template.Scenario.Name}#{index}");
        IMonteCarloExperiment<SanctionsAccumulator, SanctionsSummary> model = _options.Posterior is null
            ? new SanctionsModel(scenario, recordRuns: _options.RecordOutcomes)
            : _options.Posterior.ModelOf(scenario, recordRuns: _options.RecordOutcomes);
        var result = new MonteCarloRunner(_options.MonteCarlo).Run(model, null, cancellationToken);
        if (result.IsPartial || result.Summary.Replications < _options.MonteCarlo.Replications)
        {
            return null;
        }

        SanctionsSummary s = result.Summary;
        int[]? weeks = null;
        if (_options.RecordOutcomes)
        {
            weeks = new int[s.Replications];
            foreach (RunRecord run in s.Runs)
            {
                weeks[run.Replication] = run.CollapseWeek ?? -1;
            }
        }

        return new SweepPoint
        {
            Index = index,
            Values = values,
            Replications = s.Replications,
            Collapses = s.Collapses,
            WeeksSurvivedMean = s.WeeksSurvived.Mean,
            WeeksSurvivedVariance = Var(s.WeeksSurvived),
            CollapseWeekMean = s.TimeToCollapse.Count == 0 ? double.NaN : s.TimeToCollapse.Mean,
            FinalDefectedShareMean = s.FinalDefectedShare.Mean,
            FinalDefectedShareVariance = Var(s.FinalDefectedShare),
            EarlyGeneralDefectionsMean = s.EarlyGeneralDefections.Mean,
            EarlyGeneralDefectionsVariance = Var(s.EarlyGeneralDefections),
            HumanitarianBurdenMean = s.HumanitarianBurden.Mean,
            HumanitarianBurdenVariance = Var(s.HumanitarianBurden),
            CollapseWeeks = weeks,
        };

        static double Var(RunningMoments m) => m.Count < 2 ? 0 : m.Variance;
    }

    /// <summary>Runs the sweep, committing each finished point to <paramref name="store"/> when given.</summary>
    /// <param name="store">Where finished points are committed (and, when resuming, read back from), or null to keep nothing.</param>
    /// <param name="resume">Continue the sweep recorded in the store.</param>
    /// <param name="onPoint">Called with every finished point in index order, including points read back on resume.</param>
    /// <param name="progress">Progress after each point: <see cref="MonteCarloProgress.Completed"/> points (including points read back on resume) of <see cref="MonteCarloProgress.Total"/>.</param>
    /// <param name="cancellationToken">Stops after the point in progress is abandoned; committed points stay committed.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="InvalidOperationException">The store holds another sweep (or, when resuming, none, or one that differs: the message names the field).</exception>
    public Task<SweepResult> RunAsync(ISweepStore? store = null, bool resume = false, Action<SweepPoint>? onPoint = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
        => RunAsync(store, resume, onPoint, SweepProgress.From(progress), cancellationToken);

    /// <summary>Runs the sweep, reporting progress as the command line's progress lines take it.</summary>
    internal async Task<SweepResult> RunAsync(ISweepStore? store, bool resume, Action<SweepPoint>? onPoint, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        if (store is null && resume)
        {
            throw new ArgumentException("Resuming needs the store of the earlier run.", nameof(resume));
        }

        long resumed = store is null ? 0 : resume ? store.Resume(this, onPoint) : store.Start(this);
        progress?.Report(new SweepProgress(resumed, Design.Count));
        long next = resumed;
        while (next < Design.Count)
        {
            SweepPoint? point = RunPoint(next, cancellationToken);
            if (point is null)
            {
                break;
            }

            if (store is not null)
            {
                await store.CommitAsync(this, point, CancellationToken.None).ConfigureAwait(false); // a started commit finishes
            }

            onPoint?.Invoke(point);
            next++;
            progress?.Report(new SweepProgress(next, Design.Count));
        }

        return new SweepResult { Points = Design.Count, PointsDone = next, PointsResumed = resumed, Location = store?.Location };
    }

    /// <summary>The names of the metric columns of a point, in the order of <see cref="MetricValues"/> (after the point index and the lever values).</summary>
    public static IReadOnlyList<string> MetricColumns => Columns;

    /// <summary>What identifies this sweep in a store: format, package version, scenario and its hash, levers, design, replications, seed, confidence. A store resumes only a sweep with the same identity.</summary>
    /// <returns>A fresh JSON object.</returns>
    public JsonObject Identity() => new()
    {
        ["format"] = "sanctionssim-sweep",
        ["formatVersion"] = 1,
        ["package"] = "SanctionsSim " + PackageVersion.Current,
        ["scenarioName"] = _template.Scenario.Name,
        ["scenarioHash"] = ScenarioHash,
        ["parameters"] = new JsonArray(_parameters.Select(p => (JsonNode)p.ToString()).ToArray()),
        ["design"] = Design.Description,
        ["points"] = Design.Count,
        ["replicationsPerPoint"] = _options.MonteCarlo.Replications,
        ["seed"] = _options.MonteCarlo.Seed,
        ["confidence"] = _options.MonteCarlo.Confidence,
        ["recordOutcomes"] = _options.RecordOutcomes,
    };

    /// <summary>A point's values of <see cref="MetricColumns"/> from the third on (after replications and collapses), in order, with the Wilson interval at the sweep's confidence.</summary>
    /// <param name="point">A point of this sweep.</param>
    /// <returns>The values.</returns>
    public double[] MetricValues(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        ConfidenceInterval ci = point.CollapseProbability.Wilson(_options.MonteCarlo.Confidence);
        return
        [
            point.CollapseProbability.Estimate, ci.Lower, ci.Upper, point.WeeksSurvivedMean, point.WeeksSurvivedVariance, point.CollapseWeekMean,
            point.FinalDefectedShareMean, point.FinalDefectedShareVariance, point.EarlyGeneralDefectionsMean, point.EarlyGeneralDefectionsVariance,
            point.HumanitarianBurdenMean, point.HumanitarianBurdenVariance,
        ];
    }
}
